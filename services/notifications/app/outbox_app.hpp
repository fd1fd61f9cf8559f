#pragma once
// Putting messages in the outbox: from the API (another service, an admin), from
// nominations events, and the bot's replies.
#include <nlohmann/json.hpp>
#include <string>

#include "notifications/app/services_client.hpp"
#include "notifications/app/settings.hpp"
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
  OutboxApp(OutboxStore& store, PreferencesStore& preferences, ServicesClient& services,
            const Settings& settings, const Clock& clock);
  // Resolves the target's chat, holds a non-urgent message in quiet hours, queues it; a
  // reminder to someone who turned private reminders off is withheld instead. A key seen
  // before answers the first answer, whatever changed since.
  // Throws ApiError: 422 unknown/unlinked staff, 503 when nominations cannot be asked.
  Task<Submitted> submit(NewMessage message, std::string idempotency_key);
  // The group message for a nominations event, and the personal one to the people it
  // concerns (a rejection, a "not awarded"), each queued once per event_id (and person).
  Task<void> announce_event(const nlohmann::json& event);
  // A reply in the chat an update came from, once per (chat, message_id).
  Task<void> reply(const std::string& chat_id, const std::string& update_key,
                   const std::string& text);
  Task<bool> replied(const std::string& update_key);
  OutboxStore& store() { return store_; }

 private:
  Task<std::string> chat_of_staff(const std::string& staff_id);
  // The personal message of an event to each person concerned who has linked Zalo.
  Task<void> tell_privately(const nlohmann::json& event, const std::string& event_id);
  OutboxStore& store_;
  PreferencesStore& preferences_;
  ServicesClient& services_;
  const Settings& settings_;
  const Clock& clock_;
};

}  // namespace thidua::notifications
