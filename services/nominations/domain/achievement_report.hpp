#pragma once
// The achievement report (Báo cáo thành tích; plan section V.3, Mẫu số 8 of Nghị định
// 152/2025/NĐ-CP as the plan names it; issue 11) of one nomination, individual or
// collective: I. profile (a person: name, gender, birth date, position, unit,
// qualifications; a unit: its kind, headcount and members), II. achievements (the
// nomination's reason and its achievements with their content areas), III. awards already
// received — every award its subject was given by a recorded decision here, filled in by
// itself when a nomination is awarded. Section II also sets the subject's registration of the
// year against what the nomination records, and lists the initiatives recognised that year
// from the register (issue 14). Signed by the reporter (right) and confirmed by the
// head of the school (left). The exact field list of Mẫu số 8 could not be checked: the
// wording is a template the school edits.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "docs/document.hpp"
#include "docs/template.hpp"
#include "nominations/domain/catalogue.hpp"
#include "nominations/domain/initiative.hpp"
#include "nominations/domain/record.hpp"
#include "nominations/domain/registration.hpp"

namespace thidua::nominations {

inline const std::string kAchievementKind = "bao-cao-thanh-tich";
inline const std::string kAchievementType = "BC";
inline const std::string kAchievementTypeName = "Báo cáo thành tích";
inline const std::string kIndividualReportTemplate = "bao-cao-thanh-tich-ca-nhan.txt";
inline const std::string kCollectiveReportTemplate = "bao-cao-thanh-tich-tap-the.txt";

struct PastAward {
  int year = 0;
  std::string award;            // the form's label
  std::string decision_number;  // "245/QĐ-UBND"
  std::string decision_date;    // "28/11/2026"
  std::string issuer;           // the form's authority
};

// The awards `subject` (kind and id) received by a recorded decision, other than nomination
// `except`, in the order of `all`.
std::vector<PastAward> past_awards(const std::vector<NominationRecord>& all,
                                   const Catalogue& catalogue, SubjectKind kind,
                                   const std::string& subject, const std::string& except);

// Registered against achieved (issue 14): one row per target of `reg`, with the
// nomination's achievements of the same content area ("; "-joined; "" when none).
struct RegisteredRow {
  std::string area;      // "II.3"
  std::string target;    // what was registered: "12 bài giảng điện tử"
  std::string achieved;  // the achievements of that area
};
std::vector<RegisteredRow> registered_against_achieved(const Registration& reg,
                                                       const NominationDraft& draft);

// The initiatives of the register recognised (any level) in `year` that belong to the
// subject: a person's as one of the authors; a unit's recorded for it; the school's, all of
// them. In the register's order.
std::vector<Initiative> recognised_initiatives(const std::vector<Initiative>& all,
                                               const Catalogue& c, SubjectKind kind,
                                               const std::string& subject, int year);

const docs::Schema& individual_report_schema();
const docs::Schema& collective_report_schema();

struct AchievementInput {
  NominationRecord nomination;
  std::vector<PastAward> awards;
  // The subject's registration of the period's year; a draft counts as none (not handed in).
  std::optional<Registration> registration;
  std::vector<Initiative> initiatives;  // recognised_initiatives of the period's year
};
// Throws std::logic_error when the nomination's subject, period or award is not in `c`
// (the app checks first).
docs::Values achievement_values(const AchievementInput& in, const Catalogue& c,
                                const docs::Issuer& issuer);
// `confirmer`: the head of the school who confirms (left); the reporter signs on the right:
// the person, or for a collective its leader.
docs::Document achievement_document(const AchievementInput& in, const Catalogue& c,
                                    const docs::Template& wording, const docs::Issuer& issuer,
                                    const docs::Signer& confirmer, const std::string& number_text,
                                    LocalDate date);

}  // namespace thidua::nominations
