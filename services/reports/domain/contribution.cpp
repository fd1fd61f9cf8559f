#include "reports/domain/contribution.hpp"

namespace thidua::reports {

Contribution empty_contribution(const std::string& unit_id, int year,
                                const std::vector<Indicator>& indicators) {
  Contribution c;
  c.unit_id = unit_id;
  c.year = year;
  c.figures = zero_figures(indicators);
  return c;
}

bool figure_allowed(long long n) {
  return n >= 0 && n <= kFigureMax;
}

}  // namespace thidua::reports
