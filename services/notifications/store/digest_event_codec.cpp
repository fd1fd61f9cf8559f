#include "notifications/store/digest_event_codec.hpp"

#include <nlohmann/json.hpp>
#include <utility>

#include "core/json_read.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

// The nomination's fields, as named in the stored JSON.
const std::pair<const char*, std::string NominationSummary::*> kSummaryFields[] = {
    {"id", &NominationSummary::id},
    {"period", &NominationSummary::period},
    {"period_label", &NominationSummary::period_label},
    {"award", &NominationSummary::award},
    {"award_label", &NominationSummary::award_label},
    {"subject_kind", &NominationSummary::subject_kind},
    {"subject_id", &NominationSummary::subject_id},
    {"subject_name", &NominationSummary::subject_name},
    {"unit_id", &NominationSummary::unit_id},
    {"unit_name", &NominationSummary::unit_name},
    {"status", &NominationSummary::status},
    {"status_label", &NominationSummary::status_label},
};

// The event's own text fields; written only when not empty.
const std::pair<const char*, std::string NominationEvent::*> kEventFields[] = {
    {"event_id", &NominationEvent::event_id},
    {"type", &NominationEvent::type},
    {"occurred_at", &NominationEvent::occurred_at},
    {"actor", &NominationEvent::actor},
    {"from", &NominationEvent::from},
    {"to", &NominationEvent::to},
    {"note", &NominationEvent::note},
};
}  // namespace

std::string encode_digest_event(const NominationEvent& event) {
  json out = json::object();
  for (const auto& [name, field] : kEventFields) {
    if (!(event.*field).empty()) out[name] = event.*field;
  }
  if (event.nomination) {
    json n = json::object();
    for (const auto& [name, field] : kSummaryFields) n[name] = (*event.nomination).*field;
    out["nomination_id"] = event.nomination->id;
    out["nomination"] = std::move(n);
  }
  if (!event.decision.number.empty() || !event.decision.date.empty()) {
    out["decision"] = {{"number", event.decision.number}, {"date", event.decision.date}};
  }
  return out.dump();
}

std::optional<NominationEvent> decode_digest_event(std::string_view stored) {
  auto j = json::parse(stored, nullptr, false);
  if (!j.is_object()) return std::nullopt;  // a discarded parse is no object either
  NominationEvent e;
  for (const auto& [name, field] : kEventFields) e.*field = json_read::text(j, name);
  auto n = j.find("nomination");
  if (n != j.end() && n->is_object()) {
    NominationSummary s;
    for (const auto& [name, field] : kSummaryFields) s.*field = json_read::text(*n, name);
    // Stored whole as it came: an older event names only the award's code.
    s.award_label = json_read::text(*n, "award_label", s.award);
    e.nomination = std::move(s);
  }
  auto d = j.find("decision");
  if (d != j.end()) {
    e.decision.number = json_read::text(*d, "number");
    e.decision.date = json_read::text(*d, "date");
  }
  return e;
}

}  // namespace thidua::notifications
