// The rules of sending: a long text split into messages, the retry backoff, quiet hours, the
// time to send and the request fingerprint, what is withheld, and which of the platform's
// updates the bot handles.
#include <gtest/gtest.h>

#include "core/backoff.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "notifications/domain/bot_update.hpp"
#include "notifications/domain/outbox.hpp"
#include "notifications/domain/quiet_hours.hpp"
#include "notifications/domain/split.hpp"

namespace thidua::notifications {
namespace {

TEST(Split, ShortTextIsOnePart) {
  EXPECT_EQ(split_message("Xin chào"), std::vector<std::string>{"Xin chào"});
  EXPECT_TRUE(split_message("  \n ").empty());
}

TEST(Split, CountsCharactersNotBytes) {
  // 2000 Vietnamese characters of 2-3 bytes each fit in one message.
  std::string t;
  for (int i = 0; i < 2000; ++i) t += "ệ";
  auto parts = split_message(t);
  ASSERT_EQ(parts.size(), 1u);
  t += "ệ";
  parts = split_message(t);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(text::length(parts[0]), 2000u);
  EXPECT_EQ(parts[1], "ệ");
}

TEST(Split, CutsAtLinesThenWordsInOrder) {
  std::string line(1500, 'a');
  std::string text = line + "\n" + line + "\n" + "cuối";
  auto parts = split_message(text);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], line);
  EXPECT_EQ(parts[1], line + "\n" + "cuối");
  std::string words;
  for (int i = 0; i < 700; ++i) words += "đổi ";  // 2800 characters
  parts = split_message(words, 2000);
  ASSERT_EQ(parts.size(), 2u);
  for (const auto& p : parts) {
    EXPECT_LE(text::length(p), 2000u);
    EXPECT_NE(p.back(), ' ');
    EXPECT_EQ(p.rfind("đổi", 0), 0u);  // no word cut in two
  }
  std::string joined = parts[0] + " " + parts[1];
  EXPECT_EQ(joined + " ", words);
}

TEST(Split, WithoutBreaksCutsAtCharacterBoundary) {
  std::string t;
  for (int i = 0; i < 4100; ++i) t += "ơ";
  auto parts = split_message(t);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(text::length(parts[0]), 2000u);
  EXPECT_EQ(text::length(parts[2]), 100u);
  for (const auto& p : parts) EXPECT_TRUE(text::valid_utf8(p));
}

TEST(Backoff, ScheduleDoublesIsCappedAndJittered) {
  BackoffPolicy p{std::chrono::milliseconds(1000), std::chrono::milliseconds(8000), 6};
  EXPECT_EQ(backoff_delay(p, 1, 0.0).count(), 500);
  EXPECT_EQ(backoff_delay(p, 1, 0.999).count(), 999);
  EXPECT_EQ(backoff_delay(p, 3, 0.0).count(), 2000);
  EXPECT_EQ(backoff_delay(p, 10, 0.0).count(), 4000);  // capped at 8000, half fixed
  EXPECT_LT(backoff_delay(p, 10, 0.999).count(), 8000);
}

TEST(QuietHoursTest, HoldsUntilMorningAcrossMidnight) {
  auto q = QuietHours::parse("21:00-06:30", "X");
  LocalDate d{2026, 11, 25};
  EXPECT_FALSE(q.held_until(local_time(d, 20, 59)));
  auto late = q.held_until(local_time(d, 22, 15));
  ASSERT_TRUE(late);
  EXPECT_EQ(*late, local_time({2026, 11, 26}, 6, 30));
  auto early = q.held_until(local_time(d, 5, 0));
  ASSERT_TRUE(early);
  EXPECT_EQ(*early, local_time(d, 6, 30));
  EXPECT_FALSE(q.held_until(local_time(d, 6, 30)));
  EXPECT_FALSE(QuietHours::parse("off", "X").held_until(local_time(d, 23, 0)));
  EXPECT_THROW(QuietHours::parse("21-6", "X"), ConfigError);
  EXPECT_THROW(QuietHours::parse("25:00-06:00", "X"), ConfigError);
}

// Issue 12, "send at a time": later than now, at most kMaxScheduleDays ahead.
TEST(Outbox, ATimeToSendIsInTheFutureAndWithinTheLimit) {
  Instant now = local_time({2026, 12, 5}, 16, 0);
  auto code = [&](Instant at) {
    try {
      check_send_at(at, now);
    } catch (const ApiError& e) {
      return e.code();
    }
    return std::string();
  };
  EXPECT_EQ(code(now + std::chrono::minutes(1)), "");
  EXPECT_EQ(code(now), "send_at_past");
  EXPECT_EQ(code(now - std::chrono::hours(1)), "send_at_past");
  EXPECT_EQ(code(now + std::chrono::days(kMaxScheduleDays)), "");
  EXPECT_EQ(code(now + std::chrono::days(kMaxScheduleDays) + std::chrono::seconds(1)),
            "send_at_too_far");
}

// The time to send belongs to the request an Idempotency-Key stands for.
TEST(Outbox, TheFingerprintCountsTheTimeToSendWhenSet) {
  NewMessage m;
  m.text = "Họp hội đồng";
  auto now = request_fingerprint(m);
  m.send_at = local_time({2026, 12, 7}, 7, 0);
  auto at_seven = request_fingerprint(m);
  EXPECT_NE(at_seven, now);
  m.send_at = local_time({2026, 12, 7}, 8, 0);
  EXPECT_NE(request_fingerprint(m), at_seven);
}

// Issue 13: who turned private reminders off gets none; nothing else is withheld.
TEST(Outbox, OnlyAPrivateReminderToSomeoneWhoTurnedThemOffIsWithheld) {
  NewMessage m;
  m.target = {Target::Kind::Staff, "gv-01"};
  m.text = "Nhắc hạn";
  m.category = Category::Reminder;
  EXPECT_TRUE(withheld_for_reminders_off(m, true));
  EXPECT_FALSE(withheld_for_reminders_off(m, false));
  m.category = Category::Ordinary;  // a rejection told privately, an admin's message
  EXPECT_FALSE(withheld_for_reminders_off(m, true));
  m.category = Category::Reminder;
  m.target = {Target::Kind::Group, ""};  // the group's reminder reaches everyone
  EXPECT_FALSE(withheld_for_reminders_off(m, true));
}

// A reply to a command (a sign-in code among them) is read by the one who asked, not through
// the API; what the board or a service queued is theirs to read back.
TEST(Outbox, OnlyARepliesTextIsPrivate) {
  EXPECT_TRUE(text_is_private("reply"));
  EXPECT_FALSE(text_is_private("api"));
  EXPECT_FALSE(text_is_private("event"));
  EXPECT_FALSE(text_is_private(""));
}

// The marker is part of the request an Idempotency-Key stands for, and an ordinary message
// keeps the fingerprint it had before the marker existed.
TEST(Outbox, TheFingerprintCountsTheCategoryOnlyWhenSet) {
  NewMessage m;
  m.target = {Target::Kind::Staff, "gv-01"};
  m.text = "Nhắc hạn";
  auto ordinary = request_fingerprint(m);
  EXPECT_EQ(ordinary, crypto::sha256_hex("staff:gv-01\n0\nNhắc hạn"));
  m.category = Category::Reminder;
  EXPECT_NE(request_fingerprint(m), ordinary);
}

// The platform's JSON is read in bot/zalo_update.cpp (notifications_adapters_test.cpp).
TEST(Updates, JudgedByWhoSentThemAndWhere) {
  BotUpdate u;
  u.message_id = "m1";
  u.text = "@bot /hanchot";
  u.from_id = "u1";
  u.chat_id = "g1";
  u.group = true;
  EXPECT_EQ(update_key(u), "g1:m1");
  EXPECT_EQ(judge_update(u, "g1", "bot-1"), UpdateVerdict::Handle);
  EXPECT_EQ(judge_update(u, "g2", "bot-1"), UpdateVerdict::IgnoreChat);
  EXPECT_EQ(judge_update(u, "g1", "u1"), UpdateVerdict::IgnoreBot);
  u.from_bot = true;
  EXPECT_EQ(judge_update(u, "g1", ""), UpdateVerdict::IgnoreBot);
  u.from_bot = false;
  u.group = false;  // a private chat, whatever its id
  EXPECT_EQ(judge_update(u, "g2", "bot-1"), UpdateVerdict::Handle);
  u.text.clear();
  EXPECT_EQ(judge_update(u, "g1", "bot-1"), UpdateVerdict::IgnoreEmpty);
  u.message_id.clear();
  EXPECT_EQ(update_key(u), "");
}

}  // namespace
}  // namespace thidua::notifications
