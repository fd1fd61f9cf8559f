#pragma once
// A set of event loops, one thread each. A connection, its Redis client and every coroutine
// it starts stay on one loop, so nothing in a request path is shared across threads.
#include <chrono>
#include <coroutine>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/task.hpp"

namespace boost::asio {
class io_context;
}

namespace thidua {

using IoContext = boost::asio::io_context;

// The loop that the calling thread runs (set while a loop thread runs it); throws elsewhere.
IoContext& current_loop();
// Index of the calling thread's loop in its EventLoops (0 when not a loop thread).
std::size_t current_loop_index();

// Runs `fn` later on `loop`; safe from any thread.
void post_to(IoContext& loop, std::function<void()> fn);
// Resumes a coroutine on `loop`; safe from any thread.
void resume_on(IoContext& loop, std::coroutine_handle<> handle);

// Suspends the calling coroutine for `delay` without blocking its loop.
Task<void> sleep_for(std::chrono::milliseconds delay);

// Runs `tick` again and again, `interval()` apart, until `stopping()`. A tick that throws
// is logged as `failed_event` with its error and the next one tries again. The pause is
// slept in steps of at most 200 ms, so a stop is noticed within a fraction of a tick.
Task<void> run_every(std::function<std::chrono::milliseconds()> interval,
                     std::function<Task<void>()> tick, std::function<bool()> stopping,
                     std::string failed_event);

// Checks `done()` on `loop` every 20 ms until it holds or `deadline` passes, then calls
// `then(done())` there (false: the deadline came first). How a stop waits for work in flight
// (requests, background tasks) without blocking the loop. Call on `loop`'s thread or before
// it runs; `then` runs once.
void poll_until(IoContext& loop, std::function<bool()> done,
                std::chrono::steady_clock::time_point deadline, std::function<void(bool)> then);

class EventLoops {
 public:
  explicit EventLoops(std::size_t count);
  ~EventLoops();
  EventLoops(const EventLoops&) = delete;
  EventLoops& operator=(const EventLoops&) = delete;

  std::size_t size() const;
  IoContext& at(std::size_t index);
  // Runs every loop, each on its own thread (loop 0 on the caller's), until stop(); may be
  // called again after that.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace thidua
