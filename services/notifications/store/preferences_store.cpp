#include "notifications/store/preferences_store.hpp"

namespace thidua::notifications {

PreferencesStore::PreferencesStore(RedisPool& redis, const Keyspace& keys)
    : redis_(redis), reminders_off_key_(keys("reminders-off")) {}

Task<bool> PreferencesStore::set_reminders_off(const std::string& staff_id, bool off) {
  // SADD and SREM answer how many members they added or removed: 1 is a change.
  const char* command = off ? "SADD" : "SREM";
  auto reply = co_await redis_.local().call(command, reminders_off_key_, staff_id);
  co_return reply.number() == 1;
}

Task<bool> PreferencesStore::reminders_off(const std::string& staff_id) {
  auto reply = co_await redis_.local().call("SISMEMBER", reminders_off_key_, staff_id);
  co_return reply.number() == 1;
}

}  // namespace thidua::notifications
