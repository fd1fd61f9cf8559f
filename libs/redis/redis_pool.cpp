#include "redis/redis_pool.hpp"

namespace thidua {

RedisPool::RedisPool(EventLoops& loops, RedisEndpoint endpoint, RedisOptions options)
    : loops_(loops), endpoint_(std::move(endpoint)), options_(std::move(options)) {
  for (std::size_t i = 0; i < loops_.size(); ++i) {
    auto opts = options_;
    opts.name += "-loop" + std::to_string(i);
    per_loop_.push_back(std::make_unique<RedisClient>(loops_.at(i), endpoint_, opts));
  }
}

void RedisPool::start() {
  for (std::size_t i = 0; i < per_loop_.size(); ++i) {
    post_to(loops_.at(i), [c = per_loop_[i].get()] { c->start(); });
  }
}

void RedisPool::stop() {
  for (std::size_t i = 0; i < per_loop_.size(); ++i) {
    post_to(loops_.at(i), [c = per_loop_[i].get()] { c->stop(); });
  }
  for (auto& [loop, client] : dedicated_) {
    post_to(loops_.at(loop), [c = client.get()] { c->stop(); });
  }
}

RedisClient& RedisPool::local() {
  return *per_loop_.at(current_loop_index());
}

RedisClient& RedisPool::dedicated(const std::string& name, std::size_t loop) {
  auto opts = options_;
  opts.name += "-" + name;
  auto client = std::make_unique<RedisClient>(loops_.at(loop), endpoint_, opts);
  auto* raw = client.get();
  dedicated_.emplace_back(loop, std::move(client));
  post_to(loops_.at(loop), [raw] { raw->start(); });
  return *raw;
}

}  // namespace thidua
