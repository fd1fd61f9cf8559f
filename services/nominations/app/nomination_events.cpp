// What NominationsApp writes besides the record: the event each change publishes and the
// history entry it appends, and the compact summary of a nomination they carry.
#include "nominations/app/nomination_events.hpp"

#include "core/crypto.hpp"
#include "nominations/app/nominations_app.hpp"

namespace thidua::nominations {
using nlohmann::json;

void write_summary_members(JsonWriter& w, const NominationRecord& r) {
  w.field("id", r.id)
      .field("period", r.draft.period)
      .field("period_label", r.period_label)
      .field("award", r.draft.award)
      .field("award_label", r.award_label)
      .field("subject_kind", subject_kind_name(r.draft.subject_kind))
      .field("subject_id", r.draft.subject_id)
      .field("subject_name", r.subject_name)
      .field("unit_id", r.unit_id)
      .field("unit_name", r.unit_name)
      .field("status", status_name(r.status))
      .field("status_label", status_label(r.status))
      .field("created_at", r.created_at)
      .field("updated_at", r.updated_at);
}

void write_summary(JsonWriter& w, const NominationRecord& r) {
  w.begin_object();
  write_summary_members(w, r);
  w.end_object();
}

json summary_json(const NominationRecord& r) {
  JsonWriter w;
  write_summary(w, r);
  return json::parse(w.take());
}

json NominationsApp::event(const std::string& type, const NominationRecord& r, const Principal& who,
                           const json& extra) const {
  json e = {{"event_id", crypto::random_hex(16)},
            {"type", type},
            {"occurred_at", iso_instant(clock_.now())},
            {"school", school_},
            {"nomination_id", r.id},
            {"actor", who.subject},
            {"nomination", summary_json(r)}};
  for (auto it = extra.begin(); it != extra.end(); ++it) e[it.key()] = it.value();
  return e;
}

HistoryEntry NominationsApp::history_entry(const Principal& who, std::string_view action,
                                           std::optional<Status> from, Status to,
                                           const std::string& note) const {
  HistoryEntry e;
  e.at = iso_instant(clock_.now());
  e.by = who.subject;
  e.by_name = who.name;
  e.action = std::string(action);
  e.from = from;
  e.to = to;
  e.note = note;
  return e;
}

}  // namespace thidua::nominations
