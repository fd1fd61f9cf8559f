#pragma once
// Work that must not run on an event loop (a LibreOffice conversion takes seconds), done by a
// few threads of its own. A coroutine awaits run(): it suspends, a worker runs the function,
// and the coroutine resumes on the loop it came from with the result or the exception. At
// most `threads` jobs run at once and `max_waiting` wait; beyond that run() throws PoolBusy
// at once rather than queueing without bound.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/event_loop.hpp"
#include "core/task.hpp"

namespace thidua::docs {

class PoolBusy : public std::runtime_error {
 public:
  PoolBusy() : std::runtime_error("worker pool: queue full") {}
};

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t max_waiting);
  // Sets cancelled() (a running job should stop soon: LibreOffice is killed), then joins.
  // Jobs still waiting are dropped: their coroutines never resume, as at process exit.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Call on an event-loop thread.
  template <class T>
  Task<T> run(std::function<T()> fn) {
    Awaiter<T> awaiter{*this, std::move(fn), {}, {}};  // a named local (GCC 12)
    co_return co_await awaiter;
  }
  const std::atomic<bool>& cancelled() const { return cancelled_; }
  // Jobs running or waiting now.
  std::size_t load() const;

 private:
  template <class T>
  struct Awaiter {
    WorkerPool& pool;
    std::function<T()> fn;
    std::optional<T> value;
    std::exception_ptr error;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> handle) {
      IoContext& loop = current_loop();
      bool queued = pool.submit([this, handle, &loop] {
        try {
          value.emplace(fn());
        } catch (...) {
          error = std::current_exception();
        }
        resume_on(loop, handle);
      });
      if (!queued) error = std::make_exception_ptr(PoolBusy());
      return queued;  // false: resume at once with the error
    }
    T await_resume() {
      if (error) std::rethrow_exception(error);
      return std::move(*value);
    }
  };

  bool submit(std::function<void()> job);
  void work();

  std::size_t threads_;
  std::size_t max_waiting_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  bool stop_ = false;
  std::atomic<bool> cancelled_{false};
  std::vector<std::thread> workers_;
};

}  // namespace thidua::docs
