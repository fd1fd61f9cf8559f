#pragma once
// One entry of a message's status history, as the outbox stores it in Redis (and GET
// /messages/{id} shows it): {"state": s, "at": ISO instant, ...extra}, dumped by nlohmann's
// json (keys sorted). Storage format, hence here in store/: entries written before it moved
// out of domain/ have exactly these bytes.
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "notifications/domain/outbox.hpp"

namespace thidua::notifications {

nlohmann::json history_entry(const std::string& state, Instant at, nlohmann::json extra = {});
// The same with delivery's typed note: its set members, as strings (instants in ISO form)
// and integers.
nlohmann::json history_entry(const std::string& state, Instant at, const HistoryNote& note);

}  // namespace thidua::notifications
