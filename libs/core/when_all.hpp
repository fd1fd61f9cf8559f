#pragma once
// Tasks of one event loop, run side by side: `co_await when_all(a(), b(), c())` starts `a`,
// then `b`, then `c`, and resumes when all have finished, with their results as a tuple in
// the same order. Redis reads started this way leave in one write on the loop's connection
// and come back in one read (one round trip instead of several). Nothing here is
// thread-safe, nor needs to be: the tasks and the awaiting coroutine run on the loop that
// awaits (core/task.hpp). If a task throws, the first exception is rethrown once all have
// finished. `co_await when_all(std::vector<Task<void>>)` does the same for a number of tasks
// known only at run time (a batch of queue entries), without results.
#include <cstddef>
#include <exception>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "core/task.hpp"

namespace thidua {

namespace detail {
template <class... T>
struct AllAwaiter {
  std::tuple<Task<T>...> tasks;
  std::tuple<std::optional<T>...> results;
  std::exception_ptr error;
  int pending = 0;
  std::coroutine_handle<> waiting;

  // One driver per task: stores what it gave and, when it is the last to finish, resumes the
  // awaiting coroutine. It touches the awaiter only before that resume: after it, the
  // awaiting coroutine may already have destroyed it.
  template <class U>
  static Detached drive(Task<U> task, std::optional<U>* into, AllAwaiter* self) {
    try {
      into->emplace(co_await std::move(task));
    } catch (...) {
      if (!self->error) self->error = std::current_exception();
    }
    if (--self->pending == 0) self->waiting.resume();
  }

  template <std::size_t... I>
  void start(std::index_sequence<I...>) {
    // A fold over the comma operator: the tasks start in the order given.
    (drive(std::move(std::get<I>(tasks)), &std::get<I>(results), this), ...);
  }

  bool await_ready() const noexcept { return false; }
  // The awaiting coroutine counts as one more party, so that tasks finishing at once
  // (nothing to wait for) never resume it from inside this call: it just does not suspend.
  bool await_suspend(std::coroutine_handle<> h) {
    waiting = h;
    pending = static_cast<int>(sizeof...(T)) + 1;
    start(std::index_sequence_for<T...>{});
    return --pending != 0;
  }
  std::tuple<T...> await_resume() {
    if (error) std::rethrow_exception(error);
    return std::apply([](auto&... r) { return std::tuple<T...>(std::move(*r)...); }, results);
  }
};

// The vector form: the same counting, one driver per task.
struct AllOfAwaiter {
  std::vector<Task<void>> tasks;
  std::exception_ptr error;
  std::size_t pending = 0;
  std::coroutine_handle<> waiting;

  static Detached drive(Task<void> task, AllOfAwaiter* self) {
    try {
      co_await std::move(task);
    } catch (...) {
      if (!self->error) self->error = std::current_exception();
    }
    if (--self->pending == 0) self->waiting.resume();
  }

  bool await_ready() const noexcept { return tasks.empty(); }
  bool await_suspend(std::coroutine_handle<> h) {
    waiting = h;
    pending = tasks.size() + 1;
    for (auto& task : tasks) drive(std::move(task), this);
    return --pending != 0;
  }
  void await_resume() {
    if (error) std::rethrow_exception(error);
  }
};
}  // namespace detail

inline detail::AllOfAwaiter when_all(std::vector<Task<void>> tasks) {
  return detail::AllOfAwaiter{std::move(tasks), {}, 0, {}};
}

template <class... T>
detail::AllAwaiter<T...> when_all(Task<T>... tasks) {
  return detail::AllAwaiter<T...>{std::tuple<Task<T>...>(std::move(tasks)...), {}, {}, 0, {}};
}

}  // namespace thidua
