#include "nominations/domain/registration.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
struct StatusName {
  RegistrationStatus status;
  std::string_view name;
  std::string_view label_key;
};
constexpr std::array<StatusName, 3> kStatuses{{
    {RegistrationStatus::Draft, "draft", "registration.status.draft"},
    {RegistrationStatus::Submitted, "submitted", "registration.status.submitted"},
    {RegistrationStatus::Confirmed, "confirmed", "registration.status.confirmed"},
}};

const StatusName& named(RegistrationStatus s) {
  for (const auto& n : kStatuses) {
    if (n.status == s) return n;
  }
  return kStatuses[0];
}

ApiError invalid(std::string_view key, text::Vars vars = {}) {
  return unprocessable("invalid_registration", say(key, vars));
}

bool own(const RegistrationActor& who, SubjectKind kind, const std::string& subject_id) {
  if (who.staff_id.empty()) return false;
  if (kind == SubjectKind::Individual) return subject_id == who.staff_id;
  return subject_id == who.unit_id;
}
}  // namespace

const std::vector<std::string>& common_titles(SubjectKind kind) {
  static const std::vector<std::string> individual = {"Lao động tiên tiến",
                                                      "Chiến sĩ thi đua cơ sở",
                                                      "Chiến sĩ thi đua cấp tỉnh",
                                                      "Giấy khen của Hiệu trưởng",
                                                      "Giấy khen của Chủ tịch UBND xã",
                                                      "Bằng khen của Chủ tịch UBND tỉnh"};
  static const std::vector<std::string> collective = {
      "Tập thể lao động tiên tiến", "Tập thể lao động xuất sắc", "Giấy khen của Chủ tịch UBND xã",
      "Bằng khen của Chủ tịch UBND tỉnh"};
  return kind == SubjectKind::Individual ? individual : collective;
}

std::string_view registration_status_name(RegistrationStatus s) {
  return named(s).name;
}

std::string registration_status_label(RegistrationStatus s) {
  return say(named(s).label_key);
}

bool board_confirms(const Registration& r, const std::string& subject_role) {
  return r.subject_kind == SubjectKind::Collective || subject_role == "leader" ||
         subject_role == "admin";
}

std::string registration_status_label(const Registration& r, const std::string& subject_role) {
  if (r.status == RegistrationStatus::Submitted && board_confirms(r, subject_role)) {
    return say("registration.status.submitted_to_board");
  }
  return registration_status_label(r.status);
}

std::optional<RegistrationStatus> parse_registration_status(std::string_view name) {
  for (const auto& n : kStatuses) {
    if (n.name == name) return n.status;
  }
  return std::nullopt;
}

bool may_write_registration(const RegistrationActor& who, SubjectKind kind,
                            const std::string& subject_id, const std::string& subject_unit) {
  if (who.role == Role::Admin) return true;
  if (kind == SubjectKind::Individual && !who.staff_id.empty() && subject_id == who.staff_id) {
    return true;
  }
  return who.role == Role::Leader && !who.unit_id.empty() && subject_unit == who.unit_id;
}

bool may_confirm_registration(const RegistrationActor& who, const Registration& r) {
  if (own(who, r.subject_kind, r.subject_id)) return false;
  if (who.role == Role::Admin) return true;
  return who.role == Role::Leader && !who.unit_id.empty() && r.unit_id == who.unit_id;
}

bool sees_all_registrations(Role role) {
  // Service: the reports service, which reminds who has not registered.
  return role == Role::Admin || role == Role::Council || role == Role::Service;
}

void check_registration(Registration& r, const Catalogue& c) {
  if (r.year < kFirstYear || r.year > kLastYear) {
    throw invalid("registration.year_outside_movement",
                  {{"first", std::to_string(kFirstYear)}, {"last", std::to_string(kLastYear)}});
  }
  const Unit* unit = nullptr;
  if (r.subject_kind == SubjectKind::Individual) {
    const StaffMember* m = c.staff_member(r.subject_id);
    if (!m) {
      throw unprocessable("unknown_subject",
                          say("registration.unknown_staff", {{"id", r.subject_id}}));
    }
    r.subject_name = m->name;
    unit = c.unit(m->unit_id);
    if (unit && !unit->active) {
      throw unprocessable(
          "registration_not_expected",
          say("registration.staff_unit_inactive", {{"name", m->name}, {"unit", unit->name}}));
    }
  } else {
    unit = c.unit(r.subject_id);
    if (!unit) {
      throw unprocessable("unknown_subject",
                          say("registration.unknown_unit", {{"id", r.subject_id}}));
    }
    r.subject_name = unit->name;
    if (!unit->active) {
      throw unprocessable("registration_not_expected",
                          say("registration.unit_inactive", {{"unit", unit->name}}));
    }
  }
  r.unit_id = unit ? unit->id : "";
  r.unit_name = unit ? unit->name : "";

  if (r.titles.empty() || r.titles.size() > kMaxTitles) {
    throw invalid("registration.titles_count", {{"max", std::to_string(kMaxTitles)}});
  }
  std::set<std::string> seen;
  for (const auto& t : r.titles) {
    if (text::blank(t) || text::length(t) > kMaxTitleChars) {
      throw invalid("registration.title_text", {{"max", std::to_string(kMaxTitleChars)}});
    }
    if (!seen.insert(t).second) throw invalid("registration.title_twice", {{"name", t}});
  }
  if (r.targets.size() > kMaxTargets) {
    throw invalid("registration.too_many_targets", {{"max", std::to_string(kMaxTargets)}});
  }
  for (const auto& t : r.targets) {
    if (!is_content_area(t.content_area)) {
      throw invalid("registration.unknown_area", {{"area", t.content_area}});
    }
    if (text::blank(t.text) || text::length(t.text) > kMaxTargetChars) {
      throw invalid("registration.target_text",
                    {{"area", t.content_area}, {"max", std::to_string(kMaxTargetChars)}});
    }
  }
}

RegistrationStatus status_after_edit(const std::optional<Registration>& before, bool submit) {
  if (submit) return RegistrationStatus::Submitted;
  if (before && before->status != RegistrationStatus::Draft) return RegistrationStatus::Submitted;
  return RegistrationStatus::Draft;
}

void check_confirmable(const Registration& r) {
  if (r.status == RegistrationStatus::Draft) {
    throw conflict("registration_not_submitted",
                   say("registration.not_submitted", {{"name", r.subject_name}}));
  }
}

NotRegistered who_has_not_registered(const Catalogue& c,
                                     const std::vector<Registration>& registrations, int year) {
  std::set<std::pair<SubjectKind, std::string>> done;
  for (const auto& r : registrations) {
    if (r.year == year && r.status != RegistrationStatus::Draft) {
      done.emplace(r.subject_kind, r.subject_id);
    }
  }
  NotRegistered out;
  for (const auto& u : c.units) {
    if (u.active && !done.count({SubjectKind::Collective, u.id})) out.units.push_back(&u);
  }
  for (const auto& m : c.staff) {
    const Unit* u = c.unit(m.unit_id);
    if (u && u->active && !done.count({SubjectKind::Individual, m.id})) out.staff.push_back(&m);
  }
  return out;
}

}  // namespace thidua::nominations
