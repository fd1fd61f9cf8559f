#include "notifications/app/delivery.hpp"

#include "core/log.hpp"
#include "notifications/domain/split.hpp"

namespace thidua::notifications {

Delivery::Delivery(OutboxStore& store, BreakerStore& breaker, RateStore& rates,
                   Messenger& messenger, const Settings& settings, const Clock& clock)
    : store_(store),
      breaker_(breaker),
      rates_(rates),
      messenger_(messenger),
      settings_(settings),
      clock_(clock) {}

Task<std::optional<BreakerGate>> Delivery::admit(Instant& wait_until) {
  if (settings_.breaker.failures <= 0) co_return BreakerGate{};
  auto gate = co_await breaker_.gate(settings_.breaker.probe_ttl);
  if (gate.kind == BreakerGate::Kind::Wait) {
    wait_until = gate.until;
    co_return std::nullopt;
  }
  co_return gate;
}

Task<void> Delivery::tell_breaker(const BreakerGate& gate, const SendResult& r,
                                  Instant& wait_until) {
  if (settings_.breaker.failures <= 0) {
    wait_until = clock_.now() + r.retry_after;
    co_return;
  }
  if (r.kind == SendResult::Kind::Retryable) {
    auto open_until = co_await breaker_.failure(settings_.breaker, gate, r.retry_after);
    // The message itself waits at least as long as Zalo asked and the breaker is open.
    wait_until = std::max(clock_.now() + r.retry_after, open_until);
  } else if (gate.counting) {
    co_await breaker_.success();  // Zalo answered: it is up
  }
}

Task<std::chrono::milliseconds> Delivery::room_for(const std::string& chat_id) {
  return rates_.wait(chat_id, settings_.rate_per_minute, settings_.bot_rate_per_second);
}

Task<Disposition> Delivery::handle(const StreamEntry& entry) {
  std::string id = entry.field("msg_id");
  auto m = co_await store_.load(id);
  if (!m) {
    log::warn("outbox_unknown_message", {{"id", id}});
    co_return Disposition::done();
  }
  if (m->state == state::kSent || m->state == state::kDiscarded) co_return Disposition::done();
  if (!m->urgent) {
    if (auto until = settings_.quiet.held_until(clock_.now())) {
      HistoryNote held;
      held.until = *until;
      held.reason = "quiet_hours";
      co_await store_.record(id, state::kHeld, held);
      co_return Disposition::defer(*until);
    }
  }
  std::string text = m->text;
  if (!settings_.footer.empty()) text += "\n" + settings_.footer;
  auto parts = split_message(text);
  auto ids = m->message_ids;
  const auto first = static_cast<std::size_t>(m->parts_sent);
  for (std::size_t i = first; i < parts.size(); ++i) {
    auto wait = co_await room_for(m->chat_id);
    bool slept = false;
    if (wait.count() > 0 && wait <= std::chrono::milliseconds(1500)) {
      co_await sleep_for(wait);
      slept = true;
      wait = co_await room_for(m->chat_id);
    }
    if (wait.count() > 0) co_return Disposition::defer(clock_.now() + wait);
    std::optional<std::string> part;
    if (parts.size() > 1) part = std::to_string(i + 1) + "/" + std::to_string(parts.size());
    HistoryNote sending;
    sending.attempt = entry.attempt() + 1;
    sending.part = part;
    // A slow Zalo must not let the claim lapse between parts: renewed before each call (the
    // worker hands the message over with its claim fresh, so not before the first unless a
    // rate wait came between), and given up (never sent twice) if another worker has
    // already taken the message.
    if (i > first || slept) {
      bool held = co_await store_.keep_claim(entry);
      if (!held) co_return Disposition::abandon();
    }
    Instant wait_until{};
    auto gate = co_await admit(wait_until);
    if (!gate) {
      // Zalo is failing for everyone: wait for the breaker's probe, without using a try.
      if (m->state != state::kHeld) {
        HistoryNote why;
        why.until = wait_until;
        why.reason = "zalo_unavailable";
        co_await store_.record(id, state::kHeld, why);
      }
      co_return Disposition::defer(
          wait_until + std::chrono::milliseconds(static_cast<long long>(random_unit() * 250)));
    }
    co_await store_.record(id, state::kSending, sending);
    auto r = co_await messenger_.send(m->chat_id, parts[i]);
    co_await tell_breaker(*gate, r, wait_until);
    if (r.kind == SendResult::Kind::Retryable) co_return Disposition::retry(r.error, wait_until);
    if (r.kind == SendResult::Kind::Permanent) co_return Disposition::fail(r.error);
    ids.push_back(r.message_id);
    bool last = i + 1 == parts.size();
    HistoryNote sent;
    sent.message_id = r.message_id;
    sent.part = part;
    // A part of a longer message stays "sending" until the last one is out.
    std::string next = last ? state::kSent : state::kSending;  // named: GCC 12 and co_await
    co_await store_.record_part_sent(id, next, sent, static_cast<int>(i + 1), ids);
  }
  co_return Disposition::done();
}

Task<void> Delivery::on_retry(const StreamEntry& entry, int retry, Instant due,
                              const std::string& reason) {
  HistoryNote note;
  note.retry = retry;
  note.due = due;
  note.reason = reason;
  std::optional<std::string> last_error = reason;  // named beside co_await (GCC 12)
  co_await store_.record(entry.field("msg_id"), state::kRetry, note, std::move(last_error));
}

Task<void> Delivery::on_dead(const StreamEntry& entry, const std::string& reason) {
  HistoryNote note;
  note.reason = reason;
  note.attempts = entry.attempt() + 1;
  std::optional<std::string> last_error = reason;  // named beside co_await (GCC 12)
  co_await store_.record(entry.field("msg_id"), state::kDead, note, std::move(last_error));
  log::warn("message_dead", {{"id", entry.field("msg_id")}, {"reason", reason}});
}

WorkerOptions Delivery::options(const std::string& consumer) {
  WorkerOptions o;
  o.consumer = consumer;
  o.batch = 16;
  // Every message is in its chat's lane (OutboxStore::enqueue), so the batch's messages go
  // to different lanes and may be sent side by side without overtaking each other.
  o.concurrency = o.batch;
  o.block = std::chrono::milliseconds(250);  // due retries are promoted between reads
  o.visibility_timeout = settings_.visibility_timeout;
  o.backoff = settings_.backoff;
  o.on_retry = [this](const StreamEntry& e, int n, Instant due, const std::string& why) {
    return on_retry(e, n, due, why);
  };
  o.on_dead = [this](const StreamEntry& e, const std::string& why) { return on_dead(e, why); };
  return o;
}

}  // namespace thidua::notifications
