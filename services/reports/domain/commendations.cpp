#include "reports/domain/commendations.hpp"

#include <algorithm>

namespace thidua::reports {

std::vector<HonourLine> honours_of_report_year(const std::vector<HonourLine>& all, int year) {
  // ISO dates compare as text.
  const std::string from = std::to_string(year - 1) + "-11-01";
  const std::string to = std::to_string(year) + "-10-31";
  std::vector<HonourLine> out;
  for (const auto& h : all) {
    if (h.decision_date >= from && h.decision_date <= to) out.push_back(h);
  }
  std::stable_sort(out.begin(), out.end(), [](const HonourLine& a, const HonourLine& b) {
    return a.decision_date < b.decision_date;
  });
  return out;
}

std::vector<AwardCount> award_counts(const std::vector<HonourLine>& honours) {
  std::vector<AwardCount> out;
  for (const auto& h : honours) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&h](const AwardCount& c) { return c.award == h.award; });
    if (it == out.end()) it = out.insert(out.end(), AwardCount{h.award, 0, 0});
    ++(h.collective ? it->collectives : it->individuals);
  }
  return out;
}

std::string count_text(const AwardCount& c) {
  std::string people = c.individuals ? std::to_string(c.individuals) + " cá nhân" : "";
  std::string units = c.collectives ? std::to_string(c.collectives) + " tập thể" : "";
  if (!people.empty() && !units.empty()) return people + " và " + units;
  return people.empty() ? units : people;
}

}  // namespace thidua::reports
