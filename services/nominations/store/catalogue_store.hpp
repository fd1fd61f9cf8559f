#pragma once
// The catalogue in Redis: one hash per kind (units, staff, periods, award forms), an entry
// per id, so an admin's edit of one entry is one atomic HSET.
#include <array>
#include <chrono>
#include <memory>
#include <string>

#include "core/keyspace.hpp"
#include "nominations/domain/catalogue.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::nominations {

using CatalogueRef = std::shared_ptr<const Catalogue>;

class CatalogueStore {
 public:
  CatalogueStore(RedisPool& redis, Keyspace keys);
  // Loads `seed` into an empty store once; never overwrites later edits. True if loaded.
  Task<bool> seed_once(const Catalogue& seed);
  // The catalogue, parsed once per change: every write bumps a version, and each event loop
  // keeps the last parsed copy, so a request costs one GET instead of four HGETALLs and a
  // parse of every staff record.
  Task<CatalogueRef> load() const;
  Task<void> put(const Unit& u);
  Task<void> put(const StaffMember& s);
  Task<void> put(const Period& p);
  Task<void> put(const AwardForm& a);
  Task<bool> remove_staff(const std::string& id);

  // One-time codes that link a Zalo user id to a staff record (/lienket <code>).
  Task<void> save_link_code(const std::string& code, const std::string& staff_id, int ttl_seconds);
  // Consumes the code (single use) and links. A Zalo account that typed
  // kLinkFailuresPerAccount wrong codes is refused for kLinkFailureWindowSeconds from its first
  // wrong one, even a right code: 8 hex digits are guessable one chat message at a time, and
  // the edge's limit per address sees only Zalo's servers.
  struct Redeemed {
    enum class Outcome { Linked, WrongCode, TooManyWrong } outcome = Outcome::WrongCode;
    std::string staff_id;                // Linked
    std::chrono::seconds retry_after{};  // TooManyWrong: until the window ends
  };
  static constexpr int kLinkFailuresPerAccount = 5;
  static constexpr int kLinkFailureWindowSeconds = 60 * 60;
  Task<Redeemed> redeem_link_code(const std::string& code, const std::string& zalo_user_id);
  // The staff id linked to a Zalo user, or "".
  Task<std::string> staff_for_zalo(const std::string& zalo_user_id) const;

 private:
  // By value: a lazy coroutine must not hold references to its callers' temporaries.
  Task<void> put_entry(std::string kind, std::string id, std::string json);
  struct Cached {
    long long version = -1;
    CatalogueRef catalogue;
  };
  RedisPool& redis_;
  Keyspace keys_;
  // One slot per event loop (THIDUA_HTTP_THREADS is at most 64); each loop touches only its own.
  mutable std::array<Cached, 64> cache_;
};

}  // namespace thidua::nominations
