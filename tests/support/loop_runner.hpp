#pragma once
// Drives a coroutine to completion on a real event loop, for tests of async code.
#include <exception>
#include <functional>
#include <optional>

#include "core/event_loop.hpp"
#include "core/task.hpp"

namespace thidua::testing {

class LoopRunner {
 public:
  LoopRunner() : loops_(1) {}
  IoContext& loop() { return loops_.at(0); }
  EventLoops& loops() { return loops_; }

  // Runs the loop until the task made by `make` ends; rethrows what it threw.
  template <class T>
  T run(std::function<Task<T>()> make) {
    std::optional<T> result;
    std::exception_ptr error;
    post_to(loops_.at(0), [&] {
      spawn(store(make, &result), [&](std::exception_ptr e) {
        error = e;
        loops_.stop();
      });
    });
    loops_.run();
    if (error) std::rethrow_exception(error);
    return std::move(*result);
  }

  void run_void(std::function<Task<void>()> make) {
    std::exception_ptr error;
    post_to(loops_.at(0), [&] {
      spawn(make(), [&](std::exception_ptr e) {
        error = e;
        loops_.stop();
      });
    });
    loops_.run();
    if (error) std::rethrow_exception(error);
  }

 private:
  // A plain function, not a capturing lambda: a lambda coroutine reads its captures through
  // the closure, which is gone once the expression that started it ends.
  template <class T>
  static Task<void> store(std::function<Task<T>()> make, std::optional<T>* out) {
    out->emplace(co_await make());
  }
  EventLoops loops_;
};

}  // namespace thidua::testing
