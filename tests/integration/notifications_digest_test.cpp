// Digested announcements through the real service (issue 13, notifications_digest_fixture.hpp):
// decisions within the window make one ordered message, later ones a new batch, a redelivered
// event counts once; bad settings stop start-up; a round's closing reminder is never batched.
#include <gtest/gtest.h>

#include "notifications_digest_fixture.hpp"

namespace thidua::testing::notifications_digest_test {
namespace {

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

// A unit submits three and withdraws one within the window: the group hears of two.
TEST_F(NotificationsDigest, ASubmissionWithdrawnWithinTheWindowIsNotAnnounced) {
  start_service(at("2026-12-01 10:00:00"));
  for (int id = 1; id <= 3; ++id) add("nomination.submitted", id, "Cô giáo " + std::to_string(id));
  add("nomination.withdrawn", 2, "Cô giáo 2");
  ASSERT_TRUE(wait_until([&] { return caught_up() && batch_count("submitted") == "4"; }));
  EXPECT_TRUE(group_texts().empty());  // a withdrawal says nothing by itself

  restart(at("2026-12-01 10:11:00"));
  ASSERT_TRUE(wait_until([&] { return !batch_open("submitted") && !group_texts().empty(); }));
  auto texts = group_texts();
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_NE(texts[0].find("Cô giáo 1"), std::string::npos) << texts[0];
  EXPECT_NE(texts[0].find("Cô giáo 3"), std::string::npos) << texts[0];
  EXPECT_EQ(texts[0].find("Cô giáo 2"), std::string::npos) << texts[0];
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
}  // namespace thidua::testing::notifications_digest_test
