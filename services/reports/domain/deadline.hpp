#pragma once
// Deadlines the school lives with; the first is the yearly report to the commune, due on
// or before 30 October each year of the movement (2025–2030), in Asia/Ho_Chi_Minh.
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace thidua::reports {

struct YearlyDeadline {
  std::string id;
  std::string name;
  std::string recipient;
  int month = 10;
  int day = 30;
  int first_year = 2025;
  int last_year = 2030;
};

// The seed plan's deadline (section VI).
YearlyDeadline yearly_report_deadline();

struct Occurrence {
  LocalDate due;
  int days_left = 0;  // 0 on the day itself: a report sent that day is on time
};

// The first occurrence due on or after `today`; nullopt once the movement has ended.
std::optional<Occurrence> next_occurrence(const YearlyDeadline& deadline, LocalDate today);

}  // namespace thidua::reports
