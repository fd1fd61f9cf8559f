#include "nominations/store/catalogue_codec.hpp"

namespace thidua::nominations::stored {
using nlohmann::json;

json to_json(const Unit& u) {
  return {{"id", u.id}, {"name", u.name}, {"kind", u.kind}, {"active", u.active}};
}

json to_json(const StaffMember& s) {
  return {{"id", s.id},
          {"name", s.name},
          {"position", s.position},
          {"unit_id", s.unit_id},
          {"role", s.role},
          {"gender", s.gender},
          {"birth_date", s.birth_date},
          {"qualifications", s.qualifications},
          {"zalo_user_id", s.zalo_user_id},
          {"on_hold", s.on_hold},
          {"hold_reason", s.hold_reason}};
}

json to_json(const Period& p) {
  return {{"id", p.id},
          {"kind", period_kind_name(p.kind)},
          {"year", p.year},
          {"phase", p.phase},
          {"label", p.label}};
}

// Quotas by period kind, then subject kind: {"annual": {"individual": 3, "collective": null}}
// (null: not set yet, -1: no limit).
json to_json(const AwardForm& a) {
  json quotas = json::object();
  for (const auto& [pk, by_subject] : a.quotas) {
    json q = json::object();
    for (const auto& [sk, quota] : by_subject) {
      q[std::string(subject_kind_name(sk))] = quota ? json(*quota) : json(nullptr);
    }
    quotas[std::string(period_kind_name(pk))] = q;
  }
  return {{"code", a.code},
          {"label", a.label},
          {"level", a.level},
          {"authority", a.authority},
          {"dossier_copies", a.dossier_copies},
          {"secret_ballot", a.secret_ballot},
          {"quotas", quotas}};
}

Unit read_unit(const json& j) {
  // "active" came later (issue 14): a unit stored before it is active.
  return {j.value("id", ""), j.value("name", ""), j.value("kind", "subject_group"),
          j.value("active", true)};
}

StaffMember read_staff(const json& j) {
  StaffMember s;
  s.id = j.value("id", "");
  s.name = j.value("name", "");
  s.position = j.value("position", "");
  s.unit_id = j.value("unit_id", "");
  s.role = j.value("role", "staff");
  s.gender = j.value("gender", "");
  s.birth_date = j.value("birth_date", "");
  s.qualifications = j.value("qualifications", "");
  s.zalo_user_id = j.value("zalo_user_id", "");
  s.on_hold = j.value("on_hold", false);
  s.hold_reason = j.value("hold_reason", "");
  return s;
}

Period read_period(const json& j) {
  Period p;
  p.id = j.value("id", "");
  p.kind = parse_period_kind(j.value("kind", "annual")).value_or(PeriodKind::Annual);
  p.year = j.value("year", 0);
  p.phase = j.value("phase", phase_of_year(p.year));
  p.label = j.value("label", "");
  return p;
}

AwardForm read_award_form(const json& j) {
  AwardForm a;
  a.code = j.value("code", "");
  a.label = j.value("label", "");
  a.level = j.value("level", "school");
  a.authority = j.value("authority", "");
  a.dossier_copies = j.value("dossier_copies", 1);
  a.secret_ballot = j.value("secret_ballot", false);
  auto quotas = j.find("quotas");
  if (quotas == j.end() || !quotas->is_object()) return a;
  for (const auto& [period, by_subject] : quotas->items()) {
    auto pk = parse_period_kind(period);
    if (!pk || !by_subject.is_object()) continue;
    for (const auto& [subject, quota] : by_subject.items()) {
      auto sk = parse_subject_kind(subject);
      if (!sk) continue;
      a.quotas[*pk][*sk] = quota.is_number_integer() ? Quota(quota.get<int>()) : std::nullopt;
    }
  }
  return a;
}

}  // namespace thidua::nominations::stored
