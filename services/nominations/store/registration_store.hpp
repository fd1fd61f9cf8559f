#pragma once
// Registrations of targets (domain/registration.hpp) in Redis: one hash per year,
// {school}:nominations:registrations:<year>, a field per subject "<kind>:<subject id>"
// (individual:gv-an, collective:to-toan-tin) holding that registration as JSON. A year is read
// whole (a school has tens of staff), one subject is written alone. The only code that knows
// these keys and how a registration is stored. Every write also bumps
// {school}:nominations:registrations:version in the same step (a script), so that each event
// loop can keep the years it read until the version moves: a nomination's detail then reads
// its subject's registration without a round trip of its own (bench/README.md).
#include <array>
#include <map>
#include <memory>
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
  // The registrations' version: read it together with other reads (core/when_all), then
  // look subjects up at that version.
  Task<long long> version() const;
  // One subject's registration of `year`, as new as `version` or newer: from this loop's
  // copy of the year when it was read at `version`, else the year is read (one HGETALL) and
  // kept.
  Task<std::optional<Registration>> get(long long version, int year, SubjectKind kind,
                                        const std::string& subject_id) const;
  // The same, reading the version first (two round trips when the year is not kept).
  Task<std::optional<Registration>> get(int year, SubjectKind kind,
                                        const std::string& subject_id) const;
  // Every registration of `year`, collective ones first, then by subject id.
  Task<std::vector<Registration>> year(int year) const;

 private:
  std::string key(int year) const;

  // A year as read: subject field ("<kind>:<id>") → registration.
  using Year = std::map<std::string, Registration>;
  struct Cached {
    long long version = -1;
    std::map<int, std::shared_ptr<const Year>> years;
  };
  RedisPool& redis_;
  Keyspace keys_;
  // One slot per event loop (THIDUA_HTTP_THREADS is at most 64); each loop touches only its own.
  mutable std::array<Cached, 64> cache_;
};

}  // namespace thidua::nominations
