#include "nominations/api/catalogue_codec.hpp"

#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

Quota parse_quota(const json& j, const std::string& where) {
  if (j.is_null()) return std::nullopt;
  if (!http::integer_in(j, kUnlimited, kMaxQuota)) {
    throw bad_request("invalid_quota", say("problem.bad_quota", {{"where", where}}));
  }
  return j.get<int>();
}

void parse_quotas(const json& j, AwardForm& a) {
  auto q = j.find("quotas");
  if (q == j.end() || q->is_null()) return;
  if (!q->is_object()) throw bad_request("invalid_quota", say("problem.quotas_not_object"));
  for (auto it = q->begin(); it != q->end(); ++it) {
    auto pk = parse_period_kind(it.key());
    if (!pk || !it.value().is_object()) {
      throw bad_request("invalid_quota", say("problem.quota_period_kinds"));
    }
    for (auto s = it.value().begin(); s != it.value().end(); ++s) {
      auto sk = parse_subject_kind(s.key());
      if (!sk) {
        throw bad_request("invalid_quota", say("problem.quota_subject"));
      }
      a.quotas[*pk][*sk] = parse_quota(s.value(), it.key() + "/" + s.key());
    }
  }
}
}  // namespace

std::string catalogue_id_field(const json& j, const std::string& field) {
  auto id = http::required_string(j, field, 64);
  if (!ids::catalogue(id)) {
    throw bad_request("invalid_id", say("problem.bad_id", {{"id", id}, {"field", field}}));
  }
  return id;
}

Unit parse_unit(const json& j) {
  Unit u;
  u.id = catalogue_id_field(j, "id");
  u.name = http::required_string(j, "name", 200);
  u.kind = http::optional_string(j, "kind", "subject_group", 40);
  check_unit(u);
  u.active = http::optional_bool(j, "active", true);
  return u;
}

StaffMember parse_staff(const json& j) {
  StaffMember s;
  s.id = catalogue_id_field(j, "id");
  s.name = http::required_string(j, "name", 200);
  s.position = http::optional_string(j, "position", "", 200);
  s.unit_id = catalogue_id_field(j, "unit_id");
  s.role = http::optional_string(j, "role", "staff", 20);
  s.gender = http::optional_string(j, "gender", "", 10);
  s.birth_date = http::optional_string(j, "birth_date", "", 10);
  s.qualifications = text::one_line(http::optional_string(j, "qualifications", "", 300));
  s.zalo_user_id = http::optional_string(j, "zalo_user_id", "", 64);
  s.on_hold = http::optional_bool(j, "on_hold", false);
  s.hold_reason = http::optional_string(j, "hold_reason", "", 500);
  check_staff(s);
  return s;
}

Period parse_period(const json& j) {
  Period p;
  p.id = catalogue_id_field(j, "id");
  auto kind = parse_period_kind(http::required_string(j, "kind", 20));
  if (!kind) {
    throw bad_request("invalid_period_kind", say("problem.bad_period_kind"));
  }
  p.kind = *kind;
  p.year = http::optional_int(j, "year", 0, kFirstYear, kLastYear);
  if (p.year == 0) throw bad_request("missing_field", say("problem.missing_year"));
  p.phase = http::optional_int(j, "phase", phase_of_year(p.year), 1, 2);
  p.label = http::required_string(j, "label", 200);
  return p;
}

AwardForm parse_award_form(const json& j) {
  AwardForm a;
  a.code = catalogue_id_field(j, "code");
  a.label = http::required_string(j, "label", 200);
  a.level = http::optional_string(j, "level", "school", 40);
  a.authority = text::one_line(http::optional_string(j, "authority", "", 200));
  a.dossier_copies = http::optional_int(j, "dossier_copies", 1, 1, kMaxDossierCopies);
  a.secret_ballot = http::optional_bool(j, "secret_ballot", false);
  parse_quotas(j, a);
  return a;
}

Catalogue parse_catalogue(const json& j) {
  Catalogue c;
  auto list = [&j](const char* name) -> const json& {
    static const json empty = json::array();
    auto it = j.find(name);
    if (it == j.end()) return empty;
    if (!it->is_array()) {
      throw bad_request("invalid_catalogue", say("problem.not_a_list", {{"field", name}}));
    }
    return *it;
  };
  for (const auto& u : list("units")) c.units.push_back(parse_unit(u));
  for (const auto& s : list("staff")) c.staff.push_back(parse_staff(s));
  for (const auto& p : list("periods")) c.periods.push_back(parse_period(p));
  for (const auto& a : list("award_forms")) c.award_forms.push_back(parse_award_form(a));
  return c;
}

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

json to_json(const StaffMember& s, StaffView view) {
  if (view == StaffView::Whole) return to_json(s);
  json out = {{"id", s.id},           {"name", s.name}, {"position", s.position},
              {"unit_id", s.unit_id}, {"role", s.role}, {"gender", s.gender}};
  if (view == StaffView::UnitLeader) out["on_hold"] = s.on_hold;
  return out;
}

json to_json(const Period& p) {
  return {{"id", p.id},
          {"kind", period_kind_name(p.kind)},
          {"year", p.year},
          {"phase", p.phase},
          {"label", p.label}};
}

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

json to_json(const Catalogue& c) {
  json out = {{"units", json::array()},
              {"staff", json::array()},
              {"periods", json::array()},
              {"award_forms", json::array()}};
  for (const auto& u : c.units) out["units"].push_back(to_json(u));
  for (const auto& s : c.staff) out["staff"].push_back(to_json(s));
  for (const auto& p : c.periods) out["periods"].push_back(to_json(p));
  for (const auto& a : c.award_forms) out["award_forms"].push_back(to_json(a));
  return out;
}

json to_json(const Catalogue& c, const Principal& viewer) {
  json out = to_json(c);
  const StaffMember* me = c.staff_member(viewer.subject);
  json& staff = out["staff"];
  for (std::size_t i = 0; i < c.staff.size(); ++i) {
    staff[i] = to_json(c.staff[i], staff_view(viewer.role, viewer.subject, me, c.staff[i]));
  }
  return out;
}

}  // namespace thidua::nominations
