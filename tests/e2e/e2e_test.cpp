// End-to-end: the real binaries, a real redis-server and the fake Zalo Bot API, driven over
// HTTP as the school's staff and website would. No timing assertions: every wait is a
// generous wait (wait_for), so a loaded machine is slower, never red.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "e2e/e2e_system.hpp"

namespace thidua::e2e {
namespace {
using nlohmann::json;
using testing::http_call;
using testing::HttpReply;
using testing::wait_until;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

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

// The yearly report is due on 30 October; the next one from `today` (an independent oracle
// for the reports service, computed from the clock rather than hard-coded).
LocalDate next_october_30(LocalDate today) {
  int year =
      (today.month < 10 || (today.month == 10 && today.day <= 30)) ? today.year : today.year + 1;
  return LocalDate{year, 10, 30};
}
}  // namespace

// 1. The thin path, end to end: an admin files a nomination; the staff group hears of it
// once, in Vietnamese; the nomination reads back; the website's countdown is right.
TEST_F(E2eTest, NominationIsAnnouncedOnceInTheGroupAndReadsBack) {
  start_system();
  if (HasFatalFailure()) return;

  auto created = post_nomination(sample_nomination("Nguyễn Văn An"));
  ASSERT_EQ(created.status, 201) << created.body;
  auto nomination = json::parse(created.body);
  std::string id = nomination.at("id");
  EXPECT_EQ(nomination["subject_name"], "Nguyễn Văn An");
  EXPECT_EQ(created.header("location"), "/api/nominations/v1/nominations/" + id);
  // A draft stays within the unit; submitting it to the council is announced.
  EXPECT_TRUE(wait_for([&] { return queue_settled(); }));
  EXPECT_TRUE(delivered().empty());
  ASSERT_EQ(submit(id).status, 200);

  ASSERT_TRUE(wait_for([&] { return !delivered().empty(); }))
      << "no message reached the fake Zalo group";
  // Acknowledged and nothing waiting for a retry: no second message can follow.
  ASSERT_TRUE(wait_for([&] { return queue_settled(); }));
  auto sent = delivered();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(fake_calls("sendMessage").size(), 1u);
  EXPECT_EQ(sent[0].value("chat_id", ""), kGroupId);
  std::string text = sent[0].value("text", "");
  EXPECT_TRUE(contains(text, "Nguyễn Văn An")) << text;  // UTF-8 intact through the queue
  EXPECT_TRUE(contains(text, "Tổ Toán – Tin")) << text;
  EXPECT_TRUE(contains(text, id)) << text;
  EXPECT_EQ(redis().cmd1({"XLEN", kDeadStream}), "0");

  auto read =
      http_call("GET", url("nominations", "/api/nominations/v1/nominations/" + id), "", admin());
  ASSERT_EQ(read.status, 200) << read.body;
  auto stored = json::parse(read.body);
  EXPECT_EQ(stored["id"], id);
  EXPECT_EQ(stored["subject_name"], "Nguyễn Văn An");
  EXPECT_EQ(stored["unit_name"], "Tổ Toán – Tin");
  EXPECT_EQ(stored["status"], "submitted");
  EXPECT_EQ(stored["award"], "gk_xa");

  // The service's clock, not the wall clock: under THIDUA_TEST_FAKETIME they differ.
  auto before = local_date(testing::services_now().first);
  auto deadline = http_call("GET", url("reports", "/api/reports/v1/deadlines/next"));
  auto after = local_date(testing::services_now().second);
  ASSERT_EQ(deadline.status, 200) << deadline.body;
  auto next = json::parse(deadline.body);
  // The same local day before and after the call, unless the call straddled midnight.
  bool matches_before = next["due_date"] == iso_date(next_october_30(before)) &&
                        next["days_left"] == days_between(before, next_october_30(before));
  bool matches_after = next["due_date"] == iso_date(next_october_30(after)) &&
                       next["days_left"] == days_between(after, next_october_30(after));
  EXPECT_TRUE(matches_before || matches_after) << deadline.body;
  if (before == after) {
    EXPECT_EQ(next["today"], iso_date(before));
  }
  if (before <= LocalDate{2027, 10, 30} && before > LocalDate{2026, 10, 30}) {
    EXPECT_EQ(next["due_date"], "2027-10-30");
  }
}

// 2. Bad input gets the right 4xx as problem+json and changes nothing in Redis.
// Issue 13: good news to the group, personal matters in private. A rejection and its reason
// go to the nominee and the unit's leader (both linked), never to the whole staff.
TEST_F(E2eTest, ARejectionIsToldPrivatelyToTheNomineeAndTheLeaderNotToTheGroup) {
  start_system();
  if (HasFatalFailure()) return;
  auto created = post_nomination(sample_nomination("Lê Thị Bình"));
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = json::parse(created.body).at("id");
  std::string nominee = add_staff("Lê Thị Bình");
  json leader = {{"name", "Phạm Văn Cường"}, {"unit_id", "to-toan-tin"}, {"role", "leader"}};
  ASSERT_EQ(http_call("PUT", url("nominations", "/api/nominations/v1/catalogue/staff/gv-cuong"),
                      leader.dump(), admin())
                .status,
            200);
  for (auto [staff, zalo] : {std::pair<std::string, std::string>{nominee, "zu-binh"},
                             std::pair<std::string, std::string>{"gv-cuong", "zu-cuong"}}) {
    auto issued =
        http_call("POST", url("nominations", "/api/nominations/v1/staff/" + staff + "/link-codes"),
                  "", admin());
    ASSERT_EQ(issued.status, 201) << issued.body;
    json link = {{"code", json::parse(issued.body)["code"]}, {"zalo_user_id", zalo}};
    ASSERT_EQ(http_call("POST", url("nominations", "/api/nominations/v1/zalo-links"), link.dump(),
                        admin())
                  .status,
              200);
  }
  ASSERT_EQ(submit(id).status, 200);
  auto rejected = http_call(
      "POST", url("nominations", "/api/nominations/v1/nominations/" + id + "/transitions"),
      R"({"action":"reject","reason":"Chưa đủ minh chứng về sáng kiến"})", admin());
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  ASSERT_TRUE(wait_for([&] { return delivered().size() >= 3; }));
  ASSERT_TRUE(wait_for([&] { return queue_settled(); }));
  std::map<std::string, std::vector<std::string>> by_chat;
  for (auto& m : delivered()) by_chat[m.value("chat_id", "")].push_back(m.value("text", ""));
  ASSERT_EQ(by_chat[kGroupId].size(), 1u);  // the submission only
  EXPECT_TRUE(contains(by_chat[kGroupId][0], "trình Hội đồng")) << by_chat[kGroupId][0];
  for (const char* chat : {"zu-binh", "zu-cuong"}) {
    ASSERT_EQ(by_chat[chat].size(), 1u) << chat;
    EXPECT_TRUE(contains(by_chat[chat][0], "Lý do: Chưa đủ minh chứng về sáng kiến."))
        << by_chat[chat][0];
    EXPECT_TRUE(contains(by_chat[chat][0], "số " + id)) << by_chat[chat][0];
  }
  EXPECT_EQ(by_chat.size(), 3u);
}

TEST_F(E2eTest, BadInputIsRefusedAndChangesNothing) {
  start_system();
  if (HasFatalFailure()) return;
  ASSERT_FALSE(add_staff("Nguyễn Văn An").empty());  // the subject exists; only input is bad
  auto snapshot = [&] {
    auto keys = redis().cmd({"KEYS", "*"});
    std::sort(keys.begin(), keys.end());
    keys.push_back("events=" + redis().cmd1({"XLEN", kEventsStream}));
    keys.push_back("dbsize=" + redis().cmd1({"DBSIZE"}));
    return keys;
  };
  auto before = snapshot();
  const std::string create = url("nominations", "/api/nominations/v1/nominations");

  auto expect_problem = [](const char* what, const HttpReply& r, int status,
                           const std::string& code) {
    SCOPED_TRACE(what);
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_TRUE(contains(r.header("content-type"), "application/problem+json"))
        << r.header("content-type");
    auto body = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << r.body;
    EXPECT_EQ(body.value("status", 0), status);
    if (!code.empty()) {
      EXPECT_EQ(body.value("code", ""), code) << r.body;
    }
    std::string detail = body.value("detail", "");
    // A Vietnamese sentence a person can act on: not empty, with Vietnamese letters.
    EXPECT_FALSE(detail.empty());
    EXPECT_TRUE(std::any_of(detail.begin(), detail.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x80;
    })) << detail;
  };

  expect_problem("malformed JSON",
                 http_call("POST", create, R"({"period": "2026", "award": )", admin()), 400,
                 "malformed_json");
  auto missing = sample_nomination();
  missing.erase("subject_name");
  expect_problem("missing field", http_call("POST", create, missing.dump(), admin()), 400,
                 "missing_field");
  auto unknown_award = sample_nomination();
  unknown_award["award"] = "huan_chuong";
  expect_problem("unknown award", post_nomination(unknown_award), 422, "unknown_award");

  auto huge = sample_nomination();
  huge["reason"] = std::string(2 * 1024 * 1024, 'a');
  expect_problem("2 MB body", http_call("POST", create, huge.dump(), admin(), 30000), 413,
                 "payload_too_large");

  auto plain = admin();
  plain["Content-Type"] = "text/plain";
  expect_problem("text/plain", http_call("POST", create, "Nguyễn Văn An", plain), 415,
                 "unsupported_media_type");

  expect_problem("no token", http_call("POST", create, sample_nomination().dump()), 401,
                 "unauthenticated");
  expect_problem("wrong token",
                 http_call("POST", create, sample_nomination().dump(),
                           {{"Authorization", "Bearer not-the-admin-token-at-all"}}),
                 401, "invalid_token");

  expect_problem("unknown route",
                 http_call("GET", url("nominations", "/api/nominations/v1/khong-co"), "", admin()),
                 404, "route_not_found");
  auto wrong_method = http_call("DELETE", create, "", admin());
  expect_problem("wrong method", wrong_method, 405, "method_not_allowed");
  EXPECT_TRUE(contains(wrong_method.header("allow"), "POST")) << wrong_method.header("allow");
  expect_problem(
      "unknown nomination",
      http_call("GET", url("nominations", "/api/nominations/v1/nominations/999"), "", admin()), 404,
      "nomination_not_found");

  EXPECT_EQ(snapshot(), before);
  EXPECT_TRUE(fake_calls("sendMessage").empty());
  // Still serving after all that.
  EXPECT_EQ(post_nomination(sample_nomination()).status, 201);
}

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
