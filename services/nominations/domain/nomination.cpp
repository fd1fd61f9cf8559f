#include "nominations/domain/nomination.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "http/json_io.hpp"
#include "nominations/domain/evidence.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

constexpr std::size_t kMaxAchievements = 50;

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
  for (const auto& area : a.areas) {
    if (!is_content_area(area)) {
      throw bad_request("unknown_content_area",
                        say("problem.unknown_content_area", {{"area", area}}));
    }
  }
  a.evidence = string_list(j, "evidence", kMaxEvidencePerAchievement, 500);
  for (const auto& link : a.evidence) {
    if (!is_evidence_link(link)) {
      throw bad_request("invalid_evidence_link", say("problem.evidence_link"));
    }
  }
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

bool writes_nominations(Role role) {
  return role == Role::Admin || role == Role::Leader;
}

Subject check_draft(const NominationDraft& d, const Catalogue& c, Role role,
                    const std::string& actor_unit) {
  if (!c.period(d.period)) {
    throw unprocessable("unknown_period", say("problem.unknown_period", {{"period", d.period}}));
  }
  if (!c.award(d.award)) {
    throw unprocessable("unknown_award", say("problem.unknown_award", {{"code", d.award}}));
  }
  Subject s;
  if (d.subject_kind == SubjectKind::Individual) {
    const StaffMember* m = c.staff_member(d.subject_id);
    if (!m)
      throw unprocessable("unknown_staff", say("problem.unknown_staff", {{"id", d.subject_id}}));
    if (m->on_hold) {
      throw unprocessable("subject_on_hold", say("problem.subject_on_hold",
                                                 {{"name", m->name}, {"reason", m->hold_reason}}));
    }
    s.name = m->name;
    s.unit_id = m->unit_id;
    const Unit* u = c.unit(m->unit_id);
    if (u && !u->active) {
      throw unprocessable("unit_inactive", say("problem.staff_unit_inactive",
                                               {{"name", m->name}, {"unit", u->name}}));
    }
  } else {
    const Unit* u = c.unit(d.subject_id);
    if (!u)
      throw unprocessable("unknown_unit", say("problem.unknown_unit", {{"id", d.subject_id}}));
    if (!u->active) {
      throw unprocessable("unit_inactive", say("problem.unit_inactive", {{"unit", u->name}}));
    }
    s.name = u->name;
    s.unit_id = u->id;
  }
  if (const Unit* u = c.unit(s.unit_id)) s.unit_name = u->name;
  if (role == Role::Leader && s.unit_id != actor_unit) {
    throw ApiError(403, "not_own_unit", say("problem.not_own_unit_subject"));
  }
  return s;
}

json to_json(const NominationDraft& d) {
  json achievements = json::array();
  for (const auto& a : d.achievements) {
    achievements.push_back({{"text", a.text}, {"areas", a.areas}, {"evidence", a.evidence}});
  }
  return {{"period", d.period},
          {"award", d.award},
          {"subject_kind", subject_kind_name(d.subject_kind)},
          {"subject_id", d.subject_id},
          {"reason", d.reason},
          {"achievements", achievements}};
}

NominationDraft draft_from_json(const json& j) {
  NominationDraft d;
  d.period = j.value("period", "");
  d.award = j.value("award", "");
  d.subject_kind =
      parse_subject_kind(j.value("subject_kind", "individual")).value_or(SubjectKind::Individual);
  d.subject_id = j.value("subject_id", "");
  d.reason = j.value("reason", "");
  for (const auto& a : j.value("achievements", json::array())) {
    d.achievements.push_back({a.value("text", ""), a.value("areas", std::vector<std::string>{}),
                              a.value("evidence", std::vector<std::string>{})});
  }
  return d;
}

std::string live_key(const NominationDraft& d) {
  return d.period + ":" + d.award + ":" + std::string(subject_kind_name(d.subject_kind)) + ":" +
         d.subject_id;
}

}  // namespace thidua::nominations
