// The history entries delivery writes (app/delivery fills a typed HistoryNote, store/
// history_entry renders it). Redis already holds entries written when delivery built the
// JSON itself, and GET /messages/{id} shows them as they are: each kind of entry must keep
// exactly those bytes (members sorted by name, integers as integers).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "notifications/store/history_entry.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

Instant at(const std::string& iso) {
  return *parse_iso_instant(iso);
}

const Instant kNow = at("2026-11-25T02:37:30Z");
const Instant kLater = at("2026-11-25T06:00:00Z");

// An entry as delivery built it before HistoryNote: its own JSON merged into state and time.
std::string as_before(const std::string& state, json extra) {
  json e = {{"state", state}, {"at", iso_instant(kNow)}};
  e.update(extra);
  return e.dump();
}

TEST(HistoryNote, HeldInQuietHoursKeepsItsBytes) {
  HistoryNote n;
  n.until = kLater;
  n.reason = "quiet_hours";
  auto got = history_entry(state::kHeld, kNow, n).dump();
  EXPECT_EQ(got, R"({"at":"2026-11-25T02:37:30Z","reason":"quiet_hours","state":"held",)"
                 R"("until":"2026-11-25T06:00:00Z"})");
  EXPECT_EQ(got, as_before("held", {{"until", iso_instant(kLater)}, {"reason", "quiet_hours"}}));
}

TEST(HistoryNote, HeldWhileZaloIsUnavailableKeepsItsBytes) {
  HistoryNote n;
  n.until = kLater;
  n.reason = "zalo_unavailable";
  EXPECT_EQ(history_entry(state::kHeld, kNow, n).dump(),
            R"({"at":"2026-11-25T02:37:30Z","reason":"zalo_unavailable","state":"held",)"
            R"("until":"2026-11-25T06:00:00Z"})");
}

TEST(HistoryNote, SendingKeepsItsBytesWithAndWithoutParts) {
  HistoryNote one;
  one.attempt = 1;
  EXPECT_EQ(history_entry(state::kSending, kNow, one).dump(),
            R"({"at":"2026-11-25T02:37:30Z","attempt":1,"state":"sending"})");
  HistoryNote part = one;
  part.attempt = 3;
  part.part = "2/3";
  auto got = history_entry(state::kSending, kNow, part).dump();
  EXPECT_EQ(got, R"({"at":"2026-11-25T02:37:30Z","attempt":3,"part":"2/3","state":"sending"})");
  EXPECT_EQ(got, as_before("sending", {{"attempt", 3}, {"part", "2/3"}}));
}

TEST(HistoryNote, SentKeepsItsBytesWithAndWithoutParts) {
  HistoryNote sent;
  sent.message_id = "m-42";
  EXPECT_EQ(history_entry(state::kSent, kNow, sent).dump(),
            R"({"at":"2026-11-25T02:37:30Z","message_id":"m-42","state":"sent"})");
  sent.part = "3/3";
  auto got = history_entry(state::kSent, kNow, sent).dump();
  EXPECT_EQ(got,
            R"({"at":"2026-11-25T02:37:30Z","message_id":"m-42","part":"3/3","state":"sent"})");
  EXPECT_EQ(got, as_before("sent", {{"message_id", "m-42"}, {"part", "3/3"}}));
}

TEST(HistoryNote, RetryKeepsItsBytes) {
  HistoryNote n;
  n.retry = 2;
  n.due = kLater;
  n.reason = "Zalo 429: Too Many Requests";
  auto got = history_entry(state::kRetry, kNow, n).dump();
  EXPECT_EQ(got, R"({"at":"2026-11-25T02:37:30Z","due":"2026-11-25T06:00:00Z",)"
                 R"("reason":"Zalo 429: Too Many Requests","retry":2,"state":"retry"})");
  EXPECT_EQ(got, as_before("retry", {{"retry", 2},
                                     {"due", iso_instant(kLater)},
                                     {"reason", "Zalo 429: Too Many Requests"}}));
}

TEST(HistoryNote, DeadKeepsItsBytes) {
  HistoryNote n;
  n.reason = "Zalo 400: chat not found";
  n.attempts = 5;
  auto got = history_entry(state::kDead, kNow, n).dump();
  EXPECT_EQ(got, R"({"at":"2026-11-25T02:37:30Z","attempts":5,"reason":"Zalo 400: chat not found",)"
                 R"("state":"dead"})");
  EXPECT_EQ(got, as_before("dead", {{"reason", "Zalo 400: chat not found"}, {"attempts", 5}}));
}

TEST(HistoryNote, AnEmptyNoteIsStateAndTimeAlone) {
  EXPECT_EQ(history_entry(state::kQueued, kNow, HistoryNote{}).dump(),
            R"({"at":"2026-11-25T02:37:30Z","state":"queued"})");
}

}  // namespace
}  // namespace thidua::notifications
