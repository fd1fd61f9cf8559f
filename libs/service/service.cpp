#include "service/service.hpp"

#include "service/allocator.hpp"

#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/ids.hpp"
#include "core/log.hpp"
#include "core/messages.hpp"
#include "http/json_io.hpp"
#include "http/pipeline.hpp"
#include "http/server.hpp"

namespace thidua {

CommonSettings CommonSettings::load(const Env& env, const std::string& service, int default_port) {
  CommonSettings s;
  s.service = service;
  s.host = env.text("THIDUA_HTTP_HOST", "127.0.0.1");
  s.port = static_cast<int>(env.integer("THIDUA_HTTP_PORT", default_port, 0, 65535));
  s.redis = RedisEndpoint::parse(env.text("THIDUA_REDIS_URL", "redis://127.0.0.1:6379/0"),
                                 "THIDUA_REDIS_URL");
  s.threads = static_cast<std::size_t>(env.integer("THIDUA_HTTP_THREADS", 1, 1, 64));
  s.body_limit = static_cast<std::size_t>(
      env.integer("THIDUA_HTTP_BODY_LIMIT", 1024 * 1024, 1024, 64 * 1024 * 1024));
  s.school_id = env.text("THIDUA_SCHOOL_ID", "thcs-vinh-phong-1");
  if (!ids::school(s.school_id)) {
    throw ConfigError("THIDUA_SCHOOL_ID: 1 to 64 letters, digits, '-' and '_'");
  }
  s.cors_origins = env.list("THIDUA_CORS_ORIGINS", "http://127.0.0.1:8080,http://localhost:8080");
  s.log_level = env.choice("THIDUA_LOG_LEVEL", "info", {"trace", "debug", "info", "warn", "error"});
  s.access_log = env.flag("THIDUA_ACCESS_LOG", true);
  s.redis_timeout = env.millis("THIDUA_REDIS_TIMEOUT_MS", 2000, 50, 60000);
  s.shutdown_grace = std::chrono::seconds(env.integer("THIDUA_SHUTDOWN_GRACE_S", 20, 0, 600));
  s.contact = env.text("THIDUA_CONTACT", "Ban giám hiệu");
  s.tokens.admin = env.text("THIDUA_ADMIN_TOKEN", "");
  s.tokens.service = env.text("THIDUA_SERVICE_TOKEN", "");
  for (const auto* t : {&s.tokens.admin, &s.tokens.service}) {
    if (!t->empty() && t->size() < 16) {
      throw ConfigError(
          std::string(t == &s.tokens.admin ? "THIDUA_ADMIN_TOKEN" : "THIDUA_SERVICE_TOKEN") +
          ": must be at least 16 characters");
    }
  }
  s.sign_in.code_ttl = std::chrono::seconds(env.integer("THIDUA_SIGNIN_CODE_TTL_S", 300, 30, 3600));
  s.session.idle = std::chrono::minutes(env.integer("THIDUA_SESSION_IDLE_MIN", 480, 5, 43200));
  s.session.max_age = std::chrono::hours(env.integer("THIDUA_SESSION_MAX_HOURS", 168, 1, 2160));
  auto secure = env.choice("THIDUA_COOKIE_SECURE", "auto", {"auto", "always", "never"});
  s.cookie_secure = secure == "always"  ? http::CookieSecure::Always
                    : secure == "never" ? http::CookieSecure::Never
                                        : http::CookieSecure::Auto;
  return s;
}

Service::Service(std::string name, int default_port, bool routes_only)
    : settings_(CommonSettings::load(env_, name, default_port)),
      metrics_(name),
      routes_only_(routes_only) {
  log::init(name, settings_.log_level);
  loops_ = std::make_unique<EventLoops>(settings_.threads);
  RedisOptions ro;
  ro.connect_timeout = settings_.redis_timeout;
  ro.command_timeout = settings_.redis_timeout;
  ro.name = "thidua-" + name;
  redis_ = std::make_unique<RedisPool>(*loops_, settings_.redis, ro);
  tokens_ = std::make_unique<auth::TokenStore>(*redis_, settings_.school_id, settings_.tokens);
  sessions_ = std::make_unique<auth::SessionStore>(*redis_, *tokens_, settings_.school_id, clock_,
                                                   settings_.sign_in, settings_.session);

  router_.add(http::Method::Get, "/healthz", Access::anyone(),
              [name](http::Request&) -> Task<http::Response> {
                co_return http::json(200, {{"status", "ok"}, {"service", name}});
              });
  router_.add(http::Method::Get, "/readyz", Access::anyone(),
              [this](http::Request& req) -> Task<http::Response> {
                try {
                  co_await redis_->local().call("PING");
                } catch (const std::exception&) {
                  co_return http::problem(503, "not_ready", common::say("problem.not_ready"),
                                          req.request_id);
                }
                if (starting_steps_ > 0) {
                  co_return http::problem(503, "starting", common::say("problem.starting"),
                                          req.request_id);
                }
                co_return http::json(200, {{"status", "ready"}, {"redis", "ok"}});
              });
  metrics_.describe("thidua_redis_connected", http::MetricType::kGauge,
                    "1 while this event loop's Redis connection is up, 0 otherwise.", {{}});
  router_.add(http::Method::Get, "/metrics", Access::anyone(),
              [this](http::Request&) -> Task<http::Response> {
                const double connected = redis_->local().connected() ? 1 : 0;
                metrics_.set("thidua_redis_connected", {}, connected);
                http::Response res;
                res.content_type = "text/plain; version=0.0.4";
                res.body = co_await metrics_.render();
                co_return res;
              });
}

Service::~Service() = default;

void Service::background(std::string name, std::function<Task<void>()> task) {
  tasks_.emplace_back(std::move(name), std::move(task));
}

void Service::until_done(std::string name, std::function<Task<void>()> step) {
  starting_steps_++;
  background(name, [this, name, step]() -> Task<void> {
    while (!stopping()) {
      bool done = false;
      try {
        co_await step();
        done = true;
      } catch (const std::exception& e) {
        log::warn(name + "_retry", {{"error", e.what()}});
      }
      if (done) {
        starting_steps_--;
        co_return;
      }
      co_await sleep_for(std::chrono::seconds(1));
    }
  });
}

void Service::consume(const std::string& name, const StreamQueue& queue, WorkerOptions options,
                      std::function<Task<Disposition>(const StreamEntry&)> handle) {
  RedisClient& blocking = redis().dedicated(name);
  background(name, [this, &queue, &blocking, options, handle] {
    return run_stream_worker(queue, redis().local(), blocking, options, handle,
                             [this] { return stopping(); });
  });
}

int Service::run() {
  http::PipelineOptions po{settings_.cors_origins, settings_.access_log};
  auth::SessionStore* sessions = sessions_.get();
  po.sessions = [sessions](std::string secret) { return sessions->resolve(std::move(secret)); };
  po.cookie_secure = settings_.cookie_secure;
  po.starting = [this] { return starting_steps_ > 0; };
  auth::TokenStore* tokens = tokens_.get();
  http::Pipeline pipeline(
      router_,
      [tokens](std::string token, std::string acting_for) {
        return tokens->resolve(std::move(token), std::move(acting_for));
      },
      metrics_, po);
  http::ServerOptions so;
  so.host = settings_.host;
  so.port = settings_.port;
  so.body_limit = settings_.body_limit;
  so.shutdown_grace = settings_.shutdown_grace;
  http::HttpServer server(*loops_, pipeline, so);
  try {
    server.start();
  } catch (const std::exception& e) {
    log::error("listen_failed", {{"error", e.what()}});
    log::flush();
    std::cerr << settings_.service << ": " << e.what() << "\n";
    return 1;
  }
  redis_->start();
  log::info("started",
            {{"host", settings_.host},
             {"port", server.port()},
             {"threads", settings_.threads},
             {"allocator", allocator_name()},
             {"school", settings_.school_id},
             {"redis", settings_.redis.host + ":" + std::to_string(settings_.redis.port)}});

  IoContext& main_loop = loops_->at(0);
  // Tasks are called in place: a coroutine lambda reads its captures through its closure,
  // so the std::function holding it must outlive the task (tasks_ does, unchanged).
  for (std::size_t i = 0; i < tasks_.size(); ++i) {
    post_to(main_loop, [this, i] {
      running_tasks_++;
      const auto& name = tasks_[i].first;
      spawn(tasks_[i].second(), [this, name](std::exception_ptr e) {
        running_tasks_--;
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          log::error("background_task_failed", {{"task", name}, {"error", ex.what()}});
        }
      });
    });
  }

  boost::asio::signal_set signals(main_loop, SIGTERM, SIGINT);
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    log::info("stopping", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
    stopping_ = true;
    server.shutdown([this] {
      // Requests are answered; now let background tasks see stopping() and return.
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      poll_until(
          loops_->at(0), [this] { return running_tasks_ == 0; }, deadline,
          [this](bool) {
            redis_->stop();
            post_to(loops_->at(0), [this] { loops_->stop(); });
          });
    });
  });
  loops_->run();
  log::info("stopped");
  log::flush();
  return 0;
}

int service_main(const std::string& name, int default_port,
                 const std::function<void(Service&)>& wire, int argc, char** argv) {
  try {
    bool routes_only = argc > 1 && std::strcmp(argv[1], "--routes") == 0;
    Service service(name, default_port, routes_only);
    wire(service);
    if (routes_only) {
      // The route table, for the contract test against proto/openapi/<service>.yaml.
      for (const auto& r : service.router().routes()) {
        std::cout << http::method_name(r.method) << ' ' << r.pattern << ' '
                  << (r.access.is_public ? "public" : "token") << '\n';
      }
      return 0;
    }
    return service.run();
  } catch (const ConfigError& e) {
    std::cerr << name << ": configuration error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace thidua
