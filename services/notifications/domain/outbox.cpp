#include "notifications/domain/outbox.hpp"

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "notifications/domain/messages.hpp"

namespace thidua::notifications {

std::string Target::describe() const {
  switch (kind) {
    case Kind::Group:
      return "group";
    case Kind::Staff:
      return "staff:" + id;
    case Kind::Chat:
      return "chat:" + id;
  }
  return "group";
}

namespace {
constexpr std::size_t kMaxKeyChars = 128;
}  // namespace

void check_send_at(Instant send_at, Instant now) {
  if (send_at <= now) throw unprocessable("send_at_past", say("problem.send_at_past"));
  if (send_at > now + std::chrono::days(kMaxScheduleDays)) {
    throw unprocessable("send_at_too_far", say("problem.send_at_too_far",
                                               {{"days", std::to_string(kMaxScheduleDays)}}));
  }
}

std::string_view category_name(Category c) {
  return c == Category::Reminder ? "reminder" : "";
}

bool text_is_private(std::string_view source) {
  return source == "reply";
}

bool withheld_for_reminders_off(const NewMessage& m, bool reminders_off) {
  return reminders_off && m.category == Category::Reminder && m.target.kind == Target::Kind::Staff;
}

std::string checked_idempotency_key(std::string_view key) {
  if (key.size() > kMaxKeyChars) {
    throw bad_request("invalid_idempotency_key",
                      say("problem.key_too_long", {{"max", std::to_string(kMaxKeyChars)}}));
  }
  for (char c : key) {
    if (c < 0x21 || c > 0x7e) {
      throw bad_request("invalid_idempotency_key", say("problem.key_chars"));
    }
  }
  return std::string(key);
}

std::string delivery_lane(const std::string& chat_id, bool urgent, const std::string& source) {
  if (source == "reply") return chat_id + ":reply";
  return chat_id + (urgent ? ":urgent" : ":normal");
}

std::string request_fingerprint(const NewMessage& m) {
  std::string what = m.target.describe() + '\n' + (m.urgent ? "1" : "0") + '\n' + m.text;
  // Only when set, so an ordinary message keeps the fingerprint it had before categories.
  if (m.category != Category::Ordinary) what += '\n' + std::string(category_name(m.category));
  if (m.send_at) what += "\nsend_at " + iso_instant(*m.send_at);
  return crypto::sha256_hex(what);
}

bool known_state(const std::string& s) {
  for (const char* k : {state::kQueued, state::kHeld, state::kSending, state::kSent, state::kRetry,
                        state::kDead, state::kDiscarded, state::kScheduled}) {
    if (s == k) return true;
  }
  return false;
}

}  // namespace thidua::notifications
