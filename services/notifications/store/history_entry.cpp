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
