#pragma once
// How the reports store writes its records into Redis values, and reads them back: its own
// format, not the API's (issue 10: a change to the wire must not break what is stored, nor
// the reverse). Today's texts are the JSON the store has always written, so data written
// before reads the same. Readers are tolerant: a field missing or of another type reads as
// its default (records written by older versions lack fields added since).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "redis/redis_client.hpp"
#include "reports/domain/contribution.hpp"
#include "reports/domain/deadline.hpp"
#include "reports/domain/reminder_audience.hpp"

namespace thidua::reports {

// deadlines hash value: {id, name, recipient, rule, owed_by, document?, date (once) |
// month, day (yearly), first_year, last_year}.
std::string stored_deadline(const Deadline& d);
Deadline deadline_from_stored(const std::string& text);

// contrib:<year>:<unit> "doc": the content with the record as it was when written
// (unit_id, year, status, late, narratives, figures, difficulties, proposals, updated_*,
// submitted_*); the hash's own fields (status, late, …) override the record on reading.
std::string stored_contribution(const Contribution& c);
Contribution contribution_from_stored(const std::string& text);

// indicators:<year>: [{code, label, area, unit}, …]; nullopt when the text is not a list
// (then the plan's default list holds).
std::string stored_indicators(const std::vector<Indicator>& list);
std::optional<std::vector<Indicator>> indicators_from_stored(const std::string& text);

// contrib-history entries: {action, by, at, reason?}.
std::string stored_part_event(const PartEvent& e);
std::optional<PartEvent> part_event_from_stored(const std::string& text);

// contrib-log entries: {unit_id, by, at, late}.
std::string stored_submission(const std::string& unit, const std::string& by, const std::string& at,
                              bool late);

// reminder:<key> "deliveries": [{to, unit_id, outcome, notification_id}, …].
std::string stored_deliveries(const std::vector<Delivery>& list);
std::vector<Delivery> deliveries_from_stored(const std::string& text);

}  // namespace thidua::reports
