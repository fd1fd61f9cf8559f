#pragma once
// Nomination rounds in Redis: a hash of rounds by id, a sequence for new ids, and a marker
// that the seed was loaded. The only code that knows these keys and how a round is stored.
#include <optional>
#include <string>
#include <vector>

#include "core/keyspace.hpp"
#include "nominations/domain/event.hpp"
#include "nominations/domain/round.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::nominations {

class RoundStore {
 public:
  RoundStore(RedisPool& redis, Keyspace keys);

  // Loads `seed` once, in one step with its marker: a school whose rounds were never seeded
  // (a new one, or one from before rounds existed) gets them; later edits and removals are
  // never undone. True if loaded.
  Task<bool> seed_once(const std::vector<Round>& seed);
  Task<std::string> next_id();
  Task<void> put(const Round& round);
  Task<std::optional<Round>> get(const std::string& id) const;
  // Every round, sorted (sort_rounds): a school opens a few a year.
  Task<std::vector<Round>> all() const;
  Task<bool> remove(const std::string& id);  // false when there was no such round
  // Writes `event` (round.closing, as store/event_codec renders it) to `events_stream` unless
  // the reminder `reminder_key` (RoundReminder::key) was written before, in one step with its
  // marker. True if written.
  Task<bool> remind_once(const std::string& reminder_key, const std::string& events_stream,
                         const NominationEvent& event);

 private:
  RedisPool& redis_;
  Keyspace keys_;
};

// The stored form, also read from the seed file (config/rounds.json): {"id", "period",
// "name", "opens" and "closes" as ISO dates, "awards": [codes]}. nullopt when malformed.
std::optional<Round> round_from_json(const std::string& text);
std::string round_to_json(const Round& round);

}  // namespace thidua::nominations
