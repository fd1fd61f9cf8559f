#include "redis/redis_client.hpp"

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <deque>
#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"

namespace thidua {

const std::string& RedisReply::text() const {
  if (type != Type::String && type != Type::Status) {
    throw RedisError("expected a string reply");
  }
  return str;
}

long long RedisReply::number() const {
  if (type == Type::Integer) return integer;
  if (type == Type::String) {
    try {
      return std::stoll(str);
    } catch (const std::exception&) {
    }
  }
  throw RedisError("expected an integer reply");
}

RedisEndpoint RedisEndpoint::parse(const std::string& url, const std::string& setting) {
  const std::string scheme = "redis://";
  auto fail = [&](const std::string& why) {
    return ConfigError(setting + ": " + why + " (expected redis://[:password@]host[:port][/db])");
  };
  if (url.rfind(scheme, 0) != 0) throw fail("must start with redis://");
  RedisEndpoint ep;
  std::string rest = url.substr(scheme.size());
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string auth = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = auth.find(':');
    ep.password = colon == std::string::npos ? auth : auth.substr(colon + 1);
  }
  std::string hostport = rest;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    hostport = rest.substr(0, slash);
    std::string db = rest.substr(slash + 1);
    if (!db.empty()) {
      try {
        std::size_t used = 0;
        ep.db = std::stoi(db, &used);
        if (used != db.size() || ep.db < 0) throw fail("bad database number");
      } catch (const std::logic_error&) {  // invalid_argument or out_of_range from stoi
        throw fail("bad database number");
      }
    }
  }
  if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
    std::string port = hostport.substr(colon + 1);
    hostport = hostport.substr(0, colon);
    try {
      std::size_t used = 0;
      ep.port = std::stoi(port, &used);
      if (used != port.size() || ep.port < 1 || ep.port > 65535) throw fail("bad port");
    } catch (const std::logic_error&) {  // invalid_argument or out_of_range from stoi
      throw fail("bad port");
    }
  }
  if (hostport.empty()) throw fail("missing host");
  ep.host = hostport;
  return ep;
}

RedisScript::RedisScript(std::string source)
    : source_(std::move(source)), sha_(crypto::sha1_hex(source_)) {}

namespace {

RedisReply copy_reply(const redisReply* r) {
  RedisReply out;
  switch (r->type) {
    case REDIS_REPLY_STRING:
      out.type = RedisReply::Type::String;
      out.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_STATUS:
      out.type = RedisReply::Type::Status;
      out.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_ERROR:
      out.type = RedisReply::Type::Error;
      out.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_INTEGER:
      out.type = RedisReply::Type::Integer;
      out.integer = r->integer;
      break;
    case REDIS_REPLY_ARRAY:
      out.type = RedisReply::Type::Array;
      out.elements.reserve(r->elements);
      for (std::size_t i = 0; i < r->elements; ++i)
        out.elements.push_back(copy_reply(r->element[i]));
      break;
    default:
      out.type = RedisReply::Type::Nil;
  }
  return out;
}

// Drives one hiredis connection's socket from Asio. hiredis owns the file descriptor, so
// the descriptor is released, never closed, when hiredis says it is done with it.
struct SocketWatcher : std::enable_shared_from_this<SocketWatcher> {
  SocketWatcher(IoContext& loop, redisAsyncContext* ac) : socket(loop, ac->c.fd), ac(ac) {}
  boost::asio::posix::stream_descriptor socket;
  redisAsyncContext* ac;
  bool want_read = false, want_write = false;
  bool read_armed = false, write_armed = false;
  bool closed = false;

  void arm_read() {
    if (read_armed || closed) return;
    read_armed = true;
    socket.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                      [self = shared_from_this()](const boost::system::error_code& ec) {
                        self->read_armed = false;
                        if (ec || self->closed || !self->want_read) return;
                        redisAsyncHandleRead(self->ac);  // may end in cleanup()
                        if (!self->closed && self->want_read) self->arm_read();
                      });
  }
  void arm_write() {
    if (write_armed || closed) return;
    write_armed = true;
    socket.async_wait(boost::asio::posix::stream_descriptor::wait_write,
                      [self = shared_from_this()](const boost::system::error_code& ec) {
                        self->write_armed = false;
                        if (ec || self->closed || !self->want_write) return;
                        redisAsyncHandleWrite(self->ac);
                        if (!self->closed && self->want_write) self->arm_write();
                      });
  }
  void close() {
    closed = true;
    want_read = want_write = false;
    boost::system::error_code ignored;
    socket.cancel(ignored);
    socket.release();
  }
};

// The hiredis hooks; ev.data holds a heap shared_ptr so handlers in flight keep it alive.
using WatcherRef = std::shared_ptr<SocketWatcher>;
void ev_add_read(void* p) {
  auto& w = *static_cast<WatcherRef*>(p);
  w->want_read = true;
  w->arm_read();
}
void ev_del_read(void* p) {
  (*static_cast<WatcherRef*>(p))->want_read = false;
}
void ev_add_write(void* p) {
  auto& w = *static_cast<WatcherRef*>(p);
  w->want_write = true;
  w->arm_write();
}
void ev_del_write(void* p) {
  (*static_cast<WatcherRef*>(p))->want_write = false;
}
void ev_cleanup(void* p) {
  auto* ref = static_cast<WatcherRef*>(p);
  (*ref)->close();
  delete ref;
}

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

}  // namespace

struct RedisClient::Impl : std::enable_shared_from_this<Impl> {
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

  void connect() {
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
    ac->ev.data = new WatcherRef(std::make_shared<SocketWatcher>(loop, ac));
    ac->ev.addRead = ev_add_read;
    ac->ev.delRead = ev_del_read;
    ac->ev.addWrite = ev_add_write;
    ac->ev.delWrite = ev_del_write;
    ac->ev.cleanup = ev_cleanup;
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

  void internal(std::vector<std::string> argv) {
    std::vector<const char*> ptrs;
    std::vector<size_t> lens;
    for (auto& a : argv) ptrs.push_back(a.data()), lens.push_back(a.size());
    redisAsyncCommandArgv(
        ctx,
        [](redisAsyncContext*, void* r, void*) {
          auto* reply = static_cast<redisReply*>(r);
          if (reply && reply->type == REDIS_REPLY_ERROR) {
            log::error("redis_setup_failed", {{"error", std::string(reply->str, reply->len)}});
          }
        },
        nullptr, static_cast<int>(argv.size()), ptrs.data(), lens.data());
  }

  static void on_connect(const redisAsyncContext* ac, int status) {
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
    log::info("redis_connected", {{"name", impl->options.name},
                                  {"host", impl->endpoint.host},
                                  {"port", impl->endpoint.port}});
  }

  static void on_disconnect(const redisAsyncContext* ac, int status) {
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

  void schedule_reconnect(const std::string& why) {
    last_failure = why;
    if (stopping) return;
    reconnect_timer.expires_after(backoff);
    backoff = std::min(backoff * 2, std::chrono::milliseconds(2000));
    reconnect_timer.async_wait([self = weak_from_this()](const boost::system::error_code& ec) {
      if (auto impl = self.lock(); impl && !ec) impl->connect();
    });
  }

  static void on_reply(redisAsyncContext* ac, void* r, void* privdata) {
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
      pending->reply = copy_reply(static_cast<redisReply*>(r));
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

  // Queues the command on the connection; false with `failure` set when there is none.
  bool submit(const std::vector<std::string>& argv, const std::shared_ptr<Pending>& pending,
              std::chrono::milliseconds timeout) {
    if (!ctx || stopping) {
      pending->failure = "Redis unavailable: " + last_failure;
      return false;
    }
    std::vector<const char*> ptrs;
    std::vector<size_t> lens;
    ptrs.reserve(argv.size());
    lens.reserve(argv.size());
    for (const auto& a : argv) ptrs.push_back(a.data()), lens.push_back(a.size());
    auto* holder = new std::shared_ptr<Pending>(pending);
    if (redisAsyncCommandArgv(ctx, &Impl::on_reply, holder, static_cast<int>(argv.size()),
                              ptrs.data(), lens.data()) != REDIS_OK) {
      delete holder;
      pending->failure = "Redis unavailable: command not accepted";
      return false;
    }
    pending->deadline = std::chrono::steady_clock::now() +
                        (timeout.count() > 0 ? timeout : options.command_timeout);
    inflight.push_back(pending);
    arm_watchdog();
    return true;
  }

  // Replies arrive in order, so the oldest command in flight is the one that can be late.
  void arm_watchdog() {
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

  void check_deadlines() {
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

  void stop() {
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
};

RedisClient::RedisClient(IoContext& loop, RedisEndpoint endpoint, RedisOptions options)
    : impl_(std::make_shared<Impl>(loop, std::move(endpoint), std::move(options))) {}

RedisClient::~RedisClient() {
  impl_->stop();
}

void RedisClient::start() {
  impl_->stopping = false;
  impl_->connect();
}

void RedisClient::stop() {
  impl_->stop();
}

bool RedisClient::connected() const {
  return impl_->is_connected;
}

namespace {
struct CommandAwaiter {
  RedisClient::Impl& impl;
  const std::vector<std::string>& argv;
  std::chrono::milliseconds timeout;
  std::shared_ptr<Pending> pending = std::make_shared<Pending>();

  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<> handle) {
    pending->handle = handle;
    pending->loop = &impl.loop;
    return impl.submit(argv, pending, timeout);  // false: resume at once with the failure
  }
  RedisReply await_resume() {
    if (!pending->failure.empty()) throw RedisUnavailable(pending->failure);
    if (pending->reply.type == RedisReply::Type::Error) throw RedisError(pending->reply.str);
    return std::move(pending->reply);
  }
};
}  // namespace

namespace {
struct BatchAwaiter {
  RedisClient::Impl& impl;
  const std::vector<std::vector<std::string>>& commands;
  std::vector<std::shared_ptr<Pending>> pendings;
  std::shared_ptr<BatchState> state = std::make_shared<BatchState>();
  std::string failure;

  bool await_ready() const noexcept { return commands.empty(); }
  bool await_suspend(std::coroutine_handle<> handle) {
    state->handle = handle;
    state->remaining = 1;  // held until every command is queued
    for (const auto& argv : commands) {
      auto p = std::make_shared<Pending>();
      p->batch = state;
      p->loop = &impl.loop;
      pendings.push_back(p);
      state->remaining++;
      if (!impl.submit(argv, p, std::chrono::milliseconds(0))) {
        state->remaining--;
        failure = p->failure;
        break;
      }
    }
    // Replies only arrive from the loop, after this returns, so this cannot race.
    return --state->remaining != 0;
  }
  std::vector<RedisReply> await_resume() {
    if (!failure.empty()) throw RedisUnavailable(failure);
    std::vector<RedisReply> out;
    out.reserve(pendings.size());
    for (auto& p : pendings) {
      if (!p->failure.empty()) throw RedisUnavailable(p->failure);
      out.push_back(std::move(p->reply));
    }
    return out;
  }
};
}  // namespace

Task<std::vector<RedisReply>> RedisClient::batch(std::vector<std::vector<std::string>> commands) {
  // Awaiters are named locals: GCC 12 miscompiles braced temporaries inside co_await.
  BatchAwaiter awaiter{*impl_, commands, {}, std::make_shared<BatchState>(), {}};
  co_return co_await awaiter;
}

Task<RedisReply> RedisClient::command(std::vector<std::string> argv,
                                      std::chrono::milliseconds timeout) {
  CommandAwaiter awaiter{*impl_, argv, timeout};
  co_return co_await awaiter;
}

namespace {
// GCC 12 miscompiles a braced list in the same full-expression as co_await ("array used as
// initializer"), so argument vectors are built here or in locals first.
std::vector<std::string> evalsha_args(const RedisScript& script,
                                      const std::vector<std::string>& keys,
                                      const std::vector<std::string>& args) {
  std::vector<std::string> argv{"EVALSHA", script.sha(), std::to_string(keys.size())};
  argv.insert(argv.end(), keys.begin(), keys.end());
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}
std::vector<std::string> script_load_args(const RedisScript& script) {
  return {"SCRIPT", "LOAD", script.source()};
}
}  // namespace

Task<RedisReply> RedisClient::eval(const RedisScript& script, std::vector<std::string> keys,
                                   std::vector<std::string> args) {
  auto argv = evalsha_args(script, keys, args);
  bool missing = false;
  try {
    CommandAwaiter first{*impl_, argv, std::chrono::milliseconds(0)};
    co_return co_await first;
  } catch (const RedisError& e) {
    if (std::string_view(e.what()).rfind("NOSCRIPT", 0) != 0) throw;
    missing = true;  // first use on this server (or after a restart / SCRIPT FLUSH)
  }
  if (missing) {
    auto load = script_load_args(script);
    CommandAwaiter loading{*impl_, load, std::chrono::milliseconds(0)};
    co_await loading;
  }
  CommandAwaiter again{*impl_, argv, std::chrono::milliseconds(0)};
  co_return co_await again;
}

}  // namespace thidua
