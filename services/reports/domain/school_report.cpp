#include "reports/domain/school_report.hpp"

#include "core/movement.hpp"

namespace thidua::reports {

bool writes_yearly_part(const UnitInfo& unit) {
  return unit.kind == "subject_group" || unit.kind == "office";
}

bool owes_yearly_part(const UnitInfo& unit) {
  return writes_yearly_part(unit) && unit.active;
}

std::vector<UnitInfo> units_of_year(const std::vector<UnitInfo>& units,
                                    const std::set<std::string>& submitted) {
  std::vector<UnitInfo> out;
  for (const auto& u : units) {
    if (owes_yearly_part(u) || (writes_yearly_part(u) && submitted.count(u.id) > 0)) {
      out.push_back(u);
    }
  }
  return out;
}

std::set<std::string> submitted_units(const std::vector<Contribution>& parts) {
  std::set<std::string> out;
  for (const auto& c : parts) {
    if (c.submitted) out.insert(c.unit_id);
  }
  return out;
}

std::vector<const UnitInfo*> SchoolReport::missing() const {
  std::vector<const UnitInfo*> out;
  for (const auto& u : units) {
    if (!submitted.count(u.id)) out.push_back(&u);
  }
  return out;
}

std::map<std::string, long long> SchoolReport::totals() const {
  std::map<std::string, long long> sum;
  for (const auto& i : indicators) sum[i.code] = 0;
  for (const auto& [id, c] : submitted) {
    for (const auto& [code, n] : c.figures) sum[code] += n;
  }
  return sum;
}

}  // namespace thidua::reports
