#pragma once
// The school's report for a year: the units' submitted parts added up per content area, the
// units still missing, what the board writes itself. The document is made of it by
// yearly_document.hpp (the DOCX, the PDF and the HTML preview are the same document).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "reports/domain/commendations.hpp"
#include "reports/domain/contribution.hpp"
#include "reports/domain/school_sections.hpp"

namespace thidua::reports {

struct UnitInfo {
  std::string id;
  std::string name;
  std::string kind;  // subject_group, office, school
  // false: the school no longer has the unit (deactivated in nominations' catalogue, issue 14).
  bool active = true;
};

// Units that write a part of the yearly report: subject groups and the office, not the school.
bool writes_yearly_part(const UnitInfo& unit);
// Units that owe their part: those that write one and are active. A deactivated unit owes
// nothing: it is never listed as missing and never reminded (issue 14).
bool owes_yearly_part(const UnitInfo& unit);
// The units a year's states and report list, in catalogue order: every unit that owes, and a
// deactivated one only when its part of that year was submitted (kept in history).
// `submitted`: ids of the units whose part of the year is submitted.
std::vector<UnitInfo> units_of_year(const std::vector<UnitInfo>& units,
                                    const std::set<std::string>& submitted);

// The ids of the units whose part in `parts` is submitted.
std::set<std::string> submitted_units(const std::vector<Contribution>& parts);

struct SentMark {
  LocalDate sent_on;
  std::string number;  // "25/BC-THCSVP1"
  std::string marked_by;
  std::string marked_at;
  std::string document_id;  // the issued version sent ("2026-bc-01"); "" when not issued here
};

struct SchoolInfo {
  std::string name;       // Trường THCS Vĩnh Phong 1
  std::string place;      // Vĩnh Phong
  std::string recipient;  // UBND xã (qua Phòng Văn hóa – Xã hội)
  std::string title;      // what the report is about
};

struct SchoolReport {
  int year = 0;
  SchoolInfo school;
  std::vector<UnitInfo> units;                    // the units that owe a part, in order
  std::map<std::string, Contribution> submitted;  // unit id → its submitted part
  SchoolSections sections;                        // what the board writes itself
  std::optional<SentMark> sent;
  std::vector<Indicator> indicators;  // the year's list, in the order the report prints them
  // Filled when the report is issued as a document (read from nominations); empty otherwise.
  Commendations commendations;
  std::vector<const UnitInfo*> missing() const;
  std::map<std::string, long long> totals() const;  // indicator → sum over submitted parts
};

}  // namespace thidua::reports
