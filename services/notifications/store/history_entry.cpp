#include "notifications/store/history_entry.hpp"

namespace thidua::notifications {

nlohmann::json history_entry(const std::string& st, Instant at, nlohmann::json extra) {
  nlohmann::json e = {{"state", st}, {"at", iso_instant(at)}};
  if (extra.is_object()) e.update(extra);
  return e;
}

nlohmann::json history_entry(const std::string& st, Instant at, const HistoryNote& note) {
  nlohmann::json extra = nlohmann::json::object();
  if (note.until) extra["until"] = iso_instant(*note.until);
  if (note.reason) extra["reason"] = *note.reason;
  if (note.attempt) extra["attempt"] = *note.attempt;
  if (note.message_id) extra["message_id"] = *note.message_id;
  if (note.part) extra["part"] = *note.part;
  if (note.retry) extra["retry"] = *note.retry;
  if (note.due) extra["due"] = iso_instant(*note.due);
  if (note.attempts) extra["attempts"] = *note.attempts;
  return history_entry(st, at, std::move(extra));
}

}  // namespace thidua::notifications

namespace thidua::notifications {
namespace {

void read_text(const nlohmann::json& j, const char* key, std::optional<std::string>& out) {
  auto it = j.find(key);
  if (it != j.end() && it->is_string()) out = it->get<std::string>();
}
void read_int(const nlohmann::json& j, const char* key, std::optional<int>& out) {
  auto it = j.find(key);
  if (it != j.end() && it->is_number_integer()) out = it->get<int>();
}

}  // namespace

std::optional<HistoryEntry> read_history_entry(std::string_view stored) {
  auto j = nlohmann::json::parse(stored, nullptr, false);
  if (!j.is_object() || !j.contains("state") || !j["state"].is_string()) return std::nullopt;
  HistoryEntry e;
  e.state = j["state"].get<std::string>();
  if (auto at = j.find("at"); at != j.end() && at->is_string()) e.at = at->get<std::string>();
  read_text(j, "until", e.until);
  read_text(j, "reason", e.reason);
  read_text(j, "message_id", e.message_id);
  read_text(j, "part", e.part);
  read_text(j, "due", e.due);
  read_text(j, "by", e.by);
  read_text(j, "source", e.source);
  read_text(j, "send_at", e.send_at);
  read_int(j, "attempt", e.attempt);
  read_int(j, "retry", e.retry);
  read_int(j, "attempts", e.attempts);
  return e;
}

}  // namespace thidua::notifications
