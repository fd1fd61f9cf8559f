#pragma once
// One Redis connection per event loop for request handling, so a handler always talks to
// the connection of the loop it runs on; plus dedicated connections for blocking reads.
#include <memory>
#include <string>
#include <vector>

#include "core/event_loop.hpp"
#include "redis/redis_client.hpp"

namespace thidua {

class RedisPool {
 public:
  RedisPool(EventLoops& loops, RedisEndpoint endpoint, RedisOptions options);
  void start();
  // Stops every connection; each on its own loop.
  void stop();
  // The connection of the calling thread's loop.
  RedisClient& local();
  // A separate connection on loop `loop` (started), for XREADGROUP BLOCK and the like.
  RedisClient& dedicated(const std::string& name, std::size_t loop = 0);

 private:
  EventLoops& loops_;
  RedisEndpoint endpoint_;
  RedisOptions options_;
  std::vector<std::unique_ptr<RedisClient>> per_loop_;
  std::vector<std::pair<std::size_t, std::unique_ptr<RedisClient>>> dedicated_;
};

}  // namespace thidua
