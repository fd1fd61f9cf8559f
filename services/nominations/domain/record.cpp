#include "nominations/domain/record.hpp"

namespace thidua::nominations {
using nlohmann::json;

json summary_json(const NominationRecord& r) {
  return {{"id", r.id},
          {"period", r.draft.period},
          {"period_label", r.period_label},
          {"award", r.draft.award},
          {"award_label", r.award_label},
          {"subject_kind", subject_kind_name(r.draft.subject_kind)},
          {"subject_id", r.draft.subject_id},
          {"subject_name", r.subject_name},
          {"unit_id", r.unit_id},
          {"unit_name", r.unit_name},
          {"status", status_name(r.status)},
          {"status_label", status_label(r.status)},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

json to_json(const NominationRecord& r) {
  json j = summary_json(r);
  j["reason"] = r.draft.reason;
  j["achievements"] = to_json(r.draft)["achievements"];
  j["created_by"] = r.created_by;
  j["outcome"] = r.outcome;
  j["vote"] = r.vote;
  return j;
}

json public_json(const NominationRecord& r) {
  json j = {{"id", r.id},
            {"period", r.draft.period},
            {"period_label", r.period_label},
            {"award", r.draft.award},
            {"award_label", r.award_label},
            {"subject_kind", subject_kind_name(r.draft.subject_kind)},
            {"name", r.subject_name},
            {"unit_name", r.unit_name},
            {"status", status_name(r.status)}};
  if (r.status == Status::Awarded && r.outcome.contains("decision")) {
    const auto& d = r.outcome["decision"];
    j["decision"] = {{"number", d.value("number", "")}, {"date", d.value("date", "")}};
  }
  return j;
}

}  // namespace thidua::nominations
