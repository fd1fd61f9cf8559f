#pragma once
// A nominations event as notifications reads it from nominations' events stream
// (proto/events/nominations-event.schema.json), typed once where it comes in (api/event_codec)
// and kept by the digest in its own form (store/digest_event_codec). Only what the messages,
// the recipients and the digest use; a field the event lacks, or sends with another type,
// is empty, as the lenient readers of core/json_read give it.
#include <optional>
#include <string>
#include <vector>

namespace thidua::notifications {

// The nomination after the change, in the summary form the event carries.
struct NominationSummary {
  std::string id;
  std::string period;        // the period's id: "2026", "so-ket-2027", "tong-ket-2030"
  std::string period_label;  // "Năm 2026"; an older event has none
  std::string award;         // the award form's code, e.g. gk_xa
  std::string award_label;   // its name; the code when the event names none
  std::string subject_kind;  // individual or collective
  std::string subject_id;    // a staff id for an individual
  // As the event gives it; "thầy Nguyễn Văn An" once address_nominee has read the record.
  std::string subject_name;
  std::string unit_id;
  std::string unit_name;
  std::string status;
  std::string status_label;
};

// nomination.awarded: the decision that gave the award, as sent (date: YYYY-MM-DD).
struct AwardDecision {
  std::string number;
  std::string date;
};

// round.closing (issue 14): the round whose last days are near.
struct ClosingRound {
  std::string id;
  std::string name;
  std::string period;
  std::string period_label;
  std::string opens;                      // YYYY-MM-DD
  std::string closes;                     // YYYY-MM-DD, the last day
  std::vector<std::string> award_labels;  // one per award form the round lists, as sent
};

struct NominationEvent {
  std::string event_id;  // as sent: empty when the event has none (the schema requires it)
  // For an event without event_id: "sha-" and a digest of its content, so that the same
  // event delivered twice is still taken in once. Empty otherwise.
  std::string content_id;
  std::string type;         // nomination.submitted, …, round.closing
  std::string occurred_at;  // an ISO instant in UTC, e.g. 2026-03-02T08:15:00Z
  std::string actor;
  std::optional<NominationSummary> nomination;  // set when the event carries one
  std::string from;                             // transitions: the status before and after
  std::string to;
  std::string note;  // a transition's note: a rejection's reason, for the people concerned
  AwardDecision decision;
  ClosingRound round;
  std::optional<int> days_left;  // round.closing: days to the round's last day

  // The id an event is taken in once by: event_id, or content_id for an event without one.
  const std::string& once_id() const { return event_id.empty() ? content_id : event_id; }
};

}  // namespace thidua::notifications
