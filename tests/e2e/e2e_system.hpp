#pragma once
// The whole system for one end-to-end test: its own redis-server, the fake Zalo Bot API
// and the three services, each on its own free port, with logs in a temporary directory
// (printed when the test fails, removed when it passes).
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/http_call.hpp"
#include "support/process.hpp"
#include "support/redis_server.hpp"

namespace thidua::e2e {

inline const std::string kSchool = "thcs-vinh-phong-1";
inline const std::string kAdminToken = "e2e-admin-token-0123456789abcdef";
inline const std::string kServiceToken = "e2e-service-token-0123456789abcdef";
inline const std::string kZaloToken = "1234567890:e2e-fake-bot-token";
inline const std::string kGroupId = "nhom-thi-dua-e2e-01";
inline const std::string kEventsStream = "{" + kSchool + "}:nominations:events";
inline const std::string kRetrySet = "{" + kSchool + "}:notifications:events-retry";
inline const std::string kDeadStream = "{" + kSchool + "}:notifications:events-dead";
// The outbox: events become messages here, and delivery retries and dead-letters them.
inline const std::string kOutboxStream = "{" + kSchool + "}:notifications:outbox";
inline const std::string kOutboxRetry = "{" + kSchool + "}:notifications:outbox-retry";
inline const std::string kOutboxDead = "{" + kSchool + "}:notifications:outbox-dead";
// The open digest batches, one hash per kind (submitted, council, awarded).
inline const std::string kDigestBatches = "{" + kSchool + "}:notifications:digest:*";
// Every stored nomination's id is in this sorted set, in the same script that stores it.
inline const std::string kNominationIndex = "{" + kSchool + "}:nominations:index";

class E2eTest : public ::testing::Test {
 protected:
  E2eTest();
  ~E2eTest() override;
  void TearDown() override;

  // Starts Redis, fake_zalo and the three services; `env` adds to every service's settings.
  // Fails the test (with the logs) when something does not come up.
  void start_system(const std::map<std::string, std::string>& env = {});
  // Starts one service binary alone with exactly the settings given (plus the log file).
  void start_service(const std::string& name, const std::map<std::string, std::string>& env);
  // Stops a service started by start_system (SIGTERM) and starts it again with the same
  // settings and `env` added (a later clock, say); fails the test when it does not come up.
  void restart_service(const std::string& name, const std::map<std::string, std::string>& env);
  // The deployment restarted around its Redis (restored from a backup, say): stop_services
  // stops the three services (SIGTERM; each must exit 0), start_services starts them again
  // with the settings start_system gave them and waits until each is ready.
  void stop_services();
  void start_services();

  std::string url(const std::string& service, const std::string& path) const;
  std::map<std::string, std::string> admin() const;
  // Creates the nomination; a body naming its subject by "subject_name" gets a staff record
  // for that person (in Tổ Toán – Tin) and their subject_id, as an admin would set it up.
  testing::HttpReply post_nomination(nlohmann::json body);
  // A staff record for `name` (same id for the same name), with `gender` ("male", "female")
  // when given; "" if it could not be stored.
  std::string add_staff(const std::string& name, const std::string& gender = "");
  // Submits a draft to the council: the step the staff group hears about.
  testing::HttpReply submit(const std::string& id);
  static nlohmann::json sample_nomination(const std::string& subject = "Nguyễn Văn An");
  // Links a staff record to a Zalo user the way a person does: a link code, then the bot.
  void link_zalo(const std::string& staff_id, const std::string& zalo_user_id);
  // A council sitting on `date` (YYYY-MM-DD; nine members, all present) that decides twelve
  // Giấy khen của Hiệu trưởng nominations, "Giáo viên Toán 1" … "12", each submitted first.
  // 4 and 9 are rejected ("Chưa đủ minh chứng về sáng kiến"); their subjects are linked to
  // Zalo as `<zalo_prefix>4` and `<zalo_prefix>9` so that they hear of it privately.
  // Returns the twelve in order; fails the test (fewer returned) when a step is refused.
  struct Decided {
    std::string name, id;
    bool passes = true;
  };
  std::vector<Decided> council_sitting(const std::string& date, const std::string& zalo_prefix);

  // The fake's record of calls (optionally of one Bot API method only).
  nlohmann::json fake_calls(const std::string& method = "") const;
  // sendMessage calls that the fake accepted (outcome "ok").
  std::vector<nlohmann::json> delivered() const;
  void fake_fail(const std::string& mode, int count, int delay_ms = 0,
                 const std::string& method = "sendMessage");
  // No event is pending in the consumer group and none waits for a retry, no message in
  // the outbox either, and no digest batch is open (every announcement is queued).
  bool queue_settled();
  // Notifications has taken in every nominations event written so far (its consumer group
  // has read them all, lag 0, and acknowledged them, nothing pending). A test that restarts
  // notifications to move its clock waits for this first: an event read only after the
  // restart would open a new digest batch instead of joining the one the restart flushes.
  bool events_taken_in();
  // wait_until that gives up early (and fails the test) when a started process has died.
  bool wait_for(const std::function<bool()>& ready, int timeout_ms = 60000);
  // The name of a started process that has ended (a zombie or gone), or "".
  std::string dead_process() const;

  testing::RedisServer& redis() { return *redis_; }
  testing::Process& process(const std::string& name) { return *processes_.at(name); }
  int port(const std::string& name) const { return ports_.at(name); }
  std::string logs() const;

 private:
  std::string binary(const std::string& name) const;
  bool wait_ready(const std::string& name, const std::string& path);

  std::string dir_;
  std::unique_ptr<testing::RedisServer> redis_;
  std::map<std::string, std::unique_ptr<testing::Process>> processes_;
  std::map<std::string, int> ports_;
  std::map<std::string, std::map<std::string, std::string>> service_settings_;
};

}  // namespace thidua::e2e
