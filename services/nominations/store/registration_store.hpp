#pragma once
// Registrations of targets (domain/registration.hpp) in Redis: one hash per year,
// {school}:nominations:registrations:<year>, a field per subject "<kind>:<subject id>"
// (individual:gv-an, collective:to-toan-tin) holding that registration as JSON. A year is read
// whole (a school has tens of staff), one subject is written alone. The only code that knows
// these keys and how a registration is stored.
#include <optional>
#include <string>
#include <vector>

#include "core/keyspace.hpp"
#include "nominations/domain/registration.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::nominations {

class RegistrationStore {
 public:
  RegistrationStore(RedisPool& redis, Keyspace keys);

  Task<void> put(const Registration& r);
  Task<std::optional<Registration>> get(int year, SubjectKind kind,
                                        const std::string& subject_id) const;
  // Every registration of `year`, collective ones first, then by subject id.
  Task<std::vector<Registration>> year(int year) const;

 private:
  std::string key(int year) const;

  RedisPool& redis_;
  Keyspace keys_;
};

}  // namespace thidua::nominations
