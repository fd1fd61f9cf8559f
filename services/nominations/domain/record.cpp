#include "nominations/domain/record.hpp"

namespace thidua::nominations {
using nlohmann::json;

namespace {
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

void write_strings(JsonWriter& w, const std::vector<std::string>& items) {
  w.begin_array();
  for (const auto& s : items) w.string(s);
  w.end_array();
}
}  // namespace

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

std::string detail_json(const NominationRecord& r, Role viewer) {
  JsonWriter w;
  w.begin_object();
  write_summary_members(w, r);
  w.field("reason", r.draft.reason);
  w.key("achievements").begin_array();
  for (const auto& a : r.draft.achievements) {
    w.begin_object().field("text", a.text);
    write_strings(w.key("areas"), a.areas);
    write_strings(w.key("evidence"), a.evidence);
    w.end_object();
  }
  w.end_array();
  w.field("created_by", r.created_by);
  w.key("round_id");
  if (r.round_id.empty()) {
    w.null();
  } else {
    w.string(r.round_id);
  }
  w.key("outcome").value(r.outcome);
  w.key("vote").value(r.vote);
  w.key("allowed_actions").begin_array();
  for (Action a : available_actions(r.status, viewer)) w.string(action_name(a));
  w.end_array();
  w.end_object();
  return w.take();
}

std::string page_json(const NominationPage& page) {
  JsonWriter w;
  w.begin_object().key("items").begin_array();
  for (const auto& r : page.items) write_summary(w, r);
  w.end_array().key("next_after");
  if (page.next_after) {
    w.string(*page.next_after);
  } else {
    w.null();
  }
  w.end_object();
  return w.take();
}

bool is_public_honour(const NominationRecord& r) {
  if (r.status != Status::Awarded || !r.outcome.is_object()) return false;
  auto d = r.outcome.find("decision");
  return d != r.outcome.end() && d->is_object() && !d->value("number", "").empty();
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
  auto achievement = r.outcome.find("public_achievement");
  if (achievement != r.outcome.end() && achievement->is_string()) j["achievement"] = *achievement;
  return j;
}

}  // namespace thidua::nominations
