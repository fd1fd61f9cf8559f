// RedisClient's commands as awaitables: one command, a pipelined batch, a script by EVALSHA.
// The connection they run on is in connection.cpp.
#include "redis/redis_client.hpp"

#include "redis/connection.hpp"

namespace thidua {

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
  std::shared_ptr<redis_detail::Pending> pending = std::make_shared<redis_detail::Pending>();

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
  std::vector<std::shared_ptr<redis_detail::Pending>> pendings;
  std::shared_ptr<redis_detail::BatchState> state = std::make_shared<redis_detail::BatchState>();
  std::string failure;

  bool await_ready() const noexcept { return commands.empty(); }
  bool await_suspend(std::coroutine_handle<> handle) {
    state->handle = handle;
    state->remaining = 1;  // held until every command is queued
    for (const auto& argv : commands) {
      auto p = std::make_shared<redis_detail::Pending>();
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
  BatchAwaiter awaiter{*impl_, commands, {}, std::make_shared<redis_detail::BatchState>(), {}};
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
