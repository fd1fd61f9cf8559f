#pragma once
// The catalogue in Redis: one hash per kind (units, staff, periods, award forms), an entry
// per id, so an admin's edit of one entry is one atomic HSET.
#include <string>

#include "core/keyspace.hpp"
#include "nominations/domain/catalogue.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::nominations {

class CatalogueStore {
 public:
  CatalogueStore(RedisPool& redis, Keyspace keys);
  // Loads `seed` into an empty store once; never overwrites later edits. True if loaded.
  Task<bool> seed_once(const Catalogue& seed);
  Task<Catalogue> load() const;
  Task<void> put(const Unit& u);
  Task<void> put(const StaffMember& s);
  Task<void> put(const Period& p);
  Task<void> put(const AwardForm& a);
  Task<bool> remove_staff(const std::string& id);

  // One-time codes that link a Zalo user id to a staff record (/lienket <code>).
  Task<void> save_link_code(const std::string& code, const std::string& staff_id, int ttl_seconds);
  // Consumes the code (single use) and links; returns the staff id, or "" if the code is unknown
  // or expired.
  Task<std::string> redeem_link_code(const std::string& code, const std::string& zalo_user_id);
  // The staff id linked to a Zalo user, or "".
  Task<std::string> staff_for_zalo(const std::string& zalo_user_id) const;

 private:
  RedisPool& redis_;
  Keyspace keys_;
};

}  // namespace thidua::nominations
