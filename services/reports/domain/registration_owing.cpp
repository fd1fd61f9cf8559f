#include "reports/domain/registration_owing.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace thidua::reports {

int registration_year(LocalDate due) {
  return due.year;
}

bool counts_as_registered(const RegistrationRecord& r) {
  return r.status == "submitted" || r.status == "confirmed";
}

std::vector<UnitRegistrations> registrations_by_unit(
    const std::vector<UnitInfo>& units, const std::vector<StaffInfo>& staff,
    const std::vector<RegistrationRecord>& registrations) {
  // (collective, subject id) → its status, for the registrations that count.
  std::map<std::pair<bool, std::string>, std::string> counted;
  for (const auto& r : registrations) {
    if (counts_as_registered(r)) counted[{r.collective, r.subject_id}] = r.status;
  }
  std::vector<UnitRegistrations> out;
  for (const auto& u : units) {
    if (!u.active) continue;
    UnitRegistrations state;
    state.unit = u;
    auto own = counted.find({true, u.id});
    state.unit_registered = own != counted.end();
    state.unit_awaiting = state.unit_registered && own->second == "submitted";
    for (const auto& person : staff) {
      if (person.unit_id != u.id) continue;
      ++state.members;
      auto theirs = counted.find({false, person.id});
      if (theirs == counted.end()) {
        state.unregistered.push_back(person);
      } else if (theirs->second == "submitted") {
        state.awaiting.push_back(person.id);
      }
    }
    out.push_back(std::move(state));
  }
  return out;
}

std::vector<UnitRegistrations> still_owing(const std::vector<UnitRegistrations>& all) {
  std::vector<UnitRegistrations> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [](const UnitRegistrations& u) { return !u.done(); });
  return out;
}

int awaiting_confirmation_by(const UnitRegistrations& u, const std::string& leader_id) {
  return static_cast<int>(
      std::count_if(u.awaiting.begin(), u.awaiting.end(),
                    [&leader_id](const std::string& id) { return id != leader_id; }));
}

}  // namespace thidua::reports
