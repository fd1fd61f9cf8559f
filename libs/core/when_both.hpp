#pragma once
// Two tasks of one event loop, run side by side: `co_await when_both(a(), b())` starts `a`,
// then `b`, and resumes when both have finished, with both results. Two Redis reads started
// this way leave in one write on the loop's connection and come back in one read (one round
// trip instead of two). Nothing here is thread-safe, nor needs to be: both tasks and the
// awaiting coroutine run on the loop that awaits (core/task.hpp). If either task throws,
// the first exception is rethrown once both have finished.
#include <exception>
#include <optional>
#include <utility>

#include "core/task.hpp"

namespace thidua {

namespace detail {
template <class A, class B>
struct BothAwaiter {
  Task<A> a;
  Task<B> b;
  std::optional<A> result_a;
  std::optional<B> result_b;
  std::exception_ptr error;
  int pending = 0;
  std::coroutine_handle<> waiting;

  // One driver per task: stores what it gave and, when it is the last to finish, resumes the
  // awaiting coroutine. It touches the awaiter only before that resume: after it, the
  // awaiting coroutine may already have destroyed it.
  template <class T>
  static Detached drive(Task<T> task, std::optional<T>* into, BothAwaiter* self) {
    try {
      into->emplace(co_await std::move(task));
    } catch (...) {
      if (!self->error) self->error = std::current_exception();
    }
    if (--self->pending == 0) self->waiting.resume();
  }

  bool await_ready() const noexcept { return false; }
  // The awaiting coroutine counts as a third party, so that tasks finishing at once (nothing
  // to wait for) never resume it from inside this call: it just does not suspend.
  bool await_suspend(std::coroutine_handle<> h) {
    waiting = h;
    pending = 3;
    drive(std::move(a), &result_a, this);
    drive(std::move(b), &result_b, this);
    return --pending != 0;
  }
  std::pair<A, B> await_resume() {
    if (error) std::rethrow_exception(error);
    return {std::move(*result_a), std::move(*result_b)};
  }
};
}  // namespace detail

template <class A, class B>
detail::BothAwaiter<A, B> when_both(Task<A> a, Task<B> b) {
  return detail::BothAwaiter<A, B>{std::move(a), std::move(b), {}, {}, {}, 0, {}};
}

}  // namespace thidua
