// End-to-end (e2e_system.hpp): Zalo in trouble, for a while or for good; SIGTERM under load;
// a bad setting at start-up; and a token that never outlives the person's rights.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "e2e/e2e_checks.hpp"
#include "e2e/e2e_system.hpp"

namespace thidua::e2e {
namespace {
using nlohmann::json;
using testing::http_call;
using testing::HttpReply;
using testing::wait_until;

// The first entry of a stream as a field map: XRANGE of one entry flattens to
// {id, k1, v1, k2, v2, ...}.
std::map<std::string, std::string> first_entry(testing::RedisServer& redis,
                                               const std::string& key) {
  auto flat = redis.cmd({"XRANGE", key, "-", "+", "COUNT", "1"});
  std::map<std::string, std::string> entry;
  if (flat.empty()) return entry;
  entry["_id"] = flat[0];
  for (std::size_t i = 1; i + 1 < flat.size(); i += 2) entry[flat[i]] = flat[i + 1];
  return entry;
}
}  // namespace

// 3. Zalo in trouble for a while (5xx, then 429): the event is retried with backoff and the
// group gets exactly one message once Zalo recovers.
class RetryTest : public E2eTest {
 protected:
  void fails_then_delivers_once(const std::string& mode);
};

void RetryTest::fails_then_delivers_once(const std::string& mode) {
  start_system();
  if (HasFatalFailure()) return;
  fake_fail(mode, 5);

  auto created = post_nomination(sample_nomination("Lê Thị Hồng Nhung"));
  ASSERT_EQ(created.status, 201) << created.body;
  ASSERT_EQ(submit(json::parse(created.body).at("id")).status, 200);

  ASSERT_TRUE(wait_for([&] { return !delivered().empty(); }))
      << "never delivered; calls: " << fake_calls().dump();
  ASSERT_TRUE(wait_for([&] { return queue_settled(); }));
  auto calls = fake_calls("sendMessage");
  int failed = 0, ok = 0;
  for (const auto& c : calls) {
    if (c.value("outcome", "") == mode) ++failed;
    if (c.value("outcome", "") == "ok") ++ok;
  }
  EXPECT_EQ(failed, 5) << calls.dump();
  EXPECT_EQ(ok, 1) << calls.dump();
  EXPECT_EQ(calls.size(), 6u) << calls.dump();
  auto sent = delivered();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_TRUE(contains(sent[0].value("text", ""), "Lê Thị Hồng Nhung"));
  EXPECT_EQ(redis().cmd1({"XLEN", kDeadStream}), "0");
  EXPECT_EQ(
      redis().cmd1({"EXISTS", kOutboxDead}) == "0" ? "0" : redis().cmd1({"XLEN", kOutboxDead}),
      "0");
}

TEST_F(RetryTest, ServerErrorsAreRetriedAndDeliverExactlyOnce) {
  fails_then_delivers_once("http5xx");
}

TEST_F(RetryTest, RateLimitIsRetriedAndDeliversExactlyOnce) {
  fails_then_delivers_once("http429");
}

// HTTP 200 with {ok:false, error_code:500}: the body decides, not the status line.
TEST_F(RetryTest, OkFalseWithServerErrorIsRetriedAndDeliversExactlyOnce) {
  fails_then_delivers_once("ok_false");
}

// 4. A bad bot token is not worth retrying: one call, then the event goes to the
// dead-letter stream with its reason.
TEST_F(E2eTest, PermanentFailureGoesToDeadLetterWithoutRetries) {
  start_system();
  if (HasFatalFailure()) return;
  fake_fail("http401", 100);  // every retry would fail too, and show up in the calls

  auto created = post_nomination(sample_nomination("Phạm Quốc Đạt"));
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = json::parse(created.body).at("id");
  ASSERT_EQ(submit(id).status, 200);

  ASSERT_TRUE(wait_for([&] {
    return redis().cmd1({"XLEN", kOutboxDead}) == "1";
  })) << "nothing dead-lettered; calls: "
      << fake_calls().dump();
  // Dead-lettering acknowledges in the same script: nothing pending, nothing to retry, so
  // the count of calls below is final.
  ASSERT_TRUE(wait_for([&] { return queue_settled(); }));
  auto calls = fake_calls("sendMessage");
  ASSERT_EQ(calls.size(), 1u) << calls.dump();
  EXPECT_EQ(calls[0].value("outcome", ""), "http401");
  EXPECT_TRUE(delivered().empty());

  // The event itself was handled (it became a message); the message is what died.
  EXPECT_EQ(redis().cmd1({"XLEN", kDeadStream}), "0");
  auto entry = first_entry(redis(), kOutboxDead);
  ASSERT_TRUE(entry.count("dead_reason") && entry.count("msg_id")) << "fields missing";
  EXPECT_TRUE(contains(entry.at("dead_reason"), "401")) << entry.at("dead_reason");
  EXPECT_FALSE(contains(entry.at("dead_reason"), kZaloToken)) << "the token leaked";
  auto message =
      http_call("GET", url("notifications", "/api/notifications/v1/messages/" + entry.at("msg_id")),
                "", admin());
  ASSERT_EQ(message.status, 200) << message.body;
  EXPECT_TRUE(contains(message.body, "Phạm Quốc Đạt")) << message.body;
  EXPECT_TRUE(contains(message.body, "\"dead\"")) << message.body;
  EXPECT_TRUE(contains(message.body, "số " + id)) << message.body;
}

// 5. SIGTERM under load: requests already read are answered, nothing answered is lost, no
// 5xx, exit code 0.
TEST_F(E2eTest, GracefulStopUnderLoadLosesNothingAcknowledged) {
  start_system();
  if (HasFatalFailure()) return;
  ASSERT_EQ(post_nomination(sample_nomination("Đỗ Minh Khoa")).status, 201);  // id 1, for GETs

  std::atomic<bool> stop{false};
  std::atomic<int> created{1}, read_ok{0}, no_answer{0};
  std::mutex mutex;
  std::vector<std::string> unexpected;
  auto worker = [&](int index) {
    bool writer = index % 2 == 0;
    for (int n = 0; !stop; ++n) {
      HttpReply r;
      if (writer) {
        r = post_nomination(
            sample_nomination("Giáo viên " + std::to_string(index) + "-" + std::to_string(n)));
      } else {
        r = http_call("GET", url("nominations", "/api/nominations/v1/nominations/1"), "", admin());
      }
      if (r.status == 0) {
        ++no_answer;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      } else if (r.status == (writer ? 201 : 200)) {
        ++(writer ? created : read_ok);
      } else {
        std::lock_guard lock(mutex);
        unexpected.push_back(std::to_string(r.status) + " " + r.body);
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back(worker, i);

  // Mid-way: once the load has flowed for a second or so.
  auto load_started = std::chrono::steady_clock::now();
  bool loaded = wait_for([&] {
    return created >= 30 && read_ok >= 30 &&
           std::chrono::steady_clock::now() - load_started >= std::chrono::seconds(1);
  });
  int exit_code = process("nominations").stop(SIGTERM, 60000);
  // Keep knocking a little after the exit: those calls find nobody (status 0).
  wait_until([&] { return no_answer >= 8; }, 10000);
  stop = true;
  for (auto& t : threads) t.join();

  std::cout << "[ load     ] " << created << " created, " << read_ok << " read, " << no_answer
            << " calls found nobody\n";
  EXPECT_TRUE(loaded) << "load never got going: " << created << " created, " << read_ok << " read";
  EXPECT_EQ(exit_code, 0);
  EXPECT_TRUE(unexpected.empty()) << unexpected.size() << " unexpected answers, first: "
                                  << (unexpected.empty() ? "" : unexpected.front());
  // Every 201 is stored with its event; nothing stored went unanswered either.
  EXPECT_EQ(redis().cmd1({"ZCARD", kNominationIndex}), std::to_string(created.load()));
  EXPECT_EQ(redis().cmd1({"XLEN", kEventsStream}), std::to_string(created.load()));
  EXPECT_TRUE(contains(process("nominations").log(), "\"stopped\""));
}

// 6. A bad setting stops start-up at once, naming the variable, with exit code 2.
TEST_F(E2eTest, BadSettingStopsStartUpWithExitCode2) {
  for (const std::string name : {"nominations", "reports", "notifications"}) {
    SCOPED_TRACE(name);
    start_service(name, {{"THIDUA_HTTP_PORT", "abc"},
                         {"THIDUA_REDIS_URL", "redis://127.0.0.1:1/0"},
                         {"THIDUA_MESSENGER", "console"}});
    // Signal 0 sends nothing: this only waits for the process to end by itself.
    EXPECT_EQ(process(name).stop(0, 30000), 2);
    EXPECT_TRUE(contains(process(name).log(), "THIDUA_HTTP_PORT")) << process(name).log();
  }
}

// 7. A token never outlives the person's rights (issue 9, section 2): demoted, the same
// token acts with the new role in all three services; deleted, it is refused everywhere,
// and admins see a person's tokens (never the secret) and revoke any.
TEST_F(E2eTest, ATokenActsWithThePersonsCurrentRoleInEveryService) {
  start_system();
  auto put_staff = [&](const std::string& role) {
    json staff = {{"name", "Trần Thị Thu"}, {"unit_id", "to-toan-tin"}, {"role", role}};
    return http_call("PUT", url("nominations", "/api/nominations/v1/catalogue/staff/gv-thu"),
                     staff.dump(), admin())
        .status;
  };
  ASSERT_EQ(put_staff("admin"), 200);
  auto issued = http_call("POST", url("nominations", "/api/nominations/v1/tokens"),
                          R"({"staff_id":"gv-thu"})", admin());
  ASSERT_EQ(issued.status, 201) << issued.body;
  auto token_id = json::parse(issued.body)["id"].get<std::string>();
  std::map<std::string, std::string> thu = {
      {"Authorization", "Bearer " + json::parse(issued.body)["token"].get<std::string>()}};
  // An admin-only route of each service, and issuing a token.
  auto statuses = [&] {
    std::vector<int> out;
    out.push_back(
        http_call("GET", url("reports", "/api/reports/v1/reminders/2026"), "", thu).status);
    out.push_back(
        http_call("GET", url("notifications", "/api/notifications/v1/dead-letters"), "", thu)
            .status);
    out.push_back(http_call("POST", url("nominations", "/api/nominations/v1/tokens"),
                            R"({"staff_id":"gv-thu"})", thu)
                      .status);
    return out;
  };
  EXPECT_EQ(statuses(), (std::vector<int>{200, 200, 201}));

  // Listed for admins, with when it was last used, never the secret.
  auto list =
      http_call("GET", url("nominations", "/api/nominations/v1/staff/gv-thu/tokens"), "", admin());
  ASSERT_EQ(list.status, 200) << list.body;
  auto tokens = json::parse(list.body)["tokens"];
  ASSERT_EQ(tokens.size(), 2u) << list.body;
  EXPECT_EQ(list.body.find("tdk_"), std::string::npos) << "a secret is listed: " << list.body;
  bool used = false;
  for (const auto& t : tokens) used |= t["id"] == token_id && t["last_used"].is_string();
  EXPECT_TRUE(used) << list.body;

  ASSERT_EQ(put_staff("staff"), 200);  // demoted: at once, everywhere
  EXPECT_EQ(statuses(), (std::vector<int>{403, 403, 403}));
  auto me = http_call("GET", url("nominations", "/api/nominations/v1/me"), "", thu);
  EXPECT_EQ(json::parse(me.body).value("role", ""), "staff") << me.body;

  ASSERT_EQ(http_call("DELETE", url("nominations", "/api/nominations/v1/catalogue/staff/gv-thu"),
                      "", admin())
                .status,
            204);
  EXPECT_EQ(statuses(), (std::vector<int>{401, 401, 401}));
  EXPECT_EQ(http_call("GET", url("nominations", "/api/nominations/v1/me"), "", thu).status, 401);
  // Coming back under the same id does not revive the old tokens.
  ASSERT_EQ(put_staff("admin"), 200);
  EXPECT_EQ(statuses(), (std::vector<int>{401, 401, 401}));

  // The service token acts for a person only with that person's rights, and never for
  // someone who does not exist.
  std::map<std::string, std::string> as_thu = {{"Authorization", "Bearer " + kServiceToken},
                                               {"X-Acting-For", "gv-thu"}};
  ASSERT_EQ(put_staff("staff"), 200);
  EXPECT_EQ(http_call("GET", url("reports", "/api/reports/v1/reminders/2026"), "", as_thu).status,
            403);
  as_thu["X-Acting-For"] = "gv-khong-co";
  EXPECT_EQ(http_call("GET", url("nominations", "/api/nominations/v1/me"), "", as_thu).status, 401);
  // Another token cannot act for anyone.
  std::map<std::string, std::string> admin_as = admin();
  admin_as["X-Acting-For"] = "gv-thu";
  EXPECT_EQ(http_call("GET", url("nominations", "/api/nominations/v1/me"), "", admin_as).status,
            401);
}

}  // namespace thidua::e2e
