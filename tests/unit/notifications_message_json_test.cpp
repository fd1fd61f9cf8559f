// The outbox as GET /messages and /dead-letters show it: the store reads its Redis format
// into typed values (StoredMessage, HistoryEntry, DeadLetter) and api/message_json renders
// them. A history entry read back and rendered must be the entry as stored, byte for byte:
// the dashboard's history has always shown the stored entries as they are.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "notifications/api/message_json.hpp"
#include "notifications/store/history_entry.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

const Instant kNow = *parse_iso_instant("2026-11-25T02:37:30Z");
const Instant kLater = *parse_iso_instant("2026-11-25T06:00:00Z");

std::string shown(const std::string& stored) {
  auto entry = read_history_entry(stored);
  if (!entry) return "(unreadable)";
  return history_json({*entry})[0].dump();
}

TEST(MessageJson, EveryKindOfStoredHistoryEntryIsShownAsStored) {
  HistoryNote sending;
  sending.attempt = 2;
  sending.part = "1/2";
  HistoryNote sent;
  sent.message_id = "zm-81";
  sent.part = "2/2";
  HistoryNote retry;
  retry.retry = 3;
  retry.due = kLater;
  retry.reason = "zalo 502";
  HistoryNote dead;
  dead.reason = "chat not found";
  dead.attempts = 8;
  HistoryNote held;
  held.until = kLater;
  held.reason = "quiet_hours";
  const std::string entries[] = {
      history_entry(state::kQueued, kNow, {{"source", "api"}}).dump(),
      history_entry(state::kScheduled, kNow, {{"send_at", iso_instant(kLater)}, {"source", "api"}})
          .dump(),
      history_entry(state::kHeld, kNow, held).dump(),
      history_entry(state::kSending, kNow, sending).dump(),
      history_entry(state::kSent, kNow, sent).dump(),
      history_entry(state::kRetry, kNow, retry).dump(),
      history_entry(state::kDead, kNow, dead).dump(),
      history_entry(state::kQueued, kNow, {{"by", "admin"}, {"source", "dead_letter_retry"}})
          .dump(),
      history_entry(state::kDiscarded, kNow, {{"by", "admin"}, {"reason", "cancelled"}}).dump(),
  };
  for (const auto& stored : entries) EXPECT_EQ(shown(stored), stored);
}

TEST(MessageJson, AnUnreadableEntryIsLeftOut) {
  EXPECT_FALSE(read_history_entry("not json"));
  EXPECT_FALSE(read_history_entry(R"({"at":"2026-11-25T02:37:30Z"})"));
  EXPECT_FALSE(read_history_entry(R"(["sent"])"));
  // A member of another type than written is dropped, the rest kept.
  EXPECT_EQ(shown(R"({"at":"x","attempt":"two","state":"sending"})"),
            R"({"at":"x","state":"sending"})");
}

TEST(MessageJson, AMessageShowsItsTargetAndTheIdsOfItsParts) {
  StoredMessage m;
  m.id = "a1";
  m.target = "staff:gv-hoa";
  m.text = "Nhắc hạn";
  m.state = state::kSent;
  m.created_at = "2026-11-25T02:37:30Z";
  m.message_ids = {"zm-1", "zm-2"};
  m.category = "reminder";
  EXPECT_EQ(message_json(m).dump(),
            R"({"category":"reminder","created_at":"2026-11-25T02:37:30Z","id":"a1",)"
            R"("message_ids":["zm-1","zm-2"],"state":"sent","target":{"staff_id":"gv-hoa"},)"
            R"("text":"Nhắc hạn","urgent":false})");
  m.message_ids.clear();
  m.target = "group";
  EXPECT_EQ(message_json(m)["message_ids"], json::array());
  EXPECT_EQ(message_json(m)["target"], "group");
  EXPECT_EQ(target_json("chat:c-9"), (json{{"chat_id", "c-9"}}));
}

TEST(MessageJson, ADeadLetterShowsWhatIsKnownOfIt) {
  DeadLetter with;
  with.id = "a1";
  with.reason = "chat not found";
  with.dead_at = "2026-11-25T02:37:30Z";
  with.attempts = 8;
  with.message = StoredMessage{};
  with.message->target = "staff:gv-hoa";
  with.message->text = "Nhắc hạn";
  DeadLetter gone;
  gone.id = "b2";
  EXPECT_EQ(
      dead_letters_json({with, gone}).dump(),
      R"([{"attempts":8,"dead_at":"2026-11-25T02:37:30Z","id":"a1","reason":"chat not found",)"
      R"("target":{"staff_id":"gv-hoa"},"text":"Nhắc hạn"},{"id":"b2"}])");
}

TEST(MessageJson, TheAnswerToAPostIsItsIdAndStatus) {
  EnqueueResult r;
  r.id = "a1";
  r.status = state::kScheduled;
  EXPECT_EQ(enqueue_answer_json(r).dump(), R"({"id":"a1","status":"scheduled"})");
}

}  // namespace
}  // namespace thidua::notifications
