#include "contract/service_stack.hpp"

#include <array>
#include <filesystem>
#include <stdexcept>

#include "core/crypto.hpp"
#include "support/http_call.hpp"

namespace thidua::contract {
namespace {
const std::string kAdminToken = "contract-admin-token-0123456789abcdef";
const std::string kServiceToken = "contract-service-token-0123456789abcdef";

std::string tail(const std::string& text, std::size_t n) {
  return text.size() <= n ? text : "…" + text.substr(text.size() - n);
}
}  // namespace

ServiceStack::ServiceStack() : dir_(testing::make_temp_dir("thidua-contract")) {
  redis_.start();
  tokens_["admin"] = kAdminToken;
  tokens_["service"] = kServiceToken;
}

ServiceStack::~ServiceStack() {
  for (auto& [name, running] : services_) running->process.stop(15, 5000);
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void ServiceStack::start(const std::string& service,
                         const std::map<std::string, std::string>& extra_env) {
  auto running = std::make_unique<Running>();
  running->port = testing::free_port();
  std::map<std::string, std::string> env{
      {"THIDUA_HTTP_HOST", "127.0.0.1"},
      {"THIDUA_HTTP_PORT", std::to_string(running->port)},
      {"THIDUA_REDIS_URL", redis_.url()},
      {"THIDUA_SCHOOL_ID", kSchool},
      {"THIDUA_ADMIN_TOKEN", kAdminToken},
      {"THIDUA_SERVICE_TOKEN", kServiceToken},
      {"THIDUA_HTTP_BODY_LIMIT", std::to_string(kBodyLimit)},
      {"THIDUA_MESSENGER", "console"},
      {"THIDUA_CONSOLE_OUTBOX", dir_ + "/console-messages.log"},
      {"THIDUA_CATALOGUE_FILE", testing::source_dir() + "/config/catalogue.json"},
      {"THIDUA_ROUNDS_FILE", testing::source_dir() + "/tests/support/rounds-always-open.json"},
      // Explicit, never the default (21:00-06:30): a message is sent at once whatever the hour.
      {"THIDUA_QUIET_HOURS", "off"},
  };
  // The services' clock starts at a pinned instant, never the wall clock's: on a day near a
  // deadline the planner would send reminders during a test. THIDUA_TEST_FAKETIME wins.
  for (auto& [k, v] : testing::faked_clock_env(
           testing::test_faketime().empty() ? kClock : testing::test_faketime())) {
    env[k] = v;
  }
  // The peers started before, and nothing else: a service not started is a closed port, never
  // whatever happens to listen on its default one.
  for (const auto& [peer, variable] : {std::pair{"nominations", "THIDUA_NOMINATIONS_URL"},
                                       std::pair{"reports", "THIDUA_REPORTS_URL"},
                                       std::pair{"notifications", "THIDUA_NOTIFICATIONS_URL"}}) {
    env[variable] = services_.count(peer) ? url(peer) : "http://127.0.0.1:1";
  }
  for (const auto& [name, value] : extra_env) env[name] = value;
  const auto binary = service_binary(service);
  running->process.start(binary, {}, env, dir_ + "/" + service + ".log");
  const auto base = "http://127.0.0.1:" + std::to_string(running->port);
  auto* process = &running->process;
  services_[service] = std::move(running);
  bool ready = testing::wait_until(
      [&] {
        if (!process->running()) return true;  // reported below
        return testing::http_call("GET", base + "/readyz", "", {}, 2000).status == 200;
      },
      20000);
  if (!ready || !process->running()) {
    throw std::runtime_error(service + (ready ? " exited" : " did not become ready") +
                             "; its log:\n" + tail(process->log(), 4000));
  }
  if (service == "nominations") add_people();
}

void ServiceStack::add_people() {
  // Tokens of every role name a staff member of the seed catalogue's units, so that leaders
  // and staff act within their unit as the service requires.
  bool seeded = testing::wait_until([&] {
    auto c = call("nominations", "GET", "/api/nominations/v1/catalogue", "", kAdminToken);
    return c.status == 200 && c.body.find("to-toan-tin") != std::string::npos;
  });
  if (!seeded) throw std::runtime_error("the seed catalogue did not load:\n" + logs());
  const std::vector<std::array<std::string, 3>> people{{"contract-admin", "truong", "admin"},
                                                       {"contract-council", "truong", "council"},
                                                       {"contract-leader", "to-toan-tin", "leader"},
                                                       {"contract-staff", "to-toan-tin", "staff"},
                                                       {"gv-a", "to-toan-tin", "staff"},
                                                       {"gv-b", "to-ngu-van", "staff"}};
  for (const auto& [id, unit, role] : people) {
    std::string body =
        R"({"name":"Cán bộ )" + id + R"(","unit_id":")" + unit + R"(","role":")" + role + R"("})";
    auto r =
        call("nominations", "PUT", "/api/nominations/v1/catalogue/staff/" + id, body, kAdminToken);
    if (r.status != 200) throw std::runtime_error("cannot add staff " + id + ": " + r.body);
  }
}

std::string ServiceStack::url(const std::string& service) const {
  return "http://127.0.0.1:" + std::to_string(services_.at(service)->port);
}

std::string ServiceStack::token(const std::string& role) {
  auto found = tokens_.find(role);
  if (found != tokens_.end()) return found->second;
  // Stored as libs/auth/token_store.cpp keeps issued tokens: a hash per token, found by the
  // first 16 hex characters of its SHA-256.
  std::string token = "contract-" + role + "-token-" + crypto::random_hex(12);
  auto hash = crypto::sha256_hex(token);
  redis_.cmd({"HSET", "{" + std::string(kSchool) + "}:auth:token:" + hash.substr(0, 16), "hash",
              hash, "role", role, "subject", "contract-" + role, "name", "Contract " + role});
  tokens_[role] = token;
  return token;
}

Answer ServiceStack::call(const std::string& service, const std::string& method,
                          const std::string& path, const std::string& body,
                          const std::string& token, const std::string& content_type) {
  std::map<std::string, std::string> headers{{"Content-Type", content_type}};
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  auto reply = testing::http_call(method, url(service) + path, body, headers);
  if (reply.status == 0) {
    throw std::runtime_error(method + " " + path + ": no answer from " + service);
  }
  Answer answer;
  answer.status = reply.status;
  answer.content_type = reply.header("content-type");
  answer.body = reply.body;
  answer.headers = reply.headers;
  return answer;
}

std::string ServiceStack::logs() const {
  std::string out;
  for (const auto& [name, running] : services_) {
    out += "---- " + name + " log (end) ----\n" + tail(running->process.log(), 3000) + "\n";
  }
  return out;
}

}  // namespace thidua::contract
