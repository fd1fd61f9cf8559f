// Digested announcements through the real service (issue 13, notifications_digest_fixture.hpp)
// when processes die or run side by side: kills at any point lose and duplicate nothing, two
// replicas queue each batch once, and the daily summary counts the day once.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "notifications_digest_fixture.hpp"

namespace thidua::testing::notifications_digest_test {
namespace {

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

}  // namespace
}  // namespace thidua::testing::notifications_digest_test
