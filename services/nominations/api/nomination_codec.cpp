#include "nominations/api/nomination_codec.hpp"

#include "core/errors.hpp"
#include "http/json_io.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/domain/evidence.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

std::vector<std::string> string_list(const json& j, const std::string& field, std::size_t max_items,
                                     std::size_t max_chars) {
  std::vector<std::string> out;
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array() || it->size() > max_items) {
    throw bad_request("invalid_field", say("problem.list_too_long",
                                           {{"field", field}, {"max", std::to_string(max_items)}}));
  }
  for (const auto& v : *it) {
    if (!v.is_string() || v.get_ref<const std::string&>().size() > max_chars * 4) {
      throw bad_request("invalid_field", say("problem.list_item", {{"field", field}}));
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

Achievement parse_achievement(const json& j) {
  if (!j.is_object())
    throw bad_request("invalid_achievement", say("problem.achievement_not_object"));
  Achievement a;
  a.text = http::required_string(j, "text", 2000);
  a.areas = string_list(j, "areas", 6, 8);
  a.evidence = string_list(j, "evidence", kMaxEvidencePerAchievement, 500);
  check_achievement(a);
  return a;
}
}  // namespace

NominationDraft parse_draft(const json& body) {
  NominationDraft d;
  d.period = catalogue_id_field(body, "period");
  d.award = catalogue_id_field(body, "award");
  auto kind = parse_subject_kind(http::required_string(body, "subject_kind", 20));
  if (!kind) {
    throw bad_request("invalid_subject_kind", say("problem.bad_subject_kind"));
  }
  d.subject_kind = *kind;
  d.subject_id = catalogue_id_field(body, "subject_id");
  d.reason = http::optional_string(body, "reason", "", 4000);
  auto it = body.find("achievements");
  if (it != body.end() && !it->is_null()) {
    if (!it->is_array() || it->size() > kMaxAchievements) {
      throw bad_request("invalid_field", say("problem.too_many_achievements",
                                             {{"max", std::to_string(kMaxAchievements)}}));
    }
    for (const auto& a : *it) d.achievements.push_back(parse_achievement(a));
  }
  return d;
}

LocalDate date_field(const json& body, const std::string& field) {
  auto date = parse_iso_date(http::required_string(body, field, 10));
  if (!date) throw bad_request("invalid_date", say("problem.date_field", {{"field", field}}));
  return *date;
}

TransitionRequest parse_transition(const json& body) {
  TransitionRequest t;
  auto name = http::required_string(body, "action", 20);
  auto action = parse_action(name);
  if (!action) {
    throw bad_request("unknown_action", say("problem.unknown_action_named", {{"action", name}}));
  }
  t.action = *action;
  t.note = http::optional_string(body, "note", "", 2000);
  switch (t.action) {
    case Action::Submit:
      t.submit.exception_reason = http::optional_string(body, "exception_reason", "", 500);
      break;
    case Action::Reject:
    case Action::NotAward:
      t.note = http::required_string(body, "reason", 2000);
      break;
    case Action::Forward:
      t.forward.date = date_field(body, "date");
      t.forward.reference = http::required_string(body, "reference", 100);
      break;
    case Action::Award:
      t.award.decision_number = http::required_string(body, "decision_number", 100);
      t.award.decision_date = date_field(body, "decision_date");
      t.award.public_achievement = http::optional_string(body, "public_achievement", "", 300);
      break;
    case Action::Review:
    case Action::Approve:
    case Action::Withdraw:
      break;
  }
  return t;
}

}  // namespace thidua::nominations
