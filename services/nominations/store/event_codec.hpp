#pragma once
// The one JSON form of a NominationEvent (domain/event.hpp): the member "event" of an entry
// of the events stream, as proto/events/nominations-event.schema.json describes it. The
// stores write it in the Lua step of the change it reports (NominationStore, RoundStore).
#include <string>

#include "nominations/domain/event.hpp"

namespace thidua::nominations::stored {

// Members: event_id, type, occurred_at, school, actor; for a nomination.* event nomination_id
// and nomination (the summary, store/nomination_summary), and for a transition from, to, note
// (when not empty) and decision {number, date} (when set); for round.closing round {id, name,
// period, period_label, opens, closes, awards [{code, label}]} and days_left. Every object's
// members are sorted by name, as the stream has carried them since the first event.
std::string event_json(const NominationEvent& e);

}  // namespace thidua::nominations::stored
