#include "nominations/domain/catalogue.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/roles.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
template <class T>
const T* find_by(const std::vector<T>& items, const std::string& key, std::string T::*member) {
  for (const auto& item : items) {
    if (item.*member == key) return &item;
  }
  return nullptr;
}
}  // namespace

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

std::optional<PeriodKind> parse_period_kind(std::string_view s) {
  if (s == "annual") return PeriodKind::Annual;
  if (s == "interim") return PeriodKind::Interim;
  if (s == "final") return PeriodKind::Final;
  return std::nullopt;
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

void check_unit(const Unit& u) {
  if (u.kind != "school" && u.kind != "subject_group" && u.kind != "office") {
    throw bad_request("invalid_unit_kind", say("problem.bad_unit_kind"));
  }
}

void check_staff(const StaffMember& s) {
  auto role = parse_role(s.role);
  if (!role || *role == Role::Service) {
    throw bad_request("invalid_role", say("problem.bad_role"));
  }
  if (s.gender != "" && s.gender != "male" && s.gender != "female") {
    throw bad_request("invalid_gender", say("problem.bad_gender"));
  }
  if (!s.birth_date.empty() && !parse_iso_date(s.birth_date)) {
    throw bad_request("invalid_birth_date", say("problem.bad_birth_date"));
  }
  if (s.on_hold && s.hold_reason.empty()) {
    throw bad_request("missing_hold_reason", say("problem.missing_hold_reason"));
  }
}

StaffView staff_view(Role viewer_role, const std::string& viewer_id, const StaffMember* viewer,
                     const StaffMember& member) {
  if (viewer_role == Role::Admin || viewer_role == Role::Service) return StaffView::Whole;
  if (!viewer_id.empty() && viewer_id == member.id) return StaffView::Whole;
  if (viewer_role == Role::Leader && viewer && !viewer->unit_id.empty() &&
      viewer->unit_id == member.unit_id)
    return StaffView::UnitLeader;
  return StaffView::Colleague;
}

int phase_of_year(int year) {
  return year <= 2027 ? 1 : 2;
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

}  // namespace thidua::nominations
