#pragma once
// Inside RedisClient: one hiredis connection on the loop and the commands in flight on it.
// Shared by redis_client.cpp (the awaitable commands) and connection.cpp (connecting,
// reconnecting, deadlines).
#include <hiredis/async.h>

#include <chrono>
#include <coroutine>
#include <deque>
#include <memory>
#include <string>
#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <boost/asio/steady_timer.hpp>
#include <vector>

#include "redis/redis_client.hpp"

namespace thidua {
namespace redis_detail {

struct BatchState {
  std::coroutine_handle<> handle;
  std::size_t remaining = 0;
};

struct Pending {
  std::shared_ptr<BatchState> batch;  // set when part of a batch: resume once all are in
  std::coroutine_handle<> handle;
  IoContext* loop = nullptr;
  RedisReply reply;
  std::string failure;  // set when the connection failed or timed out
  std::chrono::steady_clock::time_point deadline;
};

}  // namespace redis_detail

struct RedisClient::Impl : std::enable_shared_from_this<Impl> {
  using Pending = redis_detail::Pending;

  Impl(IoContext& l, RedisEndpoint e, RedisOptions o)
      : loop(l),
        endpoint(std::move(e)),
        options(std::move(o)),
        reconnect_timer(l),
        watchdog(l),
        connect_timer(l) {}

  IoContext& loop;
  RedisEndpoint endpoint;
  RedisOptions options;
  redisAsyncContext* ctx = nullptr;
  bool is_connected = false;
  bool stopping = false;
  std::chrono::milliseconds backoff{100};
  // Why the last connection failed: for logs and RedisUnavailable's what(), never shown to a
  // person (the pipeline answers storage_unavailable with core/messages.cpp's detail).
  std::string last_failure = "not connected yet";
  std::deque<std::shared_ptr<Pending>> inflight;
  boost::asio::steady_timer reconnect_timer;
  boost::asio::steady_timer watchdog;
  boost::asio::steady_timer connect_timer;
  bool watchdog_armed = false;
  // One hiredis connection, kept alive until stop(): connects (AUTH, SELECT, CLIENT SETNAME
  // queued first), reconnects with backoff, and fails commands in flight when it is lost.
  void connect();
  void internal(std::vector<std::string> argv);
  // hiredis calls these from its C code, which no exception may cross: they are noexcept, so
  // one that escapes (memory exhausted in a log line, a post or a wait) ends the process at
  // once, as an unhandled error does anywhere, instead of unwinding through C frames. The
  // service is restarted and what it acknowledged is in Redis already.
  static void on_connect(const redisAsyncContext* ac, int status) noexcept;
  static void on_disconnect(const redisAsyncContext* ac, int status) noexcept;
  void schedule_reconnect(const std::string& why);
  static void on_reply(redisAsyncContext* ac, void* r, void* privdata) noexcept;

  // Queues the command on the connection; false with `failure` set when there is none.
  bool submit(const std::vector<std::string>& argv, const std::shared_ptr<Pending>& pending,
              std::chrono::milliseconds timeout);

  // Replies arrive in order, so the oldest command in flight is the one that can be late.
  void arm_watchdog();
  void check_deadlines();
  void stop();
};

}  // namespace thidua
