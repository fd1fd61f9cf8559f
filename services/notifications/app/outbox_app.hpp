#pragma once
// Putting messages in the outbox: from the API (another service, an admin), from
// nominations events, and the bot's replies.
#include <string>

#include "notifications/app/settings.hpp"
#include "notifications/app/staff_directory.hpp"
#include "notifications/domain/nomination_event.hpp"
#include "notifications/store/outbox_store.hpp"
#include "notifications/store/preferences_store.hpp"

namespace thidua::notifications {

struct Submitted {
  EnqueueResult queued;  // meaningful only when `not_sent` is empty
  // Set when nothing was queued on purpose, with the reason: "reminders_off" (a reminder to
  // someone who turned private reminders off). Not an error: the sender did nothing wrong.
  std::string not_sent;
};

class OutboxApp {
 public:
  // `staff`: who a target staff member is (their Zalo id); `services`: the catalogue as a
  // whole, for an event's recipients.
  OutboxApp(OutboxStore& store, PreferencesStore& preferences, StaffDirectory& staff,
            const Settings& settings, const Clock& clock);
  // Resolves the target's chat, holds a non-urgent message in quiet hours, queues it (with
  // a `guard`, only while it holds: see EnqueueGuard); a reminder to someone who turned
  // private reminders off is withheld instead. A key seen before answers the first answer,
  // whatever changed since.
  // Throws ApiError: 422 unknown/unlinked staff, 503 when nominations cannot be asked.
  Task<Submitted> submit(NewMessage message, std::string idempotency_key,
                         const EnqueueGuard* guard = nullptr);
  // The group message for one nominations event, at once, queued once per event_id.
  Task<void> announce_event(const NominationEvent& event);
  // Names the event's individual nominee as colleagues say it ("thầy Nguyễn Văn An") from
  // their staff record (address_nominee). Unchanged when nominations cannot be asked: the
  // message then names them alone rather than wait; false then, so that a digest's other
  // events are not asked about one by one.
  Task<bool> address_subject(NominationEvent& event);
  // The personal message of an event that concerns only some people (a rejection, a "not
  // awarded") to each of them who has linked Zalo, once per event_id and person. Throws
  // when the catalogue cannot be read, so that the event is retried.
  Task<void> tell_concerned(const NominationEvent& event);
  // A group message made from stored state (a digest, a daily summary): queued once per
  // `idempotency_key`, and only while `guard` holds, which it consumes.
  Task<EnqueueResult> announce(std::string text, std::string idempotency_key,
                               const EnqueueGuard& guard);
  // A reply in the chat an update came from, once per (chat, message_id).
  Task<void> reply(const std::string& chat_id, const std::string& update_key,
                   const std::string& text);
  Task<bool> replied(const std::string& update_key);
  OutboxStore& store() { return store_; }

 private:
  Task<std::string> chat_of_staff(const std::string& staff_id);
  OutboxStore& store_;
  PreferencesStore& preferences_;
  StaffDirectory& staff_;
  const Settings& settings_;
  const Clock& clock_;
};

}  // namespace thidua::notifications
