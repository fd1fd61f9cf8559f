#pragma once
// Deadlines are data: a name, a rule, who owes it and to whom it goes. The first is the
// yearly report to the commune, due on or before 30 October each year of the movement
// (2025–2030). Dates are calendar days in Asia/Ho_Chi_Minh; a report sent on the due date
// itself is on time.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/movement.hpp"

namespace thidua::reports {

enum class RuleKind {
  Yearly,    // every year from first_year to last_year on month/day
  Once,      // one date
  UnitsDue,  // yearly, on the school-internal due date for units (a setting, 20 October)
};

// Who owes a deadline: each unit its part of the report; the school itself; or every unit and
// every member of it their registration of targets (đăng ký thi đua, issue 14: done as
// domain/registration_owing.hpp says).
enum class Owner { Units, School, Registrations };

struct Deadline {
  std::string id;
  std::string name;
  std::string recipient;
  int month = 10;
  int day = 30;
  int first_year = kFirstYear;
  int last_year = kLastYear;
  RuleKind rule = RuleKind::Yearly;
  LocalDate once{};  // RuleKind::Once
  Owner owed_by = Owner::Units;
  // A deadline the school owes is done when the board marks that occurrence done; one with
  // document "yearly_report" also when that year's report is marked sent. "" for none.
  std::string document{};
};
// The stub's name; the same struct.
using YearlyDeadline = Deadline;

// The seed plan's deadline (section VI).
Deadline yearly_report_deadline();

struct Occurrence {
  LocalDate due;
  int days_left = 0;  // 0 on the day itself: a report sent that day is on time
};

// The school-internal day units owe their parts by (THIDUA_UNIT_DUE_DAY, "10-20").
struct UnitDueDay {
  int month = 10;
  int day = 20;
  // "MM-DD"; throws ConfigError naming `setting`.
  static UnitDueDay parse(const std::string& text, const std::string& setting);
};

// Every due date of `deadline` in [from, to], oldest first. `units_due` places the
// UnitsDue rule.
std::vector<LocalDate> occurrences_between(const Deadline& deadline, LocalDate from, LocalDate to,
                                           UnitDueDay units_due = {});
// The first occurrence due on or after `today`; nullopt once the deadline has no more.
std::optional<Occurrence> next_occurrence(const Deadline& deadline, LocalDate today,
                                          UnitDueDay units_due = {});
// The next `count` occurrences due on or after `today`.
std::vector<Occurrence> next_occurrences(const Deadline& deadline, LocalDate today, int count,
                                         UnitDueDay units_due = {});
// The units' own due date in the year of `due`: their part is late after it (and never
// later than the deadline itself).
LocalDate unit_due_date(LocalDate due, UnitDueDay units_due);

// The names a deadline's rule and owner go by ("yearly", "units", …), and back (nullopt for
// a name that is none of them).
std::string_view rule_name(RuleKind rule);
std::string_view owner_name(Owner owner);
std::optional<RuleKind> rule_named(std::string_view name);
std::optional<Owner> owner_named(std::string_view name);

// The rules between a deadline's fields, each field already checked alone (api/ or the
// store): a document only for one the school owes (422 document_needs_school); a once
// deadline needs its `date` (400 missing_field) and is in that date's year; otherwise the
// years in order (422 invalid_years) and a yearly day that exists (422 no_such_day).
Deadline checked_deadline(Deadline d, std::optional<LocalDate> date);

}  // namespace thidua::reports
