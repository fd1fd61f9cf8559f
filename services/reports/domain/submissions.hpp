#pragma once
// When each unit handed in its part of a year's report (issue 12, "Thống kê"): the state of
// every unit the year lists, the day it submitted (in Asia/Ho_Chi_Minh) and whether that was
// after the units' own due date (THIDUA_UNIT_DUE_DAY, 20 October). Pure: the dashboard's
// chart of submissions over time, GET /contributions/{year} and its Excel export read it.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "docs/xlsx_book.hpp"
#include "reports/domain/contribution.hpp"
#include "reports/domain/school_report.hpp"

namespace thidua::reports {

struct UnitSubmission {
  std::string unit_id;
  std::string unit_name;
  std::string status;  // missing (nothing written), draft, submitted
  // As recorded when it was submitted: after the units' due date of the year.
  bool late = false;
  std::string submitted_at;               // UTC instant; "" unless submitted
  std::optional<LocalDate> submitted_on;  // its day in Vietnam
};

struct YearSubmissions {
  int year = 0;
  LocalDate unit_due;  // the units' due date that year (20/10)
  std::vector<UnitSubmission> units;
  long long submitted() const;
  long long late() const;
};

// Every unit units_of_year lists (those that owe, and a deactivated one that submitted), in
// catalogue order, with its part of `parts` (the year's).
YearSubmissions year_submissions(int year, LocalDate unit_due, const std::vector<UnitInfo>& units,
                                 const std::vector<Contribution>& parts);

// The Excel export: one sheet, a row per unit (the day submitted and the due date as dates)
// and the counts below; words from the message catalogue.
docs::XlsxBook submissions_book(const YearSubmissions& s);
// "Nộp báo cáo của các tổ năm 2026.xlsx"
std::string submissions_file_name(int year);

}  // namespace thidua::reports
