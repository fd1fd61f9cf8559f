#pragma once
// A real redis-server and the real service binaries, started for one test, called over HTTP
// as a client would. Tokens for every role are ready to use.
#include <map>
#include <memory>
#include <string>

#include "contract/contract_docs.hpp"
#include "support/process.hpp"
#include "support/redis_server.hpp"

namespace thidua::contract {

class ServiceStack {
 public:
  static constexpr const char* kSchool = "contract-school";
  static constexpr std::size_t kBodyLimit = 4096;  // THIDUA_HTTP_BODY_LIMIT of the services
  // Where the services' clocks start (Vietnam time): a working morning with no deadline near,
  // unless THIDUA_TEST_FAKETIME says otherwise.
  static constexpr const char* kClock = "2026-12-01 09:00:00";

  ServiceStack();  // starts Redis
  ~ServiceStack();
  ServiceStack(const ServiceStack&) = delete;
  ServiceStack& operator=(const ServiceStack&) = delete;

  // Starts build/services/<name>/<name> and waits until /readyz answers 200. It calls the
  // services started before it (THIDUA_*_URL) and a closed port for the others; `env` adds
  // to or overrides its environment.
  void start(const std::string& service, const std::map<std::string, std::string>& env = {});
  // Staff records behind the role tokens, and two plain staff members (gv-a in Tổ Toán – Tin,
  // gv-b in Tổ Ngữ văn) to nominate.
  void add_people();
  std::string url(const std::string& service) const;
  testing::RedisServer& redis() { return redis_; }

  // A bearer token of `role` (admin, council, leader, staff, service).
  std::string token(const std::string& role);
  // Calls `service`; `token` empty means no Authorization header.
  Answer call(const std::string& service, const std::string& method, const std::string& path,
              const std::string& body = "", const std::string& token = "",
              const std::string& content_type = "application/json");
  // The end of each service's log, for a failure message.
  std::string logs() const;

 private:
  struct Running {
    testing::Process process;
    int port = 0;
  };
  testing::RedisServer redis_;
  std::string dir_;
  std::map<std::string, std::unique_ptr<Running>> services_;
  std::map<std::string, std::string> tokens_;
};

}  // namespace thidua::contract
