#include "nominations/store/history_codec.hpp"

namespace thidua::nominations::stored {
using nlohmann::json;

json to_json(const HistoryEntry& e) {
  json j = {{"at", e.at},
            {"by", e.by},
            {"by_name", e.by_name},
            {"action", e.action},
            {"from", e.from ? json(status_name(*e.from)) : json(nullptr)},
            {"to", status_name(e.to)},
            {"note", e.note}};
  if (e.exception_reason) j["exception_reason"] = *e.exception_reason;
  return j;
}

std::optional<HistoryEntry> read_history_entry(const json& j) {
  if (!j.is_object()) return std::nullopt;
  HistoryEntry e;
  try {
    e.at = j.value("at", "");
    e.by = j.value("by", "");
    e.by_name = j.value("by_name", "");
    e.action = j.value("action", "");
    e.note = j.value("note", "");
    auto to = parse_status(j.value("to", ""));
    if (!to) return std::nullopt;
    e.to = *to;
    if (auto from = j.find("from"); from != j.end() && !from->is_null()) {
      e.from = parse_status(from->get<std::string>());
      if (!e.from) return std::nullopt;
    }
    if (auto reason = j.find("exception_reason"); reason != j.end()) {
      e.exception_reason = reason->get<std::string>();
    }
  } catch (const json::exception&) {
    return std::nullopt;  // a member of another type: not written by this codec
  }
  return e;
}

}  // namespace thidua::nominations::stored
