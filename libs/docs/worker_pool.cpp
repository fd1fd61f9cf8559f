#include "docs/worker_pool.hpp"

namespace thidua::docs {

WorkerPool::WorkerPool(std::size_t threads, std::size_t max_waiting)
    : threads_(threads == 0 ? 1 : threads), max_waiting_(max_waiting) {
  for (std::size_t i = 0; i < threads_; ++i) workers_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  cancelled_ = true;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

std::size_t WorkerPool::load() const {
  std::lock_guard lock(mutex_);
  return running_ + queue_.size();
}

bool WorkerPool::submit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stop_) return false;
    // Free workers take jobs at once; beyond them, at most max_waiting_ wait.
    std::size_t free = threads_ - running_;
    if (queue_.size() >= free + max_waiting_) return false;
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

void WorkerPool::work() {
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    job();
    std::lock_guard lock(mutex_);
    --running_;
  }
}

}  // namespace thidua::docs
