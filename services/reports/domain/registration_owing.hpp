#pragma once
// Who still owes a registration of targets (đăng ký thi đua, issue 14), for a deadline owed
// by "registrations": at the start of the school year each unit and each person registers
// the titles and targets they aim for, and the unit leader confirms their members'.
//
// The rule: a unit is done when the unit itself (its collective registration) and every
// member of it (the staff whose unit it is) have a registration of the year that is
// submitted or confirmed. Submitted is enough: a registration handed to the leader counts as
// registered, as a school counts it; confirming is the leader's job, and the leader's private
// reminder says how many are waiting for them. A draft is not registered (nominations' own
// rule, who_has_not_registered, reads the same). Only active units are expected, as in
// nominations: a deactivated unit and its people are never reminded.
//
// The registrations read are nominations' GET /registrations/{year}; the year is
// registration_year() of the occurrence.
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "reports/domain/reminder_audience.hpp"
#include "reports/domain/school_report.hpp"

namespace thidua::reports {

// A registration as nominations lists it, as much as the rule needs.
struct RegistrationRecord {
  bool collective = false;  // the unit's own (tập thể); else a person's (cá nhân)
  std::string subject_id;   // unit id (collective) or staff id (individual)
  std::string status;       // draft, submitted, confirmed
};

// The year of the registrations an occurrence due `due` is about: the year it falls in.
// Nominations keys a registration by the year of the annual period it aims at (period "2027"
// = the commendation of 2027, its round opening 1/11/2027, its report due 30/10/2027); a
// registration deadline at the start of the school year (30/9/2027) is that year's.
int registration_year(LocalDate due);

// Submitted or confirmed; a draft, or anything else, is not.
bool counts_as_registered(const RegistrationRecord& r);

// One active unit's state.
struct UnitRegistrations {
  UnitInfo unit;
  bool unit_registered = false;         // its collective registration counts
  bool unit_awaiting = false;           // it is submitted, waiting for the board
  int members = 0;                      // the unit's staff
  std::vector<StaffInfo> unregistered;  // members without one, in catalogue order
  std::vector<std::string> awaiting;    // staff ids of members submitted, not yet confirmed

  bool done() const { return unit_registered && unregistered.empty(); }
};

// Every active unit, in catalogue order, with its members from `staff` (people of a unit
// the catalogue does not have are nobody's).
std::vector<UnitRegistrations> registrations_by_unit(
    const std::vector<UnitInfo>& units, const std::vector<StaffInfo>& staff,
    const std::vector<RegistrationRecord>& registrations);

// The units that still owe, in order.
std::vector<UnitRegistrations> still_owing(const std::vector<UnitRegistrations>& all);

// How many registrations of `u`'s members wait for `leader_id` to confirm: the submitted
// ones but the leader's own, which another confirms (nominations' may_confirm_registration).
int awaiting_confirmation_by(const UnitRegistrations& u, const std::string& leader_id);

}  // namespace thidua::reports
