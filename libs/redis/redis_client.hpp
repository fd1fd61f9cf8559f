#pragma once
// Asynchronous Redis on an event loop: hiredis's async API driven by Asio, awaited from
// coroutines. A reply is copied out of hiredis inside its callback (hiredis frees it after),
// so callers own plain values. Commands in flight when a connection fails are failed with
// RedisUnavailable, never dropped silently; the client reconnects by itself.
#include <chrono>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/event_loop.hpp"
#include "core/task.hpp"

namespace thidua {

struct RedisReply {
  enum class Type { Nil, Status, Error, Integer, String, Array };
  Type type = Type::Nil;
  long long integer = 0;
  std::string str;  // Status, Error and String
  std::vector<RedisReply> elements;

  bool is_nil() const { return type == Type::Nil; }
  bool is_array() const { return type == Type::Array; }
  // The string of a String or Status reply; throws on other types.
  const std::string& text() const;
  // The value of an Integer reply, or a String reply holding a number.
  long long number() const;
  // An HGETALL reply as field → value (empty for a missing key).
  std::map<std::string, std::string> fields() const;
  // One field of an HGETALL reply, "" when absent: a scan, no map built (for a few reads).
  std::string field(std::string_view name) const;
};

// Redis answered with an error reply.
class RedisError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Redis could not be reached, or did not answer in time.
class RedisUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RedisEndpoint {
  std::string host = "127.0.0.1";
  int port = 6379;
  int db = 0;
  std::string password;
  // redis://[:password@]host[:port][/db]; throws ConfigError naming `setting`.
  static RedisEndpoint parse(const std::string& url, const std::string& setting);
};

struct RedisOptions {
  std::chrono::milliseconds connect_timeout{2000};
  std::chrono::milliseconds command_timeout{2000};
  std::string name = "thidua";  // CLIENT SETNAME, for `CLIENT LIST` on the server
};

// A Lua script, run with EVALSHA and loaded once per server on NOSCRIPT.
class RedisScript {
 public:
  explicit RedisScript(std::string source);
  const std::string& source() const { return source_; }
  const std::string& sha() const { return sha_; }

 private:
  std::string source_;
  std::string sha_;
};

class RedisClient {
 public:
  RedisClient(IoContext& loop, RedisEndpoint endpoint, RedisOptions options);
  ~RedisClient();
  RedisClient(const RedisClient&) = delete;
  RedisClient& operator=(const RedisClient&) = delete;

  // Connects in the background and keeps reconnecting until stop(). Call on the loop.
  void start();
  void stop();
  bool connected() const;

  // Runs one command; error replies throw RedisError. `timeout` 0 means the default;
  // blocking commands (XREADGROUP BLOCK) pass their block time plus a margin.
  Task<RedisReply> command(std::vector<std::string> argv,
                           std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
  // The same, with arguments given one by one: strings, string views, literals, integers.
  // (GCC 12 miscompiles a braced list in the same full-expression as co_await, so
  // `co_await c.command({...})` does not build; `co_await c.call(...)` does.)
  template <class... Args>
  Task<RedisReply> call(const Args&... args) {
    std::vector<std::string> argv;
    argv.reserve(sizeof...(args));
    (argv.push_back(to_arg(args)), ...);
    return command(std::move(argv));
  }
  // Sends all `commands` at once (pipelined) and resumes when every reply is in. Each reply
  // is returned as is, error replies included; a lost connection throws RedisUnavailable.
  Task<std::vector<RedisReply>> batch(std::vector<std::vector<std::string>> commands);
  // Runs a script by EVALSHA with `keys` then `args`.
  Task<RedisReply> eval(const RedisScript& script, std::vector<std::string> keys,
                        std::vector<std::string> args);

  struct Impl;

 private:
  static std::string to_arg(const std::string& s) { return s; }
  static std::string to_arg(std::string_view s) { return std::string(s); }
  static std::string to_arg(const char* s) { return s; }
  template <class N>
  requires std::is_arithmetic_v<N>
  static std::string to_arg(N n) { return std::to_string(n); }
  std::shared_ptr<Impl> impl_;
};

}  // namespace thidua
