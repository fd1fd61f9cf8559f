#include "notifications/domain/bot_update.hpp"

#include <nlohmann/json.hpp>

namespace thidua::notifications {
namespace {
using nlohmann::json;

// Ids arrive as strings or numbers; both are kept as text.
std::string id_of(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return {};
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

std::optional<BotUpdate> parse_update(const json& update) {
  const json* u = &update;
  if (u->is_object() && u->contains("result") && (*u)["result"].is_object()) u = &(*u)["result"];
  if (!u->is_object() || !u->contains("message") || !(*u)["message"].is_object()) {
    return std::nullopt;
  }
  const json& m = (*u)["message"];
  BotUpdate out;
  out.event_name = str(*u, "event_name");
  out.message_id = id_of(m, "message_id");
  if (auto d = m.find("date"); d != m.end() && d->is_number()) out.date_ms = d->get<long long>();
  out.text = str(m, "text");
  if (auto f = m.find("from"); f != m.end() && f->is_object()) {
    out.from_id = id_of(*f, "id");
    out.from_name = str(*f, "display_name");
    auto b = f->find("is_bot");
    out.from_bot = b != f->end() && b->is_boolean() && b->get<bool>();
  }
  if (auto c = m.find("chat"); c != m.end() && c->is_object()) {
    out.chat_id = id_of(*c, "id");
    out.group = str(*c, "chat_type") == "GROUP";
  }
  if (out.message_id.empty() || out.chat_id.empty() || out.from_id.empty()) return std::nullopt;
  return out;
}

UpdateVerdict judge_update(const BotUpdate& u, const std::string& group_id,
                           const std::string& own_bot_id) {
  if (u.from_bot || (!own_bot_id.empty() && u.from_id == own_bot_id))
    return UpdateVerdict::IgnoreBot;
  if (u.group && u.chat_id != group_id) return UpdateVerdict::IgnoreChat;
  if (u.text.empty()) return UpdateVerdict::IgnoreEmpty;
  return UpdateVerdict::Handle;
}

}  // namespace thidua::notifications
