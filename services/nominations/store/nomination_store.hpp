#pragma once
// Nominations in Redis. The only code that knows this service's keys.
#include <optional>
#include <string>

#include "core/keyspace.hpp"
#include "nominations/domain/nomination.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::nominations {

class NominationStore {
 public:
  NominationStore(RedisPool& redis, Keyspace keys);
  // Stores the nomination and appends its "nomination.created" event in one atomic step.
  Task<Nomination> create(NewNomination data, std::string actor);
  // The stored JSON document, or nullopt.
  Task<std::optional<std::string>> get_json(const std::string& id) const;
  // The stream other services read nominations events from (a contract: proto/events/).
  static std::string events_stream(const Keyspace& keys) { return keys("events"); }

 private:
  RedisPool& redis_;
  Keyspace keys_;
};

}  // namespace thidua::nominations
