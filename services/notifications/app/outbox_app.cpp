#include "notifications/app/outbox_app.hpp"

#include "core/errors.hpp"
#include "core/log.hpp"
#include "notifications/domain/event_messages.hpp"
#include "notifications/domain/messages.hpp"
#include "notifications/domain/replies.hpp"

namespace thidua::notifications {

OutboxApp::OutboxApp(OutboxStore& store, PreferencesStore& preferences, StaffDirectory& staff,
                     const Settings& settings, const Clock& clock)
    : store_(store), preferences_(preferences), staff_(staff), settings_(settings), clock_(clock) {}

Task<std::string> OutboxApp::chat_of_staff(const std::string& staff_id) {
  auto found = co_await staff_.by_staff_id(staff_id);
  if (!found.reachable) {
    throw ApiError(503, "nominations_unavailable", say("problem.staff_lookup_down"));
  }
  if (!found.colleague) {
    throw unprocessable("unknown_staff", say("problem.unknown_staff", {{"id", staff_id}}));
  }
  if (found.colleague->zalo_user_id.empty()) {
    throw unprocessable("staff_not_linked", say("problem.staff_not_linked", {{"id", staff_id}}));
  }
  co_return found.colleague->zalo_user_id;
}

Task<Submitted> OutboxApp::submit(NewMessage message, std::string idempotency_key,
                                  const EnqueueGuard* guard) {
  Submitted out;
  // A repeated request answers from the first one without asking anyone again.
  if (!idempotency_key.empty() && co_await store_.seen_key(idempotency_key)) {
    std::string no_chat;
    std::optional<Instant> no_hold;
    out.queued = co_await store_.enqueue(message, no_chat, idempotency_key, no_hold, guard);
    co_return out;
  }
  // A time to send is checked now, not when a repeated request replays the first answer.
  if (message.send_at) check_send_at(*message.send_at, clock_.now());
  bool reminder_to_person =
      message.category == Category::Reminder && message.target.kind == Target::Kind::Staff;
  bool off = false;  // asked only when it matters; no co_await inside && (GCC 12)
  if (reminder_to_person) off = co_await preferences_.reminders_off(message.target.id);
  if (withheld_for_reminders_off(message, off)) {
    // Nothing stored under the key: should the person turn reminders on again, a retry of
    // the same request is a first request, and goes.
    log::info("message_withheld",
              {{"target", message.target.describe()}, {"reason", "reminders_off"}});
    out.not_sent = "reminders_off";
    co_return out;
  }
  std::string chat;
  switch (message.target.kind) {
    case Target::Kind::Group:
      chat = settings_.group_id;
      break;
    case Target::Kind::Staff:
      chat = co_await chat_of_staff(message.target.id);
      break;
    case Target::Kind::Chat:
      chat = message.target.id;
      break;
  }
  // Quiet hours are for now; a scheduled message meets them when it is released.
  std::optional<Instant> due;
  if (!message.urgent && !message.send_at) due = settings_.quiet.held_until(clock_.now());
  out.queued = co_await store_.enqueue(message, chat, idempotency_key, due, guard);
  co_return out;
}

Task<bool> OutboxApp::address_subject(NominationEvent& event) {
  if (!event.nomination) co_return true;
  NominationSummary& n = *event.nomination;
  if (n.subject_kind != "individual" || n.subject_id.empty()) co_return true;
  const std::string id = n.subject_id;  // named: the GCC 12 caveat on co_await
  auto found = co_await staff_.by_staff_id(id);
  if (found.colleague) address_nominee(n, *found.colleague);
  co_return found.reachable;
}

Task<void> OutboxApp::announce_event(const NominationEvent& given) {
  NominationEvent event = given;
  co_await address_subject(event);
  auto text = message_for_event(event, "");  // the footer is added at delivery
  if (!text) co_return;
  const std::string& event_id = event.event_id;  // as sent: without one, no key
  NewMessage m;
  m.text = *text;
  m.source = "event";
  std::string key = event_id.empty() ? std::string() : "event:" + event_id;  // named: GCC 12
  auto r = co_await submit(std::move(m), key);
  log::info("event_queued",
            {{"event_id", event_id}, {"id", r.queued.id}, {"duplicate", r.queued.duplicate}});
}

Task<EnqueueResult> OutboxApp::announce(std::string text, std::string idempotency_key,
                                        const EnqueueGuard& guard) {
  NewMessage m;
  m.text = std::move(text);
  m.source = "digest";
  auto r = co_await submit(std::move(m), std::move(idempotency_key), &guard);
  co_return r.queued;
}

Task<void> OutboxApp::tell_concerned(const NominationEvent& given) {
  if (!personal_message_for_event(given, "")) co_return;
  const std::string& event_id = given.event_id;
  auto all = co_await staff_.everyone();
  // Throwing retries the event later: the staff list is needed to know who to tell.
  if (!all.reachable) throw std::runtime_error("staff list unavailable");
  // The nominee is on the list just read: named from it, not asked about again.
  NominationEvent event = given;
  if (event.nomination) {
    for (const auto& c : all.staff) address_nominee(*event.nomination, c);
  }
  for (const auto& staff_id : personal_recipients(event, all.staff)) {
    auto person = std::find_if(all.staff.begin(), all.staff.end(),
                               [&staff_id](const Colleague& c) { return c.id == staff_id; });
    if (person == all.staff.end() || person->zalo_user_id.empty()) {
      continue;  // not linked: the dashboard shows it to them
    }
    NewMessage m;
    m.target.kind = Target::Kind::Chat;
    m.target.id = person->zalo_user_id;
    m.text = personal_message_for_event(event, you(*person)).value_or("");
    m.source = "event";
    std::string key = "event:" + event_id + ":" + staff_id;  // named: GCC 12
    co_await submit(std::move(m), key);
  }
  log::info("event_told_privately", {{"event_id", event_id}});
}

Task<bool> OutboxApp::replied(const std::string& update_key) {
  co_return co_await store_.seen_key("reply:" + update_key);
}

Task<void> OutboxApp::reply(const std::string& chat_id, const std::string& update_key,
                            const std::string& text) {
  NewMessage m;
  m.target.kind = Target::Kind::Chat;
  m.target.id = chat_id;
  m.text = text;
  m.urgent = true;  // someone asked and waits: quiet hours do not apply
  m.source = "reply";
  co_await submit(std::move(m), "reply:" + update_key);
}

}  // namespace thidua::notifications
