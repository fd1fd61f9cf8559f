#include "nominations/store/nomination_summary.hpp"

namespace thidua::nominations {

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

}  // namespace thidua::nominations
