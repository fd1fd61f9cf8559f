// What NominationsApp writes besides the record: the event each change publishes (its JSON is
// store/event_codec's) and the history entry it appends.
#include "core/crypto.hpp"
#include "nominations/app/nominations_app.hpp"

namespace thidua::nominations {

NominationEvent NominationsApp::event(const std::string& type, const NominationRecord& r,
                                      const Principal& who,
                                      std::optional<EventTransition> transition) const {
  NominationEvent e;
  e.event_id = crypto::random_hex(16);
  e.type = type;
  e.occurred_at = iso_instant(clock_.now());
  e.school = school_;
  e.actor = who.subject;
  NominationChange change;
  change.nomination = r;
  change.transition = std::move(transition);
  e.body = std::move(change);
  return e;
}

HistoryEntry NominationsApp::history_entry(const Principal& who, std::string_view action,
                                           std::optional<Status> from, Status to,
                                           const std::string& note) const {
  HistoryEntry e;
  e.at = iso_instant(clock_.now());
  e.by = who.subject;
  e.by_name = who.name;
  e.action = std::string(action);
  e.from = from;
  e.to = to;
  e.note = note;
  return e;
}

}  // namespace thidua::nominations
