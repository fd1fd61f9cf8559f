// RedisClient's connection: connecting, reconnecting with backoff, replies matched to the
// commands in flight, and the watchdog that fails them when Redis does not answer in time.
#include "redis/connection.hpp"

#include <boost/container/small_vector.hpp>
#include <nlohmann/json.hpp>

#include "core/log.hpp"
#include "redis/hiredis_asio.hpp"
#include "redis/reply_reader.hpp"

namespace thidua {

void RedisClient::Impl::connect() {
  if (stopping || ctx) return;
  redisAsyncContext* ac = redisAsyncConnect(endpoint.host.c_str(), endpoint.port);
  if (!ac) {
    schedule_reconnect("out of memory");
    return;
  }
  if (ac->err) {
    std::string why = ac->errstr;
    redisAsyncFree(ac);
    schedule_reconnect(why);
    return;
  }
  ac->data = this;
  redis_detail::read_replies_in_place(ac);
  redis_detail::attach_to_loop(ac, loop);
  redisAsyncSetConnectCallback(ac, &Impl::on_connect);
  redisAsyncSetDisconnectCallback(ac, &Impl::on_disconnect);
  ctx = ac;
  // Queued before any caller's command, so they run first once the socket connects.
  if (!endpoint.password.empty()) internal({"AUTH", endpoint.password});
  if (endpoint.db != 0) internal({"SELECT", std::to_string(endpoint.db)});
  internal({"CLIENT", "SETNAME", options.name});
  connect_timer.expires_after(options.connect_timeout);
  connect_timer.async_wait([self = weak_from_this(), ac](const boost::system::error_code& ec) {
    auto impl = self.lock();
    if (ec || !impl || impl->ctx != ac || impl->is_connected) return;
    impl->last_failure = "connect timeout";
    impl->ctx = nullptr;
    redisAsyncFree(ac);  // fails the queued commands; no disconnect callback before connect
    impl->schedule_reconnect("connect timeout");
  });
}

void RedisClient::Impl::internal(std::vector<std::string> argv) {
  std::vector<const char*> ptrs;
  std::vector<size_t> lens;
  for (auto& a : argv) ptrs.push_back(a.data()), lens.push_back(a.size());
  redisAsyncCommandArgv(
      ctx,
      [](redisAsyncContext*, void* r, void*) noexcept {  // called from C: see on_reply
        auto* reply = static_cast<redisReply*>(r);
        if (reply && reply->type == REDIS_REPLY_ERROR) {
          log::error("redis_setup_failed", {{"error", std::string(reply->str, reply->len)}});
        }
      },
      nullptr, static_cast<int>(argv.size()), ptrs.data(), lens.data());
}

void RedisClient::Impl::on_connect(const redisAsyncContext* ac, int status) noexcept {
  auto* impl = static_cast<Impl*>(ac->data);
  if (!impl) return;
  impl->connect_timer.cancel();
  if (status != REDIS_OK) {
    impl->ctx = nullptr;  // hiredis frees the context after this callback
    impl->schedule_reconnect(ac->errstr);
    return;
  }
  impl->is_connected = true;
  impl->backoff = std::chrono::milliseconds(100);
  log::info(
      "redis_connected",
      {{"name", impl->options.name}, {"host", impl->endpoint.host}, {"port", impl->endpoint.port}});
}

void RedisClient::Impl::on_disconnect(const redisAsyncContext* ac, int status) noexcept {
  auto* impl = static_cast<Impl*>(ac->data);
  if (!impl) return;
  bool was_connected = impl->is_connected;
  impl->ctx = nullptr;
  impl->is_connected = false;
  if (impl->stopping) return;
  if (was_connected) {
    log::warn("redis_disconnected",
              {{"name", impl->options.name}, {"error", status == REDIS_OK ? "" : ac->errstr}});
  }
  impl->schedule_reconnect(status == REDIS_OK ? impl->last_failure : ac->errstr);
}

void RedisClient::Impl::schedule_reconnect(const std::string& why) {
  last_failure = why;
  if (stopping) return;
  reconnect_timer.expires_after(backoff);
  backoff = std::min(backoff * 2, std::chrono::milliseconds(2000));
  reconnect_timer.async_wait([self = weak_from_this()](const boost::system::error_code& ec) {
    if (auto impl = self.lock(); impl && !ec) impl->connect();
  });
}

void RedisClient::Impl::on_reply(redisAsyncContext* ac, void* r, void* privdata) noexcept {
  std::unique_ptr<std::shared_ptr<Pending>> holder(
      static_cast<std::shared_ptr<Pending>*>(privdata));
  auto pending = *holder;
  auto* impl = static_cast<Impl*>(ac->data);
  if (impl) {
    auto& q = impl->inflight;
    for (auto it = q.begin(); it != q.end(); ++it) {
      if (*it == pending) {
        q.erase(it);
        break;
      }
    }
  }
  if (r) {
    pending->reply = redis_detail::take_reply(r);
  } else {
    pending->failure = impl ? impl->last_failure : "connection closed";
    if (pending->failure.empty()) pending->failure = "connection closed";
  }
  // Resume later on the loop, never inside hiredis's callback.
  if (pending->batch) {
    if (--pending->batch->remaining == 0) resume_on(*pending->loop, pending->batch->handle);
    return;
  }
  resume_on(*pending->loop, pending->handle);
}

bool RedisClient::Impl::submit(const std::vector<std::string>& argv,
                               const std::shared_ptr<Pending>& pending,
                               std::chrono::milliseconds timeout) {
  if (!ctx || stopping) {
    pending->failure = "Redis unavailable: " + last_failure;
    return false;
  }
  // Held in place for the usual short command; hiredis copies the arguments before returning.
  boost::container::small_vector<const char*, 16> ptrs;
  boost::container::small_vector<size_t, 16> lens;
  for (const auto& a : argv) ptrs.push_back(a.data()), lens.push_back(a.size());
  auto* holder = new std::shared_ptr<Pending>(pending);
  if (redisAsyncCommandArgv(ctx, &Impl::on_reply, holder, static_cast<int>(argv.size()),
                            ptrs.data(), lens.data()) != REDIS_OK) {
    delete holder;
    pending->failure = "Redis unavailable: command not accepted";
    return false;
  }
  pending->deadline =
      std::chrono::steady_clock::now() + (timeout.count() > 0 ? timeout : options.command_timeout);
  inflight.push_back(pending);
  arm_watchdog();
  return true;
}

void RedisClient::Impl::arm_watchdog() {
  if (watchdog_armed || inflight.empty()) return;
  watchdog_armed = true;
  watchdog.expires_at(inflight.front()->deadline);
  watchdog.async_wait([self = weak_from_this()](const boost::system::error_code& ec) {
    auto impl = self.lock();
    if (!impl || ec) return;
    impl->watchdog_armed = false;
    impl->check_deadlines();
  });
}

void RedisClient::Impl::check_deadlines() {
  if (inflight.empty()) return;
  if (inflight.front()->deadline <= std::chrono::steady_clock::now() && ctx) {
    log::warn("redis_command_timeout", {{"name", options.name}});
    last_failure = "command timeout";
    redisAsyncContext* ac = ctx;
    redisAsyncFree(ac);  // every command in flight fails; on_disconnect reconnects
    if (ctx == ac) {     // not connected yet: no disconnect callback came
      ctx = nullptr;
      is_connected = false;
      schedule_reconnect(last_failure);
    }
    return;
  }
  arm_watchdog();
}

void RedisClient::Impl::stop() {
  stopping = true;
  reconnect_timer.cancel();
  watchdog.cancel();
  watchdog_armed = false;  // the cancelled wait never clears it, and start() may follow
  connect_timer.cancel();
  if (ctx) {
    last_failure = "client stopped";
    redisAsyncContext* ac = ctx;
    ctx = nullptr;
    is_connected = false;
    redisAsyncFree(ac);
  }
}

}  // namespace thidua
