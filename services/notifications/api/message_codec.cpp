#include "notifications/api/message_codec.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "notifications/domain/messages.hpp"

namespace thidua::notifications {
namespace {
// Zalo's limit is per message; a longer text is split (split.hpp), up to this much in all.
constexpr std::size_t kMaxTextChars = 20000;

Target target_of(const nlohmann::json& body) {
  auto t = body.find("target");
  if (t == body.end()) throw bad_request("missing_field", say("problem.missing_target"));
  Target out;
  if (t->is_string() && t->get<std::string>() == "group") return out;
  if (t->is_object() && t->size() == 1 && t->contains("staff_id") && (*t)["staff_id"].is_string() &&
      ids::staff((*t)["staff_id"].get<std::string>())) {
    out.kind = Target::Kind::Staff;
    out.id = (*t)["staff_id"].get<std::string>();
    return out;
  }
  throw bad_request("invalid_target", say("problem.bad_target"));
}
}  // namespace

NewMessage parse_new_message(const nlohmann::json& body) {
  NewMessage m;
  m.target = target_of(body);
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
  if (auto s = body.find("send_at"); s != body.end() && !s->is_null()) {
    auto at = s->is_string() ? parse_rfc3339_instant(s->get<std::string>()) : std::nullopt;
    if (!at) throw bad_request("invalid_send_at", say("problem.bad_send_at"));
    m.send_at = at;
  }
  return m;
}

}  // namespace thidua::notifications
