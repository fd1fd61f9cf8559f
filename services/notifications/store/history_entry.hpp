#pragma once
// One entry of a message's status history, as the outbox stores it in Redis: {"state": s,
// "at": ISO instant, ...extra}, dumped by nlohmann's json (keys sorted). Storage format,
// hence here in store/: entries written before it moved out of domain/ have exactly these
// bytes. GET /messages/{id} shows the entries read back (HistoryEntry), rendered by api/.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "notifications/domain/outbox.hpp"

namespace thidua::notifications {

nlohmann::json history_entry(const std::string& state, Instant at, nlohmann::json extra = {});
// The same with delivery's typed note: its set members, as strings (instants in ISO form)
// and integers.
nlohmann::json history_entry(const std::string& state, Instant at, const HistoryNote& note);

// An entry read back: every member the outbox has ever written, the instants as stored
// (ISO text). `by`: the admin who acted on a dead letter or a scheduled message; `source`:
// where the message came from (api, event, digest, reply, scheduled, dead_letter_retry);
// `send_at`: a scheduled message's time. The rest as in HistoryNote.
struct HistoryEntry {
  std::string state;
  std::string at;
  std::optional<std::string> until, reason, message_id, part, due, by, source, send_at;
  std::optional<int> attempt, retry, attempts;
};

// Reads a stored entry; nullopt when it is not a JSON object with a state. Members of
// another type than written are left out.
std::optional<HistoryEntry> read_history_entry(std::string_view stored);

}  // namespace thidua::notifications
