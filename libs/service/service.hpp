#pragma once
// What every service has in common: settings, event loops, Redis, auth, the HTTP server
// with /healthz, /readyz and /metrics, background tasks and a graceful stop on SIGTERM.
// A service's main.cpp only adds its routes and tasks.
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "auth/session_store.hpp"
#include "auth/token_store.hpp"
#include "core/config.hpp"
#include "core/keyspace.hpp"
#include "http/cookie_auth.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "redis/redis_pool.hpp"
#include "redis/stream_queue.hpp"

namespace thidua {

struct CommonSettings {
  std::string service;
  std::string host;
  int port = 0;
  RedisEndpoint redis;
  std::size_t threads = 1;
  std::size_t body_limit = 0;
  std::string school_id;
  std::vector<std::string> cors_origins;
  std::string log_level;
  bool access_log = true;
  std::chrono::milliseconds redis_timeout{2000};
  std::chrono::seconds shutdown_grace{20};
  auth::BootstrapTokens tokens;
  // THIDUA_CONTACT: whom staff ask when they are stuck (the plan, section VI, last
  // paragraph); named in the bot's help and in reminders. One setting for every service.
  std::string contact;
  // Signing in to the dashboard (issue 12): THIDUA_SIGNIN_CODE_TTL_S, THIDUA_SESSION_IDLE_MIN,
  // THIDUA_SESSION_MAX_HOURS; THIDUA_COOKIE_SECURE (auto | always | never).
  auth::SignInLimits sign_in;
  auth::SessionPolicy session;
  http::CookieSecure cookie_secure = http::CookieSecure::Auto;

  static CommonSettings load(const Env& env, const std::string& service, int default_port);
};

class Service {
 public:
  Service(std::string name, int default_port, bool routes_only = false);
  ~Service();

  const Env& env() const { return env_; }
  const CommonSettings& settings() const { return settings_; }
  Keyspace keys() const { return Keyspace(settings_.school_id, settings_.service); }
  http::Router& router() { return router_; }
  http::Metrics& metrics() { return metrics_; }
  RedisPool& redis() { return *redis_; }
  auth::TokenStore& tokens() { return *tokens_; }
  auth::SessionStore& sessions() { return *sessions_; }
  EventLoops& loops() { return *loops_; }
  bool stopping() const { return stopping_; }
  // True when the process only prints its route table (--routes): wiring skips start-up
  // work such as reading seed files.
  bool routes_only() const { return routes_only_; }

  // Keeps a component (a store, a client) alive as long as the service.
  template <class T, class... Args>
  T& make(Args&&... args) {
    auto owned = std::make_shared<T>(std::forward<Args>(args)...);
    T& ref = *owned;
    components_.push_back(std::move(owned));
    return ref;
  }
  // Runs `task` on loop 0 once the server listens; it must return soon after stopping().
  void background(std::string name, std::function<Task<void>()> task);
  // Start-up work that needs Redis (seeding an empty store): runs `step` on loop 0 until it
  // finishes without throwing, once a second while Redis is away, logging `<name>_retry`.
  // Until every such step is done, /readyz and every route but /healthz and /metrics answer
  // 503 starting: no request (and no load balancer) reaches a service whose seed is not in.
  void until_done(std::string name, std::function<Task<void>()> step);
  // A background consumer of `queue` (see run_stream_worker) with its own connection for
  // the blocking reads, named `name`, so they never hold up requests.
  void consume(const std::string& name, const StreamQueue& queue, WorkerOptions options,
               std::function<Task<Disposition>(const StreamEntry&)> handle);
  // Serves until SIGTERM or SIGINT; returns the process exit code.
  int run();

 private:
  Env env_;
  CommonSettings settings_;
  std::unique_ptr<EventLoops> loops_;
  std::unique_ptr<RedisPool> redis_;
  std::unique_ptr<auth::TokenStore> tokens_;
  SystemClock clock_;  // sessions' expiry (the services' clock; pinned in tests by libfaketime)
  std::unique_ptr<auth::SessionStore> sessions_;
  http::Router router_;
  http::Metrics metrics_;
  std::atomic<bool> stopping_{false};
  bool routes_only_ = false;
  std::atomic<int> running_tasks_{0};
  std::atomic<int> starting_steps_{0};  // until_done steps not finished yet
  std::vector<std::pair<std::string, std::function<Task<void>()>>> tasks_;
  std::vector<std::shared_ptr<void>> components_;
};

// main() for a service: builds it, lets `wire` add routes and tasks, runs it. A bad setting
// ends start-up with one line naming the variable and exit code 2.
int service_main(const std::string& name, int default_port,
                 const std::function<void(Service&)>& wire, int argc, char** argv);

}  // namespace thidua
