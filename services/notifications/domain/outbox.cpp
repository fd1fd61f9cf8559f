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
// Zalo's limit is per message; a longer text is split (split.hpp), up to this much in all.
constexpr std::size_t kMaxTextChars = 20000;
constexpr std::size_t kMaxKeyChars = 128;

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
      return false;
  }
  return true;
}
}  // namespace

NewMessage parse_new_message(const nlohmann::json& body) {
  NewMessage m;
  auto t = body.find("target");
  if (t == body.end()) throw bad_request("missing_field", say("problem.missing_target"));
  if (t->is_string() && t->get<std::string>() == "group") {
    m.target.kind = Target::Kind::Group;
  } else if (t->is_object() && t->size() == 1 && t->contains("staff_id") &&
             (*t)["staff_id"].is_string() && valid_id((*t)["staff_id"].get<std::string>())) {
    m.target.kind = Target::Kind::Staff;
    m.target.id = (*t)["staff_id"].get<std::string>();
  } else {
    throw bad_request("invalid_target", say("problem.bad_target"));
  }
  auto x = body.find("text");
  if (x == body.end() || !x->is_string() || x->get_ref<const std::string&>().empty())
    throw bad_request("missing_field", say("problem.missing_text"));
  m.text = x->get<std::string>();
  if (text::length(m.text) > kMaxTextChars) {
    throw bad_request("field_too_long",
                      say("problem.text_too_long", {{"max", std::to_string(kMaxTextChars)}}));
  }
  // Well formed, but only blanks: nothing to send.
  bool blank = m.text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) throw unprocessable("empty_text", say("problem.blank_text"));
  if (auto u = body.find("urgent"); u != body.end()) {
    if (!u->is_boolean()) throw bad_request("invalid_field", say("problem.bad_urgent"));
    m.urgent = u->get<bool>();
  }
  if (auto c = body.find("category"); c != body.end() && !c->is_null()) {
    if (!c->is_string() || *c != "reminder") {
      throw bad_request("invalid_category", say("problem.bad_category"));
    }
    m.category = Category::Reminder;
  }
  return m;
}

std::string_view category_name(Category c) {
  return c == Category::Reminder ? "reminder" : "";
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
  return crypto::sha256_hex(what);
}

bool known_state(const std::string& s) {
  for (const char* k : {state::kQueued, state::kHeld, state::kSending, state::kSent, state::kRetry,
                        state::kDead, state::kDiscarded}) {
    if (s == k) return true;
  }
  return false;
}

nlohmann::json history_entry(const std::string& st, Instant at, nlohmann::json extra) {
  nlohmann::json e = {{"state", st}, {"at", iso_instant(at)}};
  if (extra.is_object()) e.update(extra);
  return e;
}

}  // namespace thidua::notifications
