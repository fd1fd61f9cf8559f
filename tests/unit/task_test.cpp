#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/event_loop.hpp"
#include "core/task.hpp"
#include "core/when_all.hpp"
#include "support/loop_runner.hpp"

namespace thidua {
namespace {
using namespace std::chrono_literals;

Task<int> value(int n) {
  co_return n;
}
Task<int> sum_of(int a, int b) {
  co_return co_await value(a) + co_await value(b);
}
Task<int> failing() {
  throw std::runtime_error("boom");
  co_return 0;
}
Task<std::string> caught() {
  std::string what;
  try {
    co_await failing();
  } catch (const std::runtime_error& e) {
    what = e.what();
  }
  co_return what;
}
Task<void> count_to(int n, int* counter) {
  for (int i = 0; i < n; ++i) *counter += co_await value(1);
}
Task<void> record_loop(std::size_t* index, bool* on_loop) {
  *index = current_loop_index();
  *on_loop = true;
  current_loop();  // throws off a loop thread
  co_return;
}

TEST(Task, IsLazyAndReturnsItsValue) {
  bool started = false;
  auto make = [&started]() -> Task<int> {
    started = true;
    co_return 7;
  };
  testing::LoopRunner runner;
  auto task = make();
  EXPECT_FALSE(started);  // nothing runs before it is awaited
  EXPECT_EQ(runner.run<int>([] { return sum_of(2, 3); }), 5);
}

TEST(Task, ExceptionsReachTheAwaiter) {
  testing::LoopRunner runner;
  EXPECT_EQ(runner.run<std::string>([] { return caught(); }), "boom");
  EXPECT_THROW(runner.run<int>([] { return failing(); }), std::runtime_error);
}

TEST(Task, ManySynchronousAwaitsInALoop) {
#ifdef __SANITIZE_ADDRESS__
  // GCC does not turn symmetric transfer into a tail call under AddressSanitizer, so each
  // await that completes without suspending adds stack frames there (not at -O2).
  GTEST_SKIP() << "symmetric transfer is not a tail call under ASan";
#endif
  testing::LoopRunner runner;
  int counter = 0;
  runner.run_void([&] { return count_to(100000, &counter); });
  EXPECT_EQ(counter, 100000);
}

TEST(Spawn, DoneHearsHowTheTaskEnded) {
  std::exception_ptr error;
  bool done = false;
  int counter = 0;
  spawn(count_to(3, &counter), [&](std::exception_ptr e) {
    done = true;
    error = e;
  });
  EXPECT_TRUE(done);  // it never suspended, so it ended inside spawn()
  EXPECT_FALSE(error);
  EXPECT_EQ(counter, 3);

  auto throws = []() -> Task<void> {
    throw std::logic_error("bad");
    co_return;
  };
  spawn(throws(), [&](std::exception_ptr e) { error = e; });
  ASSERT_TRUE(error);
  EXPECT_THROW(std::rethrow_exception(error), std::logic_error);
}

TEST(EventLoops, CurrentLoopOnlyOnALoopThread) {
  EXPECT_THROW(current_loop(), std::logic_error);
  testing::LoopRunner runner;
  std::size_t index = 99;
  bool on_loop = false;
  runner.run_void([&] { return record_loop(&index, &on_loop); });
  EXPECT_TRUE(on_loop);
  EXPECT_EQ(index, 0u);
}

TEST(EventLoops, SleepForResumesOnTheSameLoop) {
  testing::LoopRunner runner;
  auto elapsed = runner.run<long long>([]() -> Task<long long> {
    auto* before = &current_loop();
    auto start = std::chrono::steady_clock::now();
    co_await sleep_for(30ms);
    co_await sleep_for(0ms);  // ready at once
    EXPECT_EQ(before, &current_loop());
    co_return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start)
        .count();
  });
  EXPECT_GE(elapsed, 30);  // a timer never fires early
}

TEST(EventLoops, PostFromAnotherThreadRunsOnTheLoop) {
  EventLoops loops(2);
  std::atomic<int> ran{0};
  std::atomic<std::size_t> seen_index{99};
  std::thread poster([&] {
    post_to(loops.at(1), [&] {
      seen_index = current_loop_index();
      ++ran;
      post_to(loops.at(0), [&] { loops.stop(); });
    });
  });
  loops.run();
  poster.join();
  EXPECT_EQ(ran.load(), 1);
  EXPECT_EQ(seen_index.load(), 1u);
  // run() may follow stop().
  post_to(loops.at(0), [&] {
    ++ran;
    loops.stop();
  });
  loops.run();
  EXPECT_EQ(ran.load(), 2);
}

// Gives the loop back `turns` times (as a wait for a Redis reply would): each turn posts the
// task's resumption behind whatever is already queued, so the order is fixed, not timed.
struct NextTurn {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { resume_on(current_loop(), h); }
  void await_resume() const noexcept {}
};
Task<int> later(int turns, std::vector<std::string>* log) {
  log->push_back("start " + std::to_string(turns));
  for (int i = 0; i < turns; ++i) co_await NextTurn{};
  log->push_back("end " + std::to_string(turns));
  co_return turns;
}
Task<std::string> later_text(std::vector<std::string>* log) {
  co_await NextTurn{};
  log->push_back("end text");
  co_return "xong";
}
Task<int> later_failing(std::vector<std::string>* log) {
  co_await NextTurn{};
  log->push_back("end failing");
  throw std::runtime_error("hỏng");
}
using Three = std::tuple<int, int, std::string>;
Task<Three> side_by_side(std::vector<std::string>* log) {
  auto a = later(3, log);
  auto b = later(1, log);
  auto c = later_text(log);
  co_return co_await when_all(std::move(a), std::move(b), std::move(c));
}
Task<std::tuple<int, int>> at_once() {
  auto a = value(3);
  auto b = value(4);
  co_return co_await when_all(std::move(a), std::move(b));
}
Task<std::string> one_fails(std::vector<std::string>* log) {
  auto a = later_failing(log);
  auto b = later_text(log);
  std::string what;
  try {
    co_await when_all(std::move(a), std::move(b));
  } catch (const std::runtime_error& e) {
    what = e.what();
  }
  co_return what;
}
Task<void> later_void(int turns, std::vector<std::string>* log) {
  co_await later(turns, log);
}
Task<std::string> many(std::vector<std::string>* log, bool with_failure) {
  std::vector<Task<void>> tasks;
  for (int turns : {2, 0, 1}) tasks.push_back(later_void(turns, log));
  if (with_failure) {
    tasks.push_back(
        [](std::vector<std::string>* l) -> Task<void> { co_await later_failing(l); }(log));
  }
  try {
    co_await when_all(std::move(tasks));
  } catch (const std::runtime_error& e) {
    co_return e.what();
  }
  co_return "xong";
}

TEST(WhenAll, StartsEveryTaskBeforeAnyEndsAndGivesTheResultsInOrder) {
  testing::LoopRunner runner;
  std::vector<std::string> log;
  auto all = runner.run<Three>([&] { return side_by_side(&log); });
  EXPECT_EQ(all, Three(3, 1, "xong"));
  // Each started while the ones before were still waiting; they ended by their own length.
  EXPECT_EQ(log, (std::vector<std::string>{"start 3", "start 1", "end 1", "end text", "end 3"}));
}

TEST(WhenAll, TasksThatNeedNoWaitFinishAtOnce) {
  testing::LoopRunner runner;
  using Two = std::tuple<int, int>;
  EXPECT_EQ(runner.run<Two>([] { return at_once(); }), Two(3, 4));
}

TEST(WhenAll, AFailureIsRethrownOnceAllHaveEnded) {
  testing::LoopRunner runner;
  std::vector<std::string> log;
  EXPECT_EQ(runner.run<std::string>([&] { return one_fails(&log); }), "hỏng");
  EXPECT_EQ(log, (std::vector<std::string>{"end failing", "end text"}));
}

TEST(WhenAll, AVectorOfTasksRunsSideBySideAndRethrowsTheFirstFailureAtTheEnd) {
  testing::LoopRunner runner;
  std::vector<std::string> log;
  EXPECT_EQ(runner.run<std::string>([&] { return many(&log, false); }), "xong");
  EXPECT_EQ(log,
            (std::vector<std::string>{"start 2", "start 0", "end 0", "start 1", "end 1", "end 2"}));
  log.clear();
  EXPECT_EQ(runner.run<std::string>([&] { return many(&log, true); }), "hỏng");
  EXPECT_EQ(log.size(), 7u);  // three starts, three ends and the failure, none left out
  // None at all: nothing to wait for.
  EXPECT_EQ(runner.run<int>([]() -> Task<int> {
    co_await when_all(std::vector<Task<void>>{});
    co_return 1;
  }),
            1);
}

}  // namespace
}  // namespace thidua
