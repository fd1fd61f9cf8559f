#include "support/redis_server.hpp"

#include <hiredis/hiredis.h>
#include <signal.h>

#include <filesystem>
#include <stdexcept>

namespace thidua::testing {
namespace {
void flatten(const redisReply* r, std::vector<std::string>& out) {
  switch (r->type) {
    case REDIS_REPLY_ARRAY:
      for (std::size_t i = 0; i < r->elements; ++i) flatten(r->element[i], out);
      break;
    case REDIS_REPLY_INTEGER:
      out.push_back(std::to_string(r->integer));
      break;
    case REDIS_REPLY_NIL:
      out.push_back("(nil)");
      break;
    default:
      out.emplace_back(r->str, r->len);
  }
}
}  // namespace

RedisServer::RedisServer() : port_(free_port()), dir_(make_temp_dir("thidua-redis")) {}

RedisServer::~RedisServer() {
  if (sync_) redisFree(sync_);
  process_.stop(SIGKILL, 2000);
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void RedisServer::start() {
  process_.start(
      "/usr/bin/redis-server",
      {"--port", std::to_string(port_), "--bind", "127.0.0.1", "--dir", dir_, "--appendonly", "yes",
       "--appendfsync", "always", "--save", "", "--daemonize", "no", "--logfile", ""},
      {}, dir_ + "/redis.log", Process::Clock::kReal);
  bool up = wait_until([this] {
    if (sync_) redisFree(sync_);
    sync_ = redisConnect("127.0.0.1", port_);
    if (!sync_ || sync_->err) return false;
    auto* r = static_cast<redisReply*>(redisCommand(sync_, "PING"));
    bool ok = r && r->type == REDIS_REPLY_STATUS;
    if (r) freeReplyObject(r);
    return ok;
  });
  if (!up) throw std::runtime_error("redis-server did not start; see " + dir_ + "/redis.log");
}

void RedisServer::kill() {
  if (sync_) redisFree(sync_), sync_ = nullptr;
  process_.stop(SIGKILL, 5000);
}

void RedisServer::stop() {
  if (sync_) redisFree(sync_), sync_ = nullptr;
  process_.stop(SIGTERM, 10000);
}

std::vector<std::string> RedisServer::cmd(const std::vector<std::string>& argv) {
  if (!sync_) throw std::runtime_error("redis-server is not running");
  std::vector<const char*> ptrs;
  std::vector<size_t> lens;
  for (const auto& a : argv) ptrs.push_back(a.data()), lens.push_back(a.size());
  auto* r = static_cast<redisReply*>(
      redisCommandArgv(sync_, static_cast<int>(argv.size()), ptrs.data(), lens.data()));
  if (!r) throw std::runtime_error("redis command failed");
  std::vector<std::string> out;
  if (r->type == REDIS_REPLY_ERROR) {
    std::string e(r->str, r->len);
    freeReplyObject(r);
    throw std::runtime_error(e);
  }
  flatten(r, out);
  freeReplyObject(r);
  return out;
}

std::string RedisServer::cmd1(const std::vector<std::string>& argv) {
  auto out = cmd(argv);
  return out.empty() ? std::string() : out.front();
}

}  // namespace thidua::testing
