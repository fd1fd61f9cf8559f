#pragma once
// The catalogue is data, not code (domain.md): units, staff, periods and award forms with
// their quotas. The school edits config/catalogue.json before the first start and the
// admin API after it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/roles.hpp"

namespace thidua::nominations {

enum class SubjectKind { Individual, Collective };  // cá nhân, tập thể
enum class PeriodKind { Annual, Interim, Final };   // hằng năm, sơ kết, tổng kết

std::string_view subject_kind_name(SubjectKind kind);
std::string subject_kind_label(SubjectKind kind);  // "cá nhân", "tập thể": in running text
std::optional<SubjectKind> parse_subject_kind(std::string_view name);
std::string_view period_kind_name(PeriodKind kind);
std::optional<PeriodKind> parse_period_kind(std::string_view name);

struct Unit {
  std::string id;
  std::string name;
  std::string kind;  // school, subject_group, office
  // A unit the school no longer has (issue 14) is deactivated, never deleted: old nominations,
  // documents and reports still name it, but it is offered nowhere, cannot be proposed and
  // owes no report. Absent in stored JSON = true, so data from before the flag keeps working.
  bool active = true;
};

struct StaffMember {
  std::string id;
  std::string name;
  std::string position;  // chức vụ: giáo viên, tổ trưởng, nhân viên văn thư…
  std::string unit_id;
  std::string role = "staff";  // admin, council, leader, staff
  // male, female or "" (not recorded): colleagues say "thầy", "cô" or "thầy cô" (issue 13).
  std::string gender;
  // For the báo cáo thành tích (issue 11): ISO date or ""; degrees and training, one line.
  std::string birth_date;
  std::string qualifications;
  std::string zalo_user_id;
  // Under discipline, inspection or complaint: cannot be proposed until resolved.
  bool on_hold = false;
  std::string hold_reason;
};

struct Period {
  std::string id;  // 2026, so-ket-2027, tong-ket-2030
  PeriodKind kind = PeriodKind::Annual;
  int year = 0;
  int phase = 1;
  std::string label;
};

// A cap on places: nullopt = not set yet (submissions refused until an admin sets it),
// -1 = no limit, n >= 0 = at most n.
using Quota = std::optional<int>;
inline constexpr int kUnlimited = -1;

struct AwardForm {
  std::string code;
  std::string label;
  std::string level;  // ministry, province, commune, school, state
  // Who grants it, as the tờ trình addresses them ("Kính gửi: Chủ tịch UBND xã Vĩnh Phong");
  // "" until the board writes it (a tờ trình is then refused, naming the form).
  std::string authority;
  int dossier_copies = 1;
  bool secret_ballot = false;
  std::map<PeriodKind, std::map<SubjectKind, Quota>> quotas;
  Quota quota(PeriodKind period, SubjectKind subject) const;
};

struct Catalogue {
  std::vector<Unit> units;
  std::vector<StaffMember> staff;
  std::vector<Period> periods;
  std::vector<AwardForm> award_forms;

  const Unit* unit(const std::string& id) const;
  const StaffMember* staff_member(const std::string& id) const;
  const Period* period(const std::string& id) const;
  const AwardForm* award(const std::string& code) const;
};

// Whether `after` may replace the unit of the same id (PUT /catalogue/units/{id}), throwing
// ApiError 422 with a Vietnamese detail if not: the school as a whole (kind school) stays
// active; a unit is deactivated only when no staff member is left in it (a person's unit
// decides who may propose them and whose report they belong to).
void check_unit_change(const Catalogue& c, const Unit& after);
// Whether `member` may be stored with its unit: the unit exists (422 unknown_unit) and, when
// the person joins it (new, or moved from another unit), is active (422 unit_inactive).
// Someone already in a unit may be edited after it was deactivated.
void check_staff_unit(const Catalogue& c, const StaffMember& member);

// The rules an entry keeps however it arrives (admin API, seed file); each throws ApiError 400
// with a Vietnamese detail. The wire's checks (types, lengths, ids) are api/catalogue_codec's.
// A unit is the school as a whole, a subject group (tổ chuyên môn) or an office (văn phòng):
// 400 invalid_unit_kind.
void check_unit(const Unit& u);
// A person holds a role of people (never the service's: 400 invalid_role); gender is male,
// female or "" (invalid_gender); a birth date is an ISO date or "" (invalid_birth_date); a
// hold names its reason (missing_hold_reason).
void check_staff(const StaffMember& s);
// How much of a colleague's record a caller reads (GET /catalogue, GET /catalogue/staff/{id}).
// Birth date, qualifications, Zalo id and a hold's reason are personal data (Nghị định
// 13/2023/NĐ-CP): the board, the services and the person themself read the Whole record; the
// leader of the member's unit also whether they are on hold (UnitLeader: the create form greys
// them out); everyone else a Colleague's name, position, unit, role and gender.
enum class StaffView { Colleague, UnitLeader, Whole };
// `viewer_id` is the caller's staff id; `viewer` their record (nullptr when they have none).
StaffView staff_view(Role viewer_role, const std::string& viewer_id, const StaffMember* viewer,
                     const StaffMember& member);
// The phase (giai đoạn) of the movement a year falls in when a period does not say: 1 up to
// 2027, 2 after (the plan's two phases).
int phase_of_year(int year);
// How many copies of a dossier an award form may ask for, and the largest quota a form may
// set (kUnlimited aside).
inline constexpr int kMaxDossierCopies = 10;
inline constexpr int kMaxQuota = 1000;

}  // namespace thidua::nominations
