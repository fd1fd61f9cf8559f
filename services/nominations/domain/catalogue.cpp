#include "nominations/domain/catalogue.hpp"

#include <climits>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/roles.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

// An integer in [min, max]. is_number_integer() holds for unsigned values too, and one past
// LLONG_MAX read as long long wraps to a negative number (18446744073709551615 is -1, the
// "no limit" quota), so unsigned values are compared as unsigned.
bool integer_in(const json& j, long long min, long long max) {
  if (j.is_number_unsigned()) {
    auto v = j.get<unsigned long long>();
    return v <= static_cast<unsigned long long>(LLONG_MAX) && static_cast<long long>(v) >= min &&
           static_cast<long long>(v) <= max;
  }
  return j.is_number_integer() && j.get<long long>() >= min && j.get<long long>() <= max;
}

int int_field(const json& j, const std::string& field, int fallback, int min, int max) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return fallback;
  if (!integer_in(*it, min, max)) {
    throw bad_request("invalid_field", say("problem.int_range", {{"field", field},
                                                                 {"min", std::to_string(min)},
                                                                 {"max", std::to_string(max)}}));
  }
  return it->get<int>();
}

bool bool_field(const json& j, const std::string& field, bool fallback) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) {
    throw bad_request("invalid_field", say("problem.not_a_boolean", {{"field", field}}));
  }
  return it->get<bool>();
}

std::optional<PeriodKind> parse_period_kind(std::string_view s) {
  if (s == "annual") return PeriodKind::Annual;
  if (s == "interim") return PeriodKind::Interim;
  if (s == "final") return PeriodKind::Final;
  return std::nullopt;
}

Quota parse_quota(const json& j, const std::string& where) {
  if (j.is_null()) return std::nullopt;
  if (!integer_in(j, -1, 1000)) {
    throw bad_request("invalid_quota", say("problem.bad_quota", {{"where", where}}));
  }
  return j.get<int>();
}

template <class T>
const T* find_by(const std::vector<T>& items, const std::string& key, std::string T::*member) {
  for (const auto& item : items) {
    if (item.*member == key) return &item;
  }
  return nullptr;
}
}  // namespace

bool is_catalogue_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

std::string catalogue_id_field(const json& j, const std::string& field) {
  auto id = http::required_string(j, field, 64);
  if (!is_catalogue_id(id)) {
    throw bad_request("invalid_id", say("problem.bad_id", {{"id", id}, {"field", field}}));
  }
  return id;
}

std::string_view subject_kind_name(SubjectKind kind) {
  return kind == SubjectKind::Individual ? "individual" : "collective";
}

std::string subject_kind_label(SubjectKind kind) {
  return say(kind == SubjectKind::Individual ? "subject.individual" : "subject.collective");
}

std::optional<SubjectKind> parse_subject_kind(std::string_view name) {
  if (name == "individual") return SubjectKind::Individual;
  if (name == "collective") return SubjectKind::Collective;
  return std::nullopt;
}

std::string_view period_kind_name(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::Annual:
      return "annual";
    case PeriodKind::Interim:
      return "interim";
    case PeriodKind::Final:
      return "final";
  }
  return "annual";
}

Quota AwardForm::quota(PeriodKind period, SubjectKind subject) const {
  auto p = quotas.find(period);
  if (p == quotas.end()) return std::nullopt;
  auto s = p->second.find(subject);
  return s == p->second.end() ? std::nullopt : s->second;
}

const Unit* Catalogue::unit(const std::string& id) const {
  return find_by(units, id, &Unit::id);
}
const StaffMember* Catalogue::staff_member(const std::string& id) const {
  return find_by(staff, id, &StaffMember::id);
}
const Period* Catalogue::period(const std::string& id) const {
  return find_by(periods, id, &Period::id);
}
const AwardForm* Catalogue::award(const std::string& code) const {
  return find_by(award_forms, code, &AwardForm::code);
}

Unit parse_unit(const json& j) {
  Unit u;
  u.id = catalogue_id_field(j, "id");
  u.name = http::required_string(j, "name", 200);
  u.kind = http::optional_string(j, "kind", "subject_group", 40);
  if (u.kind != "school" && u.kind != "subject_group" && u.kind != "office") {
    throw bad_request("invalid_unit_kind", say("problem.bad_unit_kind"));
  }
  u.active = bool_field(j, "active", true);
  return u;
}

void check_unit_change(const Catalogue& c, const Unit& after) {
  if (after.active) return;
  if (after.kind == "school") {
    throw unprocessable("school_unit_kept", say("problem.school_unit_kept"));
  }
  std::vector<std::string> names;
  for (const auto& s : c.staff) {
    if (s.unit_id == after.id) names.push_back(s.name);
  }
  if (names.empty()) return;
  std::string listed = names[0];
  for (std::size_t i = 1; i < names.size() && i < 3; ++i) listed += ", " + names[i];
  if (names.size() > 3) {
    listed +=
        " " + say("problem.unit_has_staff_more", {{"count", std::to_string(names.size() - 3)}});
  }
  throw unprocessable(
      "unit_has_staff",
      say("problem.unit_has_staff",
          {{"unit", after.name}, {"count", std::to_string(names.size())}, {"names", listed}}));
}

void check_staff_unit(const Catalogue& c, const StaffMember& member) {
  const Unit* u = c.unit(member.unit_id);
  if (!u)
    throw unprocessable("unknown_unit", say("problem.unknown_unit", {{"id", member.unit_id}}));
  if (u->active) return;
  const StaffMember* before = c.staff_member(member.id);
  if (before && before->unit_id == member.unit_id) return;
  throw unprocessable("unit_inactive", say("problem.unit_inactive_join", {{"unit", u->name}}));
}

StaffMember parse_staff(const json& j) {
  StaffMember s;
  s.id = catalogue_id_field(j, "id");
  s.name = http::required_string(j, "name", 200);
  s.position = http::optional_string(j, "position", "", 200);
  s.unit_id = catalogue_id_field(j, "unit_id");
  s.role = http::optional_string(j, "role", "staff", 20);
  auto role = parse_role(s.role);
  if (!role || *role == Role::Service) {
    throw bad_request("invalid_role", say("problem.bad_role"));
  }
  s.gender = http::optional_string(j, "gender", "", 10);
  if (s.gender != "" && s.gender != "male" && s.gender != "female") {
    throw bad_request("invalid_gender", say("problem.bad_gender"));
  }
  s.birth_date = http::optional_string(j, "birth_date", "", 10);
  if (!s.birth_date.empty() && !parse_iso_date(s.birth_date)) {
    throw bad_request("invalid_birth_date", say("problem.bad_birth_date"));
  }
  s.qualifications = text::one_line(http::optional_string(j, "qualifications", "", 300));
  s.zalo_user_id = http::optional_string(j, "zalo_user_id", "", 64);
  s.on_hold = bool_field(j, "on_hold", false);
  s.hold_reason = http::optional_string(j, "hold_reason", "", 500);
  if (s.on_hold && s.hold_reason.empty()) {
    throw bad_request("missing_hold_reason", say("problem.missing_hold_reason"));
  }
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
  p.year = int_field(j, "year", 0, kFirstYear, kLastYear);
  if (p.year == 0) throw bad_request("missing_field", say("problem.missing_year"));
  p.phase = int_field(j, "phase", p.year <= 2027 ? 1 : 2, 1, 2);
  p.label = http::required_string(j, "label", 200);
  return p;
}

AwardForm parse_award_form(const json& j) {
  AwardForm a;
  a.code = catalogue_id_field(j, "code");
  a.label = http::required_string(j, "label", 200);
  a.level = http::optional_string(j, "level", "school", 40);
  a.authority = text::one_line(http::optional_string(j, "authority", "", 200));
  a.dossier_copies = int_field(j, "dossier_copies", 1, 1, 10);
  a.secret_ballot = bool_field(j, "secret_ballot", false);
  auto q = j.find("quotas");
  if (q != j.end() && !q->is_null()) {
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

}  // namespace thidua::nominations
