#include "notifications/bot/zalo_update.hpp"

#include <climits>
#include <nlohmann/json.hpp>

#include "core/json_read.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

// Zalo sends the date as whole milliseconds. A number that does not fit a long long is left
// at 0: converting a double out of range is undefined, and an unsigned one would wrap.
long long millis_of(const json& j) {
  if (j.is_number_unsigned()) {
    auto v = j.get<unsigned long long>();
    return v <= static_cast<unsigned long long>(LLONG_MAX) ? static_cast<long long>(v) : 0;
  }
  if (j.is_number_integer()) return j.get<long long>();
  if (j.is_number_float()) {
    double v = j.get<double>();
    // ±2^63 exactly; every double strictly between them converts.
    return v > -9223372036854775808.0 && v < 9223372036854775808.0 ? static_cast<long long>(v) : 0;
  }
  return 0;
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
  out.event_name = json_read::text(*u, "event_name");
  out.message_id = json_read::text_or_number(m, "message_id");
  if (auto d = m.find("date"); d != m.end()) out.date_ms = millis_of(*d);
  out.text = json_read::text(m, "text");
  if (auto f = m.find("from"); f != m.end() && f->is_object()) {
    out.from_id = json_read::text_or_number(*f, "id");
    out.from_name = json_read::text(*f, "display_name");
    auto b = f->find("is_bot");
    out.from_bot = b != f->end() && b->is_boolean() && b->get<bool>();
  }
  if (auto c = m.find("chat"); c != m.end() && c->is_object()) {
    out.chat_id = json_read::text_or_number(*c, "id");
    out.group = json_read::text(*c, "chat_type") == "GROUP";
  }
  if (out.message_id.empty() || out.chat_id.empty() || out.from_id.empty()) return std::nullopt;
  return out;
}

}  // namespace thidua::notifications
