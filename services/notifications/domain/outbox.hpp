#pragma once
// A message for the outbox, as another service or an admin submits it, and the entries of
// its status history.
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace thidua::notifications {

struct Target {
  enum class Kind { Group, Staff, Chat };
  Kind kind = Kind::Group;
  std::string id;                // staff id (Staff) or chat id (Chat)
  std::string describe() const;  // "group", "staff:<id>", "chat:<id>"
};

// What kind of message it is, for the rules that depend on it. A reminder ("category":
// "reminder" in the API) to one person is withheld when that person turned private reminders
// off with /tatnhac (issue 13).
enum class Category { Ordinary, Reminder };

struct NewMessage {
  Target target;
  std::string text;
  bool urgent = false;
  Category category = Category::Ordinary;
  std::string source = "api";  // api, event, reply
  // When set, the message waits until then (a message the board schedules: issue 12,
  // "send at a time") instead of entering its lane now; see check_send_at.
  std::optional<Instant> send_at;
};

// "reminder", or "" for an ordinary message (as stored and shown).
std::string_view category_name(Category c);

// A reply to a command is the asker's own exchange with the bot: their sign-in code and link
// (/dangnhap: whoever reads it in time signs in as them), their nominations, their link. Its
// text is kept only to deliver it; nobody reads it through the API, the board included
// (message.reply_hidden stands in for it). Group replies were read in the group anyway.
bool text_is_private(std::string_view source);

// What makes two requests under one Idempotency-Key "the same request" (target, urgency,
// text, the category when it is not ordinary and the time to send when set; not the source):
// SHA-256, 64 hex digits. The IETF idempotency-key draft answers a key reused with a different
// request with 422, never with the first request's answer.
std::string request_fingerprint(const NewMessage& m);

// A message may be scheduled up to this far ahead: a school plans announcements for the
// coming weeks, not the coming year, and a mistyped year should be refused, not kept.
inline constexpr int kMaxScheduleDays = 92;

// The rule for a time to send (issue 12, "send at a time"): later than `now` and at most
// kMaxScheduleDays ahead. Throws ApiError 422 send_at_past / send_at_too_far.
void check_send_at(Instant send_at, Instant now);

// Whether the message is withheld rather than queued: a reminder to one person who has
// turned private reminders off (`reminders_off`). Group messages and everything that is not
// a reminder always go (issue 13).
bool withheld_for_reminders_off(const NewMessage& m, bool reminders_off);

// The lane a message waits in for delivery: the messages of one lane reach the chat in the
// order they were queued, whatever holds one of them (a retry, quiet hours, the rate limit).
// A chat has three lanes, so that replies to commands and urgent messages never wait behind
// a backlog of ordinary announcements: "<chat>:reply", "<chat>:urgent", "<chat>:normal".
std::string delivery_lane(const std::string& chat_id, bool urgent, const std::string& source);

// An Idempotency-Key must be short and printable; empty means none. Throws ApiError 400.
std::string checked_idempotency_key(std::string_view key);

// The states a message goes through; each change appends one history entry.
namespace state {
inline constexpr const char* kQueued = "queued";
inline constexpr const char* kHeld = "held";
inline constexpr const char* kSending = "sending";
inline constexpr const char* kSent = "sent";
inline constexpr const char* kRetry = "retry";
inline constexpr const char* kDead = "dead";
inline constexpr const char* kDiscarded = "discarded";
// Waiting for the time the sender chose (not in any lane yet; it can still be cancelled).
inline constexpr const char* kScheduled = "scheduled";
}  // namespace state

bool known_state(const std::string& s);

// What a history entry tells beside its state and time, as delivery fills it in: each
// member, when set, becomes one member of the stored entry (store/history_entry renders it,
// with the names and JSON types below). Unset members are left out.
struct HistoryNote {
  std::optional<Instant> until;           // held until (quiet hours, Zalo unavailable)
  std::optional<std::string> reason;      // why held, retried or dead
  std::optional<int> attempt;             // the try this "sending" is, from 1
  std::optional<std::string> message_id;  // Zalo's id of the part sent
  std::optional<std::string> part;        // "2/3" when the text went out in parts
  std::optional<int> retry;               // the retry this is, from 1
  std::optional<Instant> due;             // when the retry is due
  std::optional<int> attempts;            // tries made before the message went dead
};

}  // namespace thidua::notifications
