#pragma once
// The indicators a unit's part of the yearly report counts (plan section VI.2.3), per content
// area II.1–II.6, with the unit each is counted in. They are data, one list per year of the
// movement, that the board edits (issue 14): the plan's list is the default of a year nobody
// has edited, and it covers every content area (II.2 included).
#include <map>
#include <string>
#include <vector>

namespace thidua::reports {

struct Indicator {
  bool operator==(const Indicator&) const = default;
  std::string code;   // e_lessons: [a-z0-9_], 1–40 characters, unique in its year
  std::string label;  // Vietnamese, as the report prints it; 1–200 characters
  std::string area;   // the content area it is reported under (II.1 … II.6)
  std::string unit;  // what is counted, Vietnamese ("bài", "buổi", "người"); 1–40 characters
};

inline constexpr std::size_t kMaxIndicators = 60;

// The plan's list, used for a year whose list the board has not edited.
const std::vector<Indicator>& default_indicators();

// Checks a list the board wrote: 1–60 indicators, codes well formed and unique, a known
// content area, label and unit present and not too long. Throws ApiError 400 naming the
// first fault in Vietnamese.
void check_indicator_list(const std::vector<Indicator>& list);

// A figure for a code the year's list does not have: throws ApiError 400 (unknown_indicator).
void check_figures_known(const std::map<std::string, long long>& figures,
                         const std::vector<Indicator>& list);

// The codes a new list drops although a unit has already counted something for them that
// year (`counted`: code → total over the year's parts): the board may not drop those, or the
// figures would vanish from the report. In the order of the old list.
std::vector<std::string> dropped_with_figures(const std::vector<Indicator>& before,
                                              const std::vector<Indicator>& after,
                                              const std::map<std::string, long long>& counted);

// Every code of the list at 0, for a part that has counted nothing yet.
std::map<std::string, long long> zero_figures(const std::vector<Indicator>& list);

}  // namespace thidua::reports
