#include "e2e/e2e_system.hpp"

#include <signal.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace thidua::e2e {
using nlohmann::json;
using testing::http_call;
using testing::wait_until;

namespace {
const char* const kServices[] = {"nominations", "reports", "notifications"};

std::string tail(const std::string& text, std::size_t max) {
  return text.size() <= max ? text : "…" + text.substr(text.size() - max);
}
}  // namespace

E2eTest::E2eTest() : dir_(testing::make_temp_dir("thidua-e2e")) {}

E2eTest::~E2eTest() {
  // Services first (they hold Redis connections and call the fake), then the fake, then Redis.
  for (const char* name : kServices) {
    if (processes_.count(name)) processes_[name]->stop(SIGTERM, 15000);
  }
  processes_.clear();
  redis_.reset();
}

void E2eTest::TearDown() {
  // Every service still running must stop cleanly on SIGTERM (exit code 0), whatever the
  // test did: this is how a deployment stops them.
  for (const char* name : kServices) {
    if (processes_.count(name) && processes_[name]->pid() > 0) {
      EXPECT_EQ(processes_[name]->stop(SIGTERM, 30000), 0) << name << " did not stop cleanly";
    }
  }
  if (processes_.count("fake_zalo")) processes_["fake_zalo"]->stop(SIGTERM, 5000);
  if (HasFailure()) {
    std::cerr << "---- logs kept in " << dir_ << " ----\n" << logs();
  } else {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
}

std::string E2eTest::binary(const std::string& name) const {
  if (name == "fake_zalo") return testing::build_dir() + "/tests/fakes/fake_zalo";
  return testing::build_dir() + "/services/" + name + "/" + name;
}

std::string E2eTest::url(const std::string& service, const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(ports_.at(service)) + path;
}

std::map<std::string, std::string> E2eTest::admin() const {
  return {{"Authorization", "Bearer " + kAdminToken}};
}

void E2eTest::start_service(const std::string& name,
                            const std::map<std::string, std::string>& env) {
  auto p = std::make_unique<testing::Process>();
  p->start(binary(name), {}, env, dir_ + "/" + name + ".log");
  processes_[name] = std::move(p);
}

void E2eTest::restart_service(const std::string& name,
                              const std::map<std::string, std::string>& env) {
  ASSERT_TRUE(service_settings_.count(name)) << name << " was not started by start_system";
  ASSERT_EQ(process(name).stop(SIGTERM, 30000), 0) << name << " did not stop cleanly";
  auto settings = service_settings_[name];
  for (const auto& [k, v] : env) settings[k] = v;
  start_service(name, settings);
  ASSERT_TRUE(wait_ready(name, "/readyz")) << name << " did not come back";
}

bool E2eTest::wait_ready(const std::string& name, const std::string& path) {
  return wait_until([&] { return http_call("GET", url(name, path), "", {}, 2000).status == 200; },
                    30000);
}

void E2eTest::start_system(const std::map<std::string, std::string>& env) {
  redis_ = std::make_unique<testing::RedisServer>();
  ASSERT_NO_THROW(redis_->start());

  ports_["fake_zalo"] = testing::free_port();
  start_service("fake_zalo", {{"FAKE_ZALO_PORT", std::to_string(ports_["fake_zalo"])},
                              {"FAKE_ZALO_TOKEN", kZaloToken}});
  for (const char* name : kServices) ports_[name] = testing::free_port();
  for (const char* name : kServices) {
    std::map<std::string, std::string> settings{
        {"THIDUA_HTTP_PORT", std::to_string(ports_[name])},
        {"THIDUA_HTTP_HOST", "127.0.0.1"},
        {"THIDUA_REDIS_URL", redis_->url()},
        {"THIDUA_SCHOOL_ID", kSchool},
        {"THIDUA_ADMIN_TOKEN", kAdminToken},
        {"THIDUA_SERVICE_TOKEN", kServiceToken},
        {"THIDUA_MESSENGER", "zalo"},
        {"ZALO_BOT_API_BASE", url("fake_zalo", "")},
        {"ZALO_BOT_TOKEN", kZaloToken},
        {"ZALO_GROUP_ID", kGroupId},
        {"ZALO_TIMEOUT_MS", "3000"},
        {"THIDUA_CONSOLE_OUTBOX", dir_ + "/console-outbox.log"},
        {"THIDUA_CATALOGUE_FILE", testing::source_dir() + "/config/catalogue.json"},
        {"THIDUA_ROUNDS_FILE", testing::source_dir() + "/tests/support/rounds-always-open.json"},
        {"THIDUA_RETRY_BASE_MS", "50"},
        {"THIDUA_RETRY_CAP_MS", "200"},
        {"THIDUA_RETRY_MAX_ATTEMPTS", "8"},
        // Explicit, never the default (21:00-06:30): a test that relied on it would pass by
        // day and fail by night. Tests of quiet hours set them and pin the clock.
        {"THIDUA_QUIET_HOURS", "off"},
        // Each service calls its peers in this system (the bot, private notices).
        {"THIDUA_NOMINATIONS_URL", url("nominations", "")},
        {"THIDUA_REPORTS_URL", url("reports", "")},
        // Each nominations event announced alone, at once; tests of digests set a window.
        {"THIDUA_DIGEST_WINDOW_MS", "0"},
    };
    for (const auto& [k, v] : env) settings[k] = v;
    service_settings_[name] = settings;
    start_service(name, settings);
  }
  ASSERT_TRUE(wait_ready("fake_zalo", "/__fake/calls")) << "fake_zalo did not answer";
  for (const char* name : kServices) {
    ASSERT_TRUE(wait_ready(name, "/readyz")) << name << " did not become ready";
  }
  // The seed catalogue (units, periods, award forms) loads right after nominations starts.
  ASSERT_TRUE(wait_until([&] {
    auto c = http_call("GET", url("nominations", "/api/nominations/v1/catalogue"), "", admin());
    return c.status == 200 && c.body.find("to-toan-tin") != std::string::npos;
  })) << "the seed catalogue did not load";
  // The notifications worker has made its consumer group (and with it the stream).
  ASSERT_TRUE(wait_until(
      [&] {
        return redis_->cmd1({"EXISTS", kEventsStream}) == "1";
      },
      30000))
      << "notifications did not create its consumer group";
}

void E2eTest::stop_services() {
  for (const char* name : kServices) {
    EXPECT_EQ(processes_.at(name)->stop(SIGTERM, 30000), 0) << name << " did not stop cleanly";
  }
}

void E2eTest::start_services() {
  for (const char* name : kServices) start_service(name, service_settings_.at(name));
  for (const char* name : kServices) {
    ASSERT_TRUE(wait_ready(name, "/readyz")) << name << " did not become ready";
  }
}

json E2eTest::fake_calls(const std::string& method) const {
  auto reply = http_call("GET", url("fake_zalo", "/__fake/calls"));
  auto calls = json::parse(reply.body, nullptr, false);
  if (reply.status != 200 || !calls.is_array()) return json::array();
  if (method.empty()) return calls;
  json out = json::array();
  for (const auto& c : calls) {
    if (c.value("method", "") == method) out.push_back(c);
  }
  return out;
}

std::vector<json> E2eTest::delivered() const {
  std::vector<json> out;
  for (const auto& c : fake_calls("sendMessage")) {
    if (c.value("outcome", "") == "ok") out.push_back(c);
  }
  return out;
}

void E2eTest::fake_fail(const std::string& mode, int count, int delay_ms,
                        const std::string& method) {
  json body = {{"mode", mode}, {"count", count}, {"delay_ms", delay_ms}, {"method", method}};
  auto reply = http_call("POST", url("fake_zalo", "/__fake/fail"), body.dump());
  ASSERT_EQ(reply.status, 200) << reply.body;
}

bool E2eTest::queue_settled() {
  try {
    bool events = redis_->cmd1({"XPENDING", kEventsStream, "notifications"}) == "0" &&
                  redis_->cmd1({"ZCARD", kRetrySet}) == "0";
    bool outbox = redis_->cmd1({"EXISTS", kOutboxStream}) == "0" ||
                  (redis_->cmd1({"XPENDING", kOutboxStream, "delivery"}) == "0" &&
                   redis_->cmd1({"ZCARD", kOutboxRetry}) == "0");
    bool digests = redis_->cmd({"KEYS", kDigestBatches}).empty();
    return events && outbox && digests;
  } catch (const std::exception&) {
    return false;
  }
}

bool E2eTest::events_taken_in() {
  try {
    // XINFO GROUPS, flattened: name, <group>, consumers, n, pending, n, last-delivered-id, id,
    // entries-read, n, lag, n; one such run per group.
    auto info = redis_->cmd({"XINFO", "GROUPS", kEventsStream});
    for (std::size_t i = 0; i + 1 < info.size(); ++i) {
      if (info[i] != "name" || info[i + 1] != "notifications") continue;
      std::string pending, lag;
      for (std::size_t j = i + 2; j + 1 < info.size() && info[j] != "name"; j += 2) {
        if (info[j] == "pending") pending = info[j + 1];
        if (info[j] == "lag") lag = info[j + 1];
      }
      return pending == "0" && lag == "0";
    }
  } catch (const std::exception&) {
  }
  return false;
}

std::string E2eTest::dead_process() const {
  for (const auto& [name, p] : processes_) {
    if (p->pid() <= 0) continue;  // stopped on purpose
    // Not Process::running(): its waitpid would reap the child and lose the exit status.
    std::ifstream stat("/proc/" + std::to_string(p->pid()) + "/stat");
    std::string pid, comm, state;
    if (!(stat >> pid >> comm >> state) || state == "Z" || state == "X") return name;
  }
  return "";
}

bool E2eTest::wait_for(const std::function<bool()>& ready, int timeout_ms) {
  std::string dead;
  bool ok = wait_until(
      [&] {
        if (ready()) return true;
        dead = dead_process();
        return !dead.empty();
      },
      timeout_ms);
  if (!dead.empty()) ADD_FAILURE() << dead << " has died";
  return ok && dead.empty();
}

std::string E2eTest::logs() const {
  std::ostringstream out;
  for (const auto& [name, p] : processes_) {
    out << "==== " << name << " (" << p->log_path() << ") ====\n" << tail(p->log(), 6000) << "\n";
  }
  if (redis_) {
    std::ifstream in(redis_->dir() + "/redis.log");
    std::stringstream ss;
    ss << in.rdbuf();
    out << "==== redis-server ====\n" << tail(ss.str(), 2000) << "\n";
  }
  return out.str();
}

}  // namespace thidua::e2e
