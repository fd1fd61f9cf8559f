#pragma once
// Registration of targets (đăng ký thi đua, issue 14): at the start of each school year every
// unit (tập thể) and every person (cá nhân) writes down the titles they aim for ("Lao động
// tiên tiến", "Tập thể lao động tiên tiến"…) and their targets per content area II.1–II.6 of
// the plan ("12 bài giảng điện tử"); the unit leader confirms their members' registrations;
// the board sees who has not registered. At year end the council reads a nomination against
// its subject's registration of the nomination's year.
//
// `year` is the year of the annual period the registration aims at (period "2026" = the
// commendation of 2026), within the movement 2025–2030.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roles.hpp"
#include "nominations/domain/catalogue.hpp"

namespace thidua::nominations {

// draft: being written, not yet handed in (counts as not registered); submitted: handed in,
// waiting for the leader; confirmed: the leader (or the board) agreed.
enum class RegistrationStatus { Draft, Submitted, Confirmed };

struct RegistrationTarget {
  std::string content_area;  // II.1 … II.6
  std::string text;          // "12 bài giảng điện tử", at most kMaxTargetText characters
};

struct Registration {
  int year = 0;
  SubjectKind subject_kind = SubjectKind::Individual;
  std::string subject_id;    // staff id (individual) or unit id (collective)
  std::string subject_name;  // from the catalogue when written
  std::string unit_id;       // the subject's unit: the person's unit, or the unit itself
  std::string unit_name;
  std::vector<std::string> titles;          // 1 to kMaxTitles short texts
  std::vector<RegistrationTarget> targets;  // 0 to kMaxTargets
  RegistrationStatus status = RegistrationStatus::Draft;
  std::string confirmed_by;  // staff id (or "bootstrap-admin"); "" unless confirmed
  std::string confirmed_at;  // ISO instant
  std::string updated_by;
  std::string updated_at;
};

inline constexpr std::size_t kMaxTitles = 5;
inline constexpr std::size_t kMaxTitleChars = 120;  // UTF-8 code points
inline constexpr std::size_t kMaxTargets = 12;
inline constexpr std::size_t kMaxTargetChars = 300;

// The titles people usually register (Luật Thi đua, khen thưởng 2022, art. 24–28): offered
// as choices on the dashboard; free text is accepted as well.
const std::vector<std::string>& common_titles(SubjectKind kind);

std::string_view registration_status_name(RegistrationStatus s);  // draft, submitted, confirmed
std::string registration_status_label(RegistrationStatus s);      // "Nháp", "Đã gửi"…
// Whether the board, not a unit leader, confirms `r` (may_confirm_registration: never one's
// own): a unit's own registration, and a leader's or a board member's own (`subject_role`,
// from the catalogue; "" when not known).
bool board_confirms(const Registration& r, const std::string& subject_role);
// The status as the person waiting reads it: a submitted registration waits for "tổ trưởng"
// or, when board_confirms, for "Ban giám hiệu".
std::string registration_status_label(const Registration& r, const std::string& subject_role);
std::optional<RegistrationStatus> parse_registration_status(std::string_view name);

// Who is acting: their role and, for a person of the catalogue, their staff id and unit
// ("" for the bootstrap admin, who has no staff record).
struct RegistrationActor {
  Role role = Role::Staff;
  std::string staff_id;
  std::string unit_id;
};

// Who may write the registration of a subject whose unit is `subject_unit`: everyone their own
// (individual, subject_id = their staff id); a leader also their unit's collective one and
// their members'; the board anyone's.
bool may_write_registration(const RegistrationActor& who, SubjectKind kind,
                            const std::string& subject_id, const std::string& subject_unit);
// Who may confirm: the leader of the subject's unit, or the board; never one's own (a
// person's own registration, or the collective one of one's own unit).
bool may_confirm_registration(const RegistrationActor& who, const Registration& r);
// Who sees every registration and the list of who has not registered: the board, the council,
// and the reports service (which reminds who has not registered, issue 14).
bool sees_all_registrations(Role role);

// Checks what a person wrote against the catalogue and fills the subject's and unit's names.
// Throws ApiError 422 with a Vietnamese detail: a year outside the movement, an unknown
// subject (unknown_subject), a unit no longer active or a person of one
// (registration_not_expected), no title or too many, a blank or too long title, too many
// targets, a target of an unknown content area, blank or too long.
void check_registration(Registration& r, const Catalogue& c);

// The status after an edit: a confirmed registration that is edited goes back to the leader
// (submitted); a submitted one stays submitted; a draft becomes submitted when `submit`.
RegistrationStatus status_after_edit(const std::optional<Registration>& before, bool submit);

// Throws ApiError 409 (registration_not_submitted) when `r` is a draft: a leader confirms
// what was handed in. Confirming a confirmed one changes nothing (not an error).
void check_confirmable(const Registration& r);

// Who is expected to register and has not (no registration of `year`, or only a draft):
// active units, and the staff of active units, in catalogue order.
struct NotRegistered {
  std::vector<const StaffMember*> staff;
  std::vector<const Unit*> units;
};
NotRegistered who_has_not_registered(const Catalogue& c,
                                     const std::vector<Registration>& registrations, int year);

}  // namespace thidua::nominations
