#pragma once
// A nomination's history as kept in Redis: a list of JSON documents, one per entry, oldest
// first (the storage format, not the wire's). Members: at, by, by_name, action, from (null
// for create), to, note, and exception_reason when there is one.
#include <nlohmann/json.hpp>
#include <optional>

#include "nominations/domain/history.hpp"

namespace thidua::nominations::stored {

nlohmann::json to_json(const HistoryEntry& e);
// nullopt for what this codec did not write: not an object, a member of another type, a
// status it does not know. Members it does not know are left out.
std::optional<HistoryEntry> read_history_entry(const nlohmann::json& j);

}  // namespace thidua::nominations::stored
