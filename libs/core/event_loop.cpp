#include "core/event_loop.hpp"

#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <thread>

#include "core/log.hpp"

namespace thidua {
namespace {
thread_local IoContext* tl_loop = nullptr;
thread_local std::size_t tl_loop_index = 0;
}  // namespace

IoContext& current_loop() {
  if (!tl_loop) throw std::logic_error("not on an event-loop thread");
  return *tl_loop;
}

std::size_t current_loop_index() {
  return tl_loop_index;
}

void post_to(IoContext& loop, std::function<void()> fn) {
  boost::asio::post(loop, std::move(fn));
}

void resume_on(IoContext& loop, std::coroutine_handle<> handle) {
  boost::asio::post(loop, [handle] { handle.resume(); });
}

void poll_until(IoContext& loop, std::function<bool()> done,
                std::chrono::steady_clock::time_point deadline, std::function<void(bool)> then) {
  auto timer = std::make_shared<boost::asio::steady_timer>(loop);
  auto poll = std::make_shared<std::function<void()>>();
  *poll = [timer, poll, deadline, done = std::move(done), then = std::move(then)] {
    bool finished = done();
    if (finished || std::chrono::steady_clock::now() >= deadline) {
      // Resetting *poll destroys this closure and its captures: move `then` out first.
      auto last = then;
      *poll = nullptr;  // break the self-reference
      last(finished);
      return;
    }
    timer->expires_after(std::chrono::milliseconds(20));
    timer->async_wait([poll](const boost::system::error_code&) {
      if (*poll) (*poll)();
    });
  };
  post_to(loop, [poll] { (*poll)(); });
}

namespace {
struct SleepAwaiter {
  std::chrono::milliseconds delay;
  std::shared_ptr<boost::asio::steady_timer> timer;
  bool await_ready() const noexcept { return delay.count() <= 0; }
  void await_suspend(std::coroutine_handle<> handle) {
    timer = std::make_shared<boost::asio::steady_timer>(current_loop(), delay);
    timer->async_wait(
        [handle, keep = timer](const boost::system::error_code&) { handle.resume(); });
  }
  void await_resume() const noexcept {}
};
}  // namespace

Task<void> sleep_for(std::chrono::milliseconds delay) {
  SleepAwaiter awaiter{delay, nullptr};  // a named local: see RedisClient::command
  co_await awaiter;
}

Task<void> run_every(std::function<std::chrono::milliseconds()> interval,
                     std::function<Task<void>()> tick, std::function<bool()> stopping,
                     std::string failed_event) {
  while (!stopping()) {
    std::string error;
    try {
      co_await tick();
    } catch (const std::exception& e) {
      error = e.what();  // no co_await in a handler: log after it
    }
    if (!error.empty()) log::warn(failed_event, {{"error", error}});
    auto left = interval();
    while (left.count() > 0 && !stopping()) {
      auto step = std::min(left, std::chrono::milliseconds(200));
      co_await sleep_for(step);
      left -= step;
    }
  }
}

struct EventLoops::Impl {
  using Guard = boost::asio::executor_work_guard<IoContext::executor_type>;
  std::vector<std::unique_ptr<IoContext>> loops;
  std::vector<std::optional<Guard>> guards;
};

EventLoops::EventLoops(std::size_t count) : impl_(std::make_unique<Impl>()) {
  if (count == 0) count = 1;
  for (std::size_t i = 0; i < count; ++i) impl_->loops.push_back(std::make_unique<IoContext>(1));
  impl_->guards.resize(count);
}

EventLoops::~EventLoops() = default;

std::size_t EventLoops::size() const {
  return impl_->loops.size();
}
IoContext& EventLoops::at(std::size_t index) {
  return *impl_->loops.at(index);
}

void EventLoops::run() {
  auto run_one = [this](std::size_t i) {
    tl_loop = impl_->loops[i].get();
    tl_loop_index = i;
    impl_->loops[i]->run();
    tl_loop = nullptr;
  };
  for (std::size_t i = 0; i < impl_->loops.size(); ++i) {
    impl_->loops[i]->restart();  // run() may follow an earlier run() and stop()
    impl_->guards[i].emplace(boost::asio::make_work_guard(*impl_->loops[i]));
  }
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < impl_->loops.size(); ++i) threads.emplace_back(run_one, i);
  run_one(0);
  for (auto& t : threads) t.join();
}

void EventLoops::stop() {
  for (auto& g : impl_->guards) g.reset();
  for (auto& l : impl_->loops) l->stop();
}

}  // namespace thidua
