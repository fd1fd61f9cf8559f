#pragma once
// What the nominations service tells the other services, as app/ builds it from typed data:
// one entry of the events stream (proto/events/nominations-event.schema.json). Its JSON is
// store/event_codec's alone, written in the same Lua step as the change it reports.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "nominations/domain/outcome.hpp"
#include "nominations/domain/record.hpp"

namespace thidua::nominations {

// A workflow transition: from which status to which, the note given (the reason of reject
// and not_award; "" when none) and, for nomination.awarded, the decision that gave the award.
struct EventTransition {
  Status from = Status::Draft;
  Status to = Status::Draft;
  std::string note;
  std::optional<Decision> decision;
};

// nomination.*: the nomination after the change, carried in its summary form; a transition
// also says what moved it (nomination.created and nomination.updated do not).
struct NominationChange {
  NominationRecord nomination;
  std::optional<EventTransition> transition;
};

// round.closing: the round with the labels a message needs, so that the notifications service
// asks nobody, and the days from the day it was written to the round's last day.
struct ClosingRound {
  struct Award {
    std::string code;
    std::string label;
  };
  std::string id;
  std::string name;
  std::string period;
  std::string period_label;
  std::string opens;   // ISO date
  std::string closes;  // ISO date, the last day
  std::vector<Award> awards;
  int days_left = 0;
};

struct NominationEvent {
  std::string event_id;     // random, the consumers' idempotency key
  std::string type;         // nomination.created, nomination.<status>, round.closing
  std::string occurred_at;  // ISO instant
  std::string school;
  std::string actor;  // the token's subject; "system" for round.closing
  std::variant<NominationChange, ClosingRound> body;
};

}  // namespace thidua::nominations
