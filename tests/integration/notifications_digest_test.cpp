// Digested announcements through the real service (issue 13): nominations events written to
// the stream as the nominations service writes them, a real Redis, the fake Zalo. The
// service's clock is pinned by libfaketime and moved on by restarting it later, so a window
// of ten minutes passes when the test says, never by waiting: a batch flushes because its
// service now lives eleven minutes later. Every "exactly one" below is final by
// construction: a batch's key is deleted in the same script that queues its message.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <thread>

#include "notifications_fixture.hpp"

namespace thidua::testing {
namespace {

const std::string kFooter = "\n— tự động";
const std::string kUnit = "Tổ Toán – Tin";

class NotificationsDigest : public NotificationsOutbox {
 protected:
  void TearDown() override {
    if (replica_.running()) replica_.stop();
    NotificationsOutbox::TearDown();
  }

  static std::string key(const std::string& suffix) {
    return "{" + kSchool + "}:notifications:" + suffix;
  }
  static std::string events_stream() { return "{" + kSchool + "}:nominations:events"; }

  // The service's settings at local time `ict`, with a window of ten minutes.
  static std::map<std::string, std::string> at(const std::string& ict,
                                               std::map<std::string, std::string> extra = {}) {
    auto env = faked_clock_env(ict);
    env["THIDUA_DIGEST_WINDOW_MS"] = "600000";
    for (auto& [k, v] : extra) env[k] = v;
    return env;
  }

  // A nominations event as the nominations service writes it; `second` orders it in time.
  json make_event(const std::string& type, int id, const std::string& name,
                  const std::string& kind = "individual") {
    char event_id[40];
    std::snprintf(event_id, sizeof event_id, "%032x", ++events_made_);
    char at[32];
    std::snprintf(at, sizeof at, "2026-12-01T03:%02d:%02dZ", events_made_ / 60 % 60,
                  events_made_ % 60);
    json e = {{"event_id", event_id},
              {"type", type},
              {"occurred_at", at},
              {"school", kSchool},
              {"nomination_id", std::to_string(id)},
              {"actor", "bootstrap-admin"},
              {"nomination",
               {{"id", std::to_string(id)},
                {"period", "2026"},
                {"period_label", "Năm 2026"},
                {"award", "ldtt"},
                {"award_label", "Lao động tiên tiến"},
                {"subject_kind", kind},
                {"subject_id", "gv-" + std::to_string(id)},
                {"subject_name", name},
                {"unit_id", "to-toan-tin"},
                {"unit_name", kUnit}}}};
    if (type == "nomination.rejected") e["note"] = "Chưa đủ minh chứng cho " + name;
    return e;
  }
  void write(const json& e) {
    redis_.cmd(
        {"XADD", events_stream(), "*", "type", e["type"].get<std::string>(), "event", e.dump()});
  }
  json add(const std::string& type, int id, const std::string& name) {
    auto e = make_event(type, id, name);
    write(e);
    return e;
  }
  static std::string line(int id, const std::string& name) {
    return "• Số " + std::to_string(id) + ": " + name + " (" + kUnit +
           ") — Lao động tiên tiến, năm 2026";
  }

  // Every event written has been read, none waits for a retry or is held by a consumer.
  // (A rejection's private notice needs nominations, which is down here: it is retried a
  // few times and dead-lettered, each retry taking the event in again.)
  bool caught_up() {
    auto info = redis_.cmd({"XINFO", "GROUPS", events_stream()});
    std::string pending, lag;
    for (std::size_t i = 0; i + 1 < info.size(); ++i) {
      if (info[i] == "pending") pending = info[i + 1];
      if (info[i] == "lag") lag = info[i + 1];
    }
    return pending == "0" && lag == "0" && redis_.cmd1({"ZCARD", key("events-retry")}) == "0";
  }
  std::string batch_count(const std::string& kind) {
    return redis_.cmd1({"HGET", key("digest:" + kind), "count"});
  }
  bool batch_open(const std::string& kind) {
    return redis_.cmd1({"EXISTS", key("digest:" + kind)}) == "1";
  }
  // The texts the group got, in order.
  std::vector<std::string> group_texts() {
    std::vector<std::string> out;
    for (auto& c : sends("ok")) {
      if (c.value("chat_id", "") == "g1") out.push_back(c.value("text", ""));
    }
    return out;
  }
  void restart(const std::map<std::string, std::string>& env) {
    service_.stop();
    start_service(env);
  }

  Process replica_;
  int events_made_ = 0;
};

// The sitting the issue describes: twelve decisions in a few minutes, one message.
TEST_F(NotificationsDigest, TwelveCouncilDecisionsWithinTheWindowAreOneOrderedMessage) {
  start_service(at("2026-12-01 10:00:00"));
  std::vector<std::string> lines;
  std::vector<std::string> rejected;
  for (int i = 0; i < 12; ++i) {
    std::string name = "Giáo viên số " + std::to_string(i + 1);
    bool reject = i == 4 || i == 9;
    add(reject ? "nomination.rejected" : "nomination.approved", 20 + i, name);
    if (reject) {
      rejected.push_back(name);
    } else {
      lines.push_back(line(20 + i, name));
    }
  }
  ASSERT_TRUE(wait_until([&] { return caught_up() && batch_count("council") == "12"; }));
  // Ten minutes of the service's clock cannot have passed.
  EXPECT_TRUE(group_texts().empty());

  restart(at("2026-12-01 10:11:00"));
  ASSERT_TRUE(wait_until([&] { return !batch_open("council") && !group_texts().empty(); }));
  auto texts = group_texts();
  ASSERT_EQ(texts.size(), 1u);
  std::string expected =
      "✅ Hội đồng Thi đua – Khen thưởng đã xét 12 đề nghị: " + std::to_string(lines.size()) +
      " thông qua, " + std::to_string(rejected.size()) + " chưa thông qua.";
  for (const auto& l : lines) expected += "\n" + l;
  EXPECT_EQ(texts[0], expected + kFooter);
  for (const auto& name : rejected) {
    EXPECT_EQ(texts[0].find(name), std::string::npos) << name << " named before the staff";
  }
  // Queued through the outbox like any message, marked as a digest.
  auto listed = get_json(api("/messages"), kAdmin)["items"];
  ASSERT_EQ(listed.size(), 1u) << listed.dump();
  auto history = get_json(api("/messages/" + listed[0]["id"].get<std::string>()), kAdmin);
  EXPECT_EQ(history["history"][0].value("source", ""), "digest") << history.dump();
}

TEST_F(NotificationsDigest, EventsAfterTheWindowStartANewBatch) {
  start_service(at("2026-12-01 10:00:00"));
  for (int id = 1; id <= 3; ++id) add("nomination.approved", id, "Cô giáo " + std::to_string(id));
  ASSERT_TRUE(wait_until([&] { return caught_up() && batch_count("council") == "3"; }));
  auto first_batch = redis_.cmd1({"HGET", key("digest:council"), "id"});

  restart(at("2026-12-01 10:11:00"));
  ASSERT_TRUE(wait_until([&] { return group_texts().size() == 1 && !batch_open("council"); }));
  for (int id = 4; id <= 5; ++id) add("nomination.approved", id, "Cô giáo " + std::to_string(id));
  ASSERT_TRUE(wait_until([&] { return caught_up() && batch_count("council") == "2"; }));
  EXPECT_NE(redis_.cmd1({"HGET", key("digest:council"), "id"}), first_batch);
  EXPECT_EQ(group_texts().size(), 1u);  // the new batch's window has just opened

  restart(at("2026-12-01 10:22:00"));
  ASSERT_TRUE(wait_until([&] { return group_texts().size() >= 2 && !batch_open("council"); }));
  auto texts = group_texts();
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0], "✅ Hội đồng Thi đua – Khen thưởng đã thông qua 3 đề nghị:\n" +
                          line(1, "Cô giáo 1") + "\n" + line(2, "Cô giáo 2") + "\n" +
                          line(3, "Cô giáo 3") + kFooter);
  EXPECT_EQ(texts[1], "✅ Hội đồng Thi đua – Khen thưởng đã thông qua 2 đề nghị:\n" +
                          line(4, "Cô giáo 4") + "\n" + line(5, "Cô giáo 5") + kFooter);
}

TEST_F(NotificationsDigest, ARedeliveredEventIsNotCountedTwice) {
  start_service(at("2026-12-01 10:00:00"));
  std::vector<json> events;
  for (int id = 1; id <= 5; ++id) {
    events.push_back(add("nomination.approved", id, "Thầy giáo " + std::to_string(id)));
  }
  write(events[2]);  // the producer wrote one twice (a retry after a timeout)
  ASSERT_TRUE(wait_until([&] { return caught_up() && batch_count("council") == "5"; }));
  // Every entry of the stream delivered to the group again, as after a lost acknowledgement.
  redis_.cmd({"XGROUP", "SETID", events_stream(), "notifications", "0", "ENTRIESREAD", "0"});
  ASSERT_TRUE(wait_until([&] { return caught_up(); }));
  EXPECT_EQ(batch_count("council"), "5");

  restart(at("2026-12-01 10:11:00"));
  ASSERT_TRUE(wait_until([&] { return !batch_open("council") && !group_texts().empty(); }));
  auto texts = group_texts();
  ASSERT_EQ(texts.size(), 1u);
  std::string expected = "✅ Hội đồng Thi đua – Khen thưởng đã thông qua 5 đề nghị:";
  for (int id = 1; id <= 5; ++id) expected += "\n" + line(id, "Thầy giáo " + std::to_string(id));
  EXPECT_EQ(texts[0], expected + kFooter);
}

// SIGKILL while events come in, and again and again once the window has passed (around the
// flush, wherever it happens to be): one message with all twelve, once. Quiet hours hold the
// message while the kills go on, so that Zalo is never called by a process about to die.
TEST_F(NotificationsDigest, KillsAtAnyPointLoseNothingAndDuplicateNothing) {
  std::map<std::string, std::string> quiet = {{"THIDUA_QUIET_HOURS", "10:05-10:30"}};
  start_service(at("2026-12-01 10:00:00", quiet));
  for (int id = 1; id <= 6; ++id) add("nomination.approved", id, "Người " + std::to_string(id));
  ASSERT_TRUE(wait_until([&] { return caught_up() && batch_count("council") == "6"; }));
  service_.stop(9);
  for (int id = 7; id <= 12; ++id) add("nomination.approved", id, "Người " + std::to_string(id));
  for (int k = 0; k < 3; ++k) {  // killed as it starts to read them
    start_service(at("2026-12-01 10:01:00", quiet));
    service_.stop(9);
  }
  start_service(at("2026-12-01 10:02:00", quiet));
  ASSERT_TRUE(wait_until([&] { return caught_up() && batch_count("council") == "12"; }, 20000));
  service_.stop(9);
  for (int k = 0; k < 5; ++k) {  // the window has passed: killed around the flush
    start_service(at("2026-12-01 10:11:00", quiet));
    service_.stop(9);
  }
  EXPECT_TRUE(group_texts().empty());  // held: 10:11 is inside these quiet hours

  start_service(at("2026-12-01 10:31:00", quiet));
  ASSERT_TRUE(wait_until([&] { return !batch_open("council") && !group_texts().empty(); }, 20000));
  auto listed = get_json(api("/messages"), kAdmin)["items"];
  ASSERT_EQ(listed.size(), 1u) << listed.dump();
  ASSERT_TRUE(
      wait_until([&] { return message_state(listed[0]["id"].get<std::string>()) == "sent"; }));
  auto texts = group_texts();
  ASSERT_EQ(texts.size(), 1u);
  std::string expected = "✅ Hội đồng Thi đua – Khen thưởng đã thông qua 12 đề nghị:";
  for (int id = 1; id <= 12; ++id) expected += "\n" + line(id, "Người " + std::to_string(id));
  EXPECT_EQ(texts[0], expected + kFooter);
}

// Two replicas read the events between them and both flush: still one message per batch.
TEST_F(NotificationsDigest, TwoReplicasQueueEachBatchOnce) {
  int second_port = free_port();
  start_service(at("2026-12-01 10:00:00"));
  start_replica(replica_, second_port, "it-2", at("2026-12-01 10:00:00"));
  std::vector<std::string> submitted, approved;
  for (int id = 1; id <= 4; ++id) {
    add("nomination.submitted", id, "Đề cử " + std::to_string(id));
    submitted.push_back(line(id, "Đề cử " + std::to_string(id)));
  }
  for (int id = 11; id <= 22; ++id) {
    bool reject = id % 5 == 0;  // 15 and 20
    add(reject ? "nomination.rejected" : "nomination.approved", id, "Xét " + std::to_string(id));
    if (!reject) approved.push_back(line(id, "Xét " + std::to_string(id)));
  }
  for (int id = 31; id <= 33; ++id) add("nomination.awarded", id, "Khen " + std::to_string(id));
  ASSERT_TRUE(wait_until([&] {
    return caught_up() && batch_count("submitted") == "4" && batch_count("council") == "12" &&
           batch_count("awarded") == "3";
  }));
  EXPECT_TRUE(group_texts().empty());

  service_.stop();
  replica_.stop();
  start_service(at("2026-12-01 10:11:00"));
  start_replica(replica_, second_port, "it-2", at("2026-12-01 10:11:00"));
  ASSERT_TRUE(wait_until([&] {
    return !batch_open("submitted") && !batch_open("council") && !batch_open("awarded") &&
           group_texts().size() >= 3;
  }));
  auto texts = group_texts();
  ASSERT_EQ(texts.size(), 3u);
  std::string submitted_text =
      "📋 4 đề nghị khen thưởng đã được trình Hội đồng Thi đua – Khen thưởng:";
  for (const auto& l : submitted) submitted_text += "\n" + l;
  std::string council_text =
      "✅ Hội đồng Thi đua – Khen thưởng đã xét 12 đề nghị: 10 thông qua, 2 chưa thông qua.";
  for (const auto& l : approved) council_text += "\n" + l;
  std::string awarded_text = "🎉 Chúc mừng 3 thầy cô đã được khen thưởng:";
  for (int id = 31; id <= 33; ++id) {
    awarded_text +=
        "\n• Khen " + std::to_string(id) + " (" + kUnit + ") — Lao động tiên tiến, năm 2026";
  }
  for (const auto& expected : {submitted_text, council_text, awarded_text}) {
    EXPECT_EQ(std::count(texts.begin(), texts.end(), expected + kFooter), 1) << expected;
  }
  EXPECT_EQ(get_json(api("/messages"), kAdmin)["items"].size(), 3u);
}

// THIDUA_DAILY_SUMMARY_AT: each event still goes alone (window 0), and at 17:00 one summary
// counts what came in since 17:00 the day before, once whatever the replicas; a day with
// nothing gets none.
TEST_F(NotificationsDigest, TheDailySummaryCountsTheDayOnceAndIsSkippedWhenNothingHappened) {
  std::map<std::string, std::string> daily = {{"THIDUA_DIGEST_WINDOW_MS", "0"},
                                              {"THIDUA_DAILY_SUMMARY_AT", "17:00"}};
  start_service(at("2026-12-01 16:58:00", daily));
  add("nomination.submitted", 1, "Một");
  add("nomination.submitted", 2, "Hai");
  add("nomination.approved", 1, "Một");
  add("nomination.approved", 2, "Hai");
  add("nomination.approved", 3, "Ba");
  add("nomination.rejected", 4, "Bốn");
  add("nomination.awarded", 3, "Ba");
  add("nomination.withdrawn", 5, "Năm");  // not counted
  ASSERT_TRUE(wait_until([&] { return caught_up() && group_texts().size() == 6; }));
  EXPECT_EQ(redis_.cmd1({"HGET", key("daily:2026-12-01"), "total"}), "7");

  int second_port = free_port();
  service_.stop();
  start_service(at("2026-12-01 17:01:00", daily));
  start_replica(replica_, second_port, "it-2", at("2026-12-01 17:01:00", daily));
  ASSERT_TRUE(wait_until([&] {
    return group_texts().size() == 7 && redis_.cmd1({"EXISTS", key("daily:2026-12-01")}) == "0";
  }));
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // both replicas tick again
  auto texts = group_texts();
  ASSERT_EQ(texts.size(), 7u);
  EXPECT_EQ(texts[6],
            "📊 Tổng hợp tin thi đua từ 17:00 ngày 30/11/2026 đến 17:00 ngày 01/12/2026:\n"
            "• 2 đề nghị khen thưởng đã được trình Hội đồng Thi đua – Khen thưởng.\n"
            "• Hội đồng Thi đua – Khen thưởng đã xét 4 đề nghị: 3 thông qua, 1 chưa thông qua.\n"
            "• 1 đề nghị đã được cấp trên quyết định khen thưởng." +
                kFooter);

  replica_.stop();
  service_.stop();
  start_service(at("2026-12-02 17:01:00", daily));
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(group_texts().size(), 7u);  // nothing happened since: no summary
}

TEST_F(NotificationsDigest, BadDigestSettingsStopStartUpNamingTheVariable) {
  for (auto [name, value] : {std::pair<std::string, std::string>{"THIDUA_DIGEST_WINDOW_MS", "-1"},
                             {"THIDUA_DIGEST_WINDOW_MS", "mười phút"},
                             {"THIDUA_DAILY_SUMMARY_AT", "25:00"},
                             {"THIDUA_DAILY_SUMMARY_AT", "5 giờ chiều"}}) {
    Process p;
    p.start(build_dir() + "/services/notifications/notifications", {},
            {{"THIDUA_REDIS_URL", redis_.url()},
             {"THIDUA_HTTP_PORT", std::to_string(free_port())},
             {name, value}},
            dir_ + "/refused.log");
    ASSERT_TRUE(wait_until([&] { return !p.running(); }, 10000)) << name << "=" << value;
    EXPECT_EQ(p.stop(), 2) << name << "=" << value;
    EXPECT_NE(p.log().find(name), std::string::npos) << p.log();
  }
}

// A round's last days (issue 14): nominations writes round.closing to the same stream; no
// batch gathers it, so the group hears it at once even with a window, and once even when the
// producer wrote it twice.
TEST_F(NotificationsDigest, ARoundClosingReminderGoesToTheGroupAtOnceAndOnce) {
  start_service(at("2026-12-28 08:00:00"));
  json e = {{"event_id", "00000000000000000000000000000abc"},
            {"type", "round.closing"},
            {"occurred_at", "2026-12-28T01:00:00Z"},
            {"school", kSchool},
            {"actor", "system"},
            {"round",
             {{"id", "xet-2026"},
              {"name", "Đợt xét khen thưởng năm 2026"},
              {"period", "2026"},
              {"period_label", "Năm 2026"},
              {"opens", "2026-11-01"},
              {"closes", "2026-12-31"},
              {"awards", json::array()}}},
            {"days_left", 3}};
  write(e);
  write(e);
  ASSERT_TRUE(wait_until([&] { return caught_up() && !group_texts().empty(); }));
  auto texts = group_texts();
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0],
            "⏰ Đợt xét khen thưởng năm 2026 nhận đề nghị khen thưởng đến hết ngày 31/12/2026, "
            "còn 3 ngày nữa. Kính mời các thầy cô tổ trưởng hoàn tất và trình đề nghị của tổ "
            "trước hạn này." +
                kFooter);
  EXPECT_FALSE(batch_open("submitted"));
  EXPECT_EQ(get_json(api("/messages"), kAdmin)["items"].size(), 1u);
}

}  // namespace
}  // namespace thidua::testing
