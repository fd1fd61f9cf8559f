#pragma once
// Digest batches and daily tallies in Redis, and the only code that knows their keys:
//   {school}:notifications:digest:{kind}        hash: the open batch of a kind (submitted,
//                                               council, awarded): id, opened_ms, count,
//                                               version ("<id>:<count>"), e:1 … e:<count>
//                                               (the events, in the order taken in, as
//                                               digest_event_codec writes them)
//   {school}:notifications:digest-seen:{event}  an event already taken in (8 days)
//   {school}:notifications:daily:{YYYY-MM-DD}   hash: the tally of day D's summary:
//                                               submitted, approved, rejected, awarded,
//                                               total (8 days)
// A batch or tally ends when its message is queued: OutboxStore::enqueue consumes the
// EnqueueGuard it carries, in the same script as the queueing (issue 13).
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/keyspace.hpp"
#include "notifications/domain/digest.hpp"
#include "notifications/store/outbox_store.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::notifications {

struct DigestBatch {
  DigestKind kind = DigestKind::Submitted;
  std::string id;  // random, from the batch's first event until its message is queued
  Instant opened{};
  std::vector<NominationEvent> events;  // in the order they were taken in
  EnqueueGuard guard;                   // holds while no event has joined since the read
};

struct DayTally {
  DayCounts counts;
  EnqueueGuard guard;  // holds while nothing has been counted since the read
};

// What an event brings: to the open batch of `batch` (when set), and one to `day_field` of
// day `day`'s tally (when set).
struct DigestIntake {
  std::string event_id;
  NominationEvent event;
  std::optional<DigestKind> batch;
  std::optional<LocalDate> day;
  std::string day_field;  // submitted, approved, rejected or awarded
};

class DigestStore {
 public:
  DigestStore(RedisPool& redis, const Keyspace& keys);

  // Takes the event in once per event_id, atomically: a redelivered or re-sent event changes
  // nothing. A batch that does not exist is opened at `now`. False when seen before.
  Task<bool> take(const DigestIntake& intake, Instant now);
  // The open batches, oldest first.
  Task<std::vector<DigestBatch>> open_batches();
  // Day `day`'s tally, or nullopt when nothing was counted (or it was sent).
  Task<std::optional<DayTally>> tally(LocalDate day);
  // Ends a batch or tally that makes no message, if nothing joined it since it was read.
  Task<bool> drop(const EnqueueGuard& guard);

 private:
  RedisPool& redis_;
  Keyspace keys_;
};

}  // namespace thidua::notifications
