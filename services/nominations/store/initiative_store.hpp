#pragma once
// The register of initiatives in Redis: a hash of entries by id and a sequence for new ids.
// The only code that knows these keys and how an entry is stored.
#include <optional>
#include <string>
#include <vector>

#include "core/keyspace.hpp"
#include "nominations/domain/initiative.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::nominations {

class InitiativeStore {
 public:
  InitiativeStore(RedisPool& redis, Keyspace keys);

  Task<std::string> next_id();
  Task<void> put(const Initiative& entry);
  Task<std::optional<Initiative>> get(const std::string& id) const;
  // Every entry, by id (a school records tens a year).
  Task<std::vector<Initiative>> all() const;
  // false when there was no such entry.
  Task<bool> remove(const std::string& id);

 private:
  RedisPool& redis_;
  Keyspace keys_;
};

}  // namespace thidua::nominations
