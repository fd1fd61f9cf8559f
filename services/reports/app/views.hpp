#pragma once
// What the reports use cases answer, as plain structs: api/ renders them (api/*_json.hpp),
// tests read them directly.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "reports/domain/completion.hpp"
#include "reports/domain/contribution.hpp"
#include "reports/domain/deadline.hpp"
#include "reports/domain/registration_owing.hpp"
#include "reports/domain/school_report.hpp"

namespace thidua::reports {

// Who has and who has not done their part of one occurrence: the year's parts for a
// deadline the units owe; for one the school owes, its own completion (domain/completion.hpp),
// with the school as the one "unit" that has or has not done it; for one owed by
// registrations, the units whose people have all registered and those that still owe
// (domain/registration_owing.hpp).
struct Owing {
  std::vector<UnitInfo> done;
  std::vector<UnitInfo> missing;
  std::optional<DoneMark> completed;             // the school's: how and when it was done
  std::vector<UnitRegistrations> registrations;  // owed by registrations: every active unit
};

// One occurrence of a deadline as GET /deadlines lists it.
struct OccurrenceState {
  Occurrence occurrence;
  // Who owes it; nullopt when it could not be read (the units, or the registrations: then
  // `unreadable` holds why).
  std::optional<Owing> owing;
  std::string unreadable;
  std::optional<LocalDate> unit_due;  // owed by units: their own due date
};

struct DeadlineOccurrences {
  Deadline deadline;
  std::vector<OccurrenceState> occurrences;
};

struct DeadlinesView {
  LocalDate today;
  // Why nominations' units cannot be read ("" when they can): the deadlines are served all
  // the same, a units' deadline without who owes it.
  std::string units_unavailable;
  std::vector<DeadlineOccurrences> deadlines;
};

// The public next deadline: the first occurrence due today or later, over all deadlines.
struct NextDeadline {
  Deadline deadline;
  Occurrence occurrence;
  LocalDate today;
};

// A unit's part as its readers see it: with its unit's name, and its history when read.
struct UnitPart {
  Contribution part;
  std::string unit_name;
  std::optional<std::vector<PartEvent>> history;
};

// The board marks the year's report sent: when, and which number or issued version.
struct SentRequest {
  LocalDate sent_on;
  std::string number;       // "" when not given
  std::string document_id;  // "" when not given
};

// The website's figures: per year, the totals of the submitted parts per indicator.
struct YearFigures {
  int year = 0;
  int units_reported = 0;
  std::vector<std::pair<Indicator, long long>> figures;  // the year's list, in its order
};

}  // namespace thidua::reports
