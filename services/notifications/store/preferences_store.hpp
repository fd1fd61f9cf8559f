#pragma once
// What each person asked of the bot for themselves, and the only code that knows its key:
//   {school}:notifications:reminders-off   set of staff ids who turned private reminders off
//                                          (/tatnhac); /batnhac takes the id out again
// Kept by staff id, not Zalo id, so a person who links another Zalo account keeps it.
#include <string>

#include "core/keyspace.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::notifications {

class PreferencesStore {
 public:
  PreferencesStore(RedisPool& redis, const Keyspace& keys);
  // Turns the person's private reminders off (`off`) or on again. True when that changed
  // something, false when it was so already.
  Task<bool> set_reminders_off(const std::string& staff_id, bool off);
  Task<bool> reminders_off(const std::string& staff_id);

 private:
  RedisPool& redis_;
  std::string reminders_off_key_;
};

}  // namespace thidua::notifications
