#pragma once
// The year's commendation results as the yearly report prints them (issue 11: "the
// commendation results taken from the honours — forms, counts, names, decision numbers";
// issue 14: the initiatives the register recognised, which the yearly report draws on).
// Read from the nominations service when the report is issued (app/ports.hpp).
#include <string>
#include <vector>

namespace thidua::reports {

struct HonourLine {
  std::string award;  // "Giấy khen của Chủ tịch UBND xã"
  std::string name;   // the person or the unit
  std::string unit;   // a person's unit; "" for a unit
  bool collective = false;
  std::string decision_number;  // "245/QĐ-UBND"
  std::string decision_date;    // YYYY-MM-DD
};

struct InitiativeLine {
  std::string title;
  std::string authors;   // "Lê Thị Lan, Trần Văn Toàn"
  std::string level;     // "Cấp cơ sở"
  std::string decision;  // "Số 15/QĐ-THCSVP1 ngày 20/05/2026"; "" when none recorded
};

struct Commendations {
  std::vector<HonourLine> honours;
  std::vector<InitiativeLine> initiatives;
};

// The honours a yearly report of `year` gives: those whose decision is dated from 1 November
// of the year before through 31 October of `year`. The report is due by 30 October and the
// school's rounds run 1 November – 31 December (config/rounds.json), so a round's decisions
// come after its year's report and are reported the next year; none is reported twice or
// never. In decision-date order.
std::vector<HonourLine> honours_of_report_year(const std::vector<HonourLine>& all, int year);

// How many of each award form, people and units apart, in the order the forms first appear.
struct AwardCount {
  std::string award;
  int individuals = 0;
  int collectives = 0;
};
std::vector<AwardCount> award_counts(const std::vector<HonourLine>& honours);

// "2 cá nhân và 1 tập thể", "1 tập thể": what the report says of a form's count.
std::string count_text(const AwardCount& c);

}  // namespace thidua::reports
