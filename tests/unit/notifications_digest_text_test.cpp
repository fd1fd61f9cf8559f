// Digested announcements (issue 13): awards and their decisions, how a long digest is capped
// and goes out in parts, and the daily summary. Pure functions, no Redis; the events come from
// notifications_digest_events.hpp.
#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "notifications/domain/event_messages.hpp"
#include "notifications/domain/split.hpp"
#include "notifications_digest_events.hpp"

namespace thidua::notifications::digest_test {
namespace {

TEST(Digest, AwardsCongratulateThePeopleAndTheUnits) {
  auto a = event_of("nomination.awarded", 1, 0, kPeople[0]);
  auto b = event_of("nomination.awarded", 2, 1, kPeople[1]);
  auto unit = event_of("nomination.awarded", 3, 2, {"Tổ Toán – Tin", "Tổ Toán – Tin"});
  unit["nomination"]["subject_kind"] = "collective";
  auto text = digest_message(DigestKind::Awarded, all_typed({a, b, unit}));
  ASSERT_TRUE(text);
  auto lines = lines_of(*text);
  ASSERT_EQ(lines.size(), 4u) << *text;
  EXPECT_EQ(lines[0], "🎉 Chúc mừng 2 thầy cô và 1 tập thể đã được khen thưởng:");
  EXPECT_EQ(lines[1],
            "• " + kPeople[0].name + " (" + kPeople[0].unit + ") — Lao động tiên tiến, năm 2026");
  EXPECT_EQ(lines[3], "• Tổ Toán – Tin — Lao động tiên tiến, năm 2026");
  auto two = digest_message(DigestKind::Awarded, all_typed({a, b}));
  ASSERT_TRUE(two);
  EXPECT_TRUE(two->starts_with("🎉 Chúc mừng 2 thầy cô đã được khen thưởng:")) << *two;
}

TEST(Digest, AwardsAreListedUnderTheirDecision) {
  auto decided = [](int id, const Person& p, const std::string& number, const std::string& date) {
    auto e = event_of("nomination.awarded", id, id, p);
    e["decision"] = {{"number", number}, {"date", date}};
    return e;
  };
  std::vector<json> events = {decided(1, kPeople[0], "245/QĐ-UBND", "2026-11-28"),
                              decided(2, kPeople[1], "12/QĐ-THCSVP1", "2026-11-30"),
                              decided(3, kPeople[2], "245/QĐ-UBND", "2026-11-28"),
                              event_of("nomination.awarded", 4, 4, kPeople[3])};
  auto text = digest_message(DigestKind::Awarded, all_typed(events));
  ASSERT_TRUE(text);
  auto item = [](const Person& p) {
    return "• " + p.name + " (" + p.unit + ") — Lao động tiên tiến, năm 2026";
  };
  std::vector<std::string> expected = {"🎉 Chúc mừng 4 thầy cô đã được khen thưởng:",
                                       item(kPeople[3]),
                                       "Theo Quyết định số 245/QĐ-UBND ngày 28/11/2026:",
                                       item(kPeople[0]),
                                       item(kPeople[2]),
                                       "Theo Quyết định số 12/QĐ-THCSVP1 ngày 30/11/2026:",
                                       item(kPeople[1])};
  EXPECT_EQ(lines_of(*text), expected) << *text;
  // Alone, an award reads as before: "được tặng … theo Quyết định số …".
  auto one = digest_message(DigestKind::Awarded, {typed(events[0])});
  ASSERT_TRUE(one);
  EXPECT_EQ(*one, *message_for_event(typed(events[0]), ""));
  EXPECT_TRUE(contains(*one, "theo Quyết định số 245/QĐ-UBND ngày 28/11/2026")) << *one;
}

// A long sitting: the digest lists the first kDigestMaxListed and counts the rest; the
// outbox cuts it into Zalo-sized parts at line ends, so no item is cut in two.
TEST(Digest, ALongDigestIsCappedAndSplitsBetweenItems) {
  const std::size_t n = kDigestMaxListed + 25;
  std::vector<json> events;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = kPeople[i % kPeople.size()];
    Person who{p.name + " " + std::to_string(i), p.unit};
    events.push_back(
        event_of("nomination.submitted", 1000 + static_cast<int>(i), static_cast<int>(i), who));
  }
  auto text = digest_message(DigestKind::Submitted, all_typed(events));
  ASSERT_TRUE(text);
  auto lines = lines_of(*text);
  ASSERT_EQ(lines.size(), kDigestMaxListed + 2);
  EXPECT_EQ(lines.back(), "• … và " + std::to_string(n - kDigestMaxListed) +
                              " đề nghị khác (xem trên trang thi đua của trường).");
  EXPECT_TRUE(lines[kDigestMaxListed].starts_with(
      "• Số " + std::to_string(1000 + kDigestMaxListed - 1) + ": "));

  const std::string footer = "— Tin nhắn tự động từ hệ thống thi đua";
  auto whole = *text + "\n" + footer;  // as delivery sends it
  auto parts = split_message(whole);
  ASSERT_GE(parts.size(), 2u) << text::length(whole);
  EXPECT_LE(parts.size(), 3u);  // a couple of messages, not dozens
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_LE(text::length(parts[i]), 2000u);
    if (i > 0) {
      EXPECT_TRUE(parts[i].starts_with("• ") || parts[i] == footer) << parts[i].substr(0, 80);
    }
    joined += (i ? "\n" : "") + parts[i];
  }
  EXPECT_EQ(joined, whole);
}

TEST(DailySummary, TheSettingIsATimeOrNothing) {
  EXPECT_FALSE(DailySummaryAt::parse("", "X").enabled);
  EXPECT_FALSE(DailySummaryAt::parse("off", "X").enabled);
  auto at = DailySummaryAt::parse("17:30", "X");
  EXPECT_TRUE(at.enabled);
  EXPECT_EQ(at.minute, 17 * 60 + 30);
  EXPECT_EQ(DailySummaryAt::parse("00:00", "X").minute, 0);
  for (auto bad : {"24:00", "7:30", "17:60", "17.30", "17:30 ", "1730", "tối"}) {
    try {
      DailySummaryAt::parse(bad, "THIDUA_DAILY_SUMMARY_AT");
      ADD_FAILURE() << bad << " was accepted";
    } catch (const ConfigError& e) {
      EXPECT_TRUE(contains(e.what(), "THIDUA_DAILY_SUMMARY_AT")) << e.what();
    }
  }
}

TEST(DailySummary, AnEventCountsInTheNextSummaryAfterIt) {
  auto at = DailySummaryAt::parse("17:00", "X");
  LocalDate d{2026, 12, 1};
  EXPECT_EQ(summary_day_for(local_time(d, 16, 59), at), d);
  EXPECT_EQ(summary_day_for(local_time(d, 17, 0), at), add_days(d, 1));
  EXPECT_EQ(summary_day_for(local_time(d, 23, 59), at), add_days(d, 1));
  EXPECT_EQ(summary_day_for(local_time(d, 0, 0), at), d);
  // Due once its time has come; before that, yesterday's is the latest.
  EXPECT_EQ(last_summary_day(local_time(d, 16, 59), at), add_days(d, -1));
  EXPECT_EQ(last_summary_day(local_time(d, 17, 0), at), d);
  // Across the year: the first minutes of 1 January belong to its own summary.
  LocalDate jan1{2027, 1, 1};
  EXPECT_EQ(summary_day_for(local_time({2026, 12, 31}, 23, 59), at), jan1);
  EXPECT_EQ(last_summary_day(local_time(jan1, 0, 1), at), (LocalDate{2026, 12, 31}));
}

TEST(DailySummary, CountsPerKindAndNothingWhenNothingHappened) {
  auto at = DailySummaryAt::parse("17:00", "X");
  EXPECT_FALSE(daily_summary(DayCounts{}, {2026, 12, 1}, at));
  DayCounts c;
  c.submitted = 3;
  c.approved = 10;
  c.rejected = 2;
  auto text = daily_summary(c, {2026, 12, 1}, at);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text,
            "📊 Tổng hợp tin thi đua từ 17:00 ngày 30/11/2026 đến 17:00 ngày 01/12/2026:\n"
            "• 3 đề nghị khen thưởng đã được trình Hội đồng Thi đua – Khen thưởng.\n"
            "• Hội đồng Thi đua – Khen thưởng đã xét 12 đề nghị: 10 thông qua, 2 chưa thông qua.");
  DayCounts awards;
  awards.awarded = 4;
  auto only = daily_summary(awards, {2026, 12, 1}, at);
  ASSERT_TRUE(only);
  EXPECT_TRUE(contains(*only, "\n• 4 đề nghị đã được cấp trên quyết định khen thưởng."));
  EXPECT_FALSE(contains(*only, "Hội đồng"));
}

TEST(DailySummary, TheFieldAnEventCountsIn) {
  const auto& p = kPeople[0];
  EXPECT_EQ(day_count_field(typed(event_of("nomination.submitted", 1, 0, p))), "submitted");
  EXPECT_EQ(day_count_field(typed(event_of("nomination.approved", 1, 0, p))), "approved");
  EXPECT_EQ(day_count_field(typed(event_of("nomination.rejected", 1, 0, p))), "rejected");
  EXPECT_EQ(day_count_field(typed(event_of("nomination.awarded", 1, 0, p))), "awarded");
  EXPECT_FALSE(day_count_field(typed(event_of("nomination.not_awarded", 1, 0, p))));
  EXPECT_FALSE(day_count_field(typed(event_of("nomination.withdrawn", 1, 0, p))));
}

}  // namespace
}  // namespace thidua::notifications::digest_test
