#include "notifications/store/update_store.hpp"

namespace thidua::notifications {
namespace {
// KEYS: seen, stream. ARGV: has_key, ttl s, maxlen, update. 1 stored, 0 seen before.
const RedisScript kPushUpdate(R"lua(
if ARGV[1] == '1' and not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then return 0 end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'update', ARGV[4])
return 1
)lua");

constexpr int kUpdateSeenSeconds = 7 * 24 * 3600;
constexpr long long kMaxUpdates = 100000;
}  // namespace

UpdateStore::UpdateStore(RedisPool& redis, const Keyspace& keys)
    : redis_(redis),
      keys_(keys),
      queue_(
          QueueKeys{keys("updates"), "commands", keys("updates-retry"), keys("updates-dead"), ""},
          kMaxUpdates) {}

Task<bool> UpdateStore::push(const std::string& raw_json, const std::string& key) {
  std::vector<std::string> keys{keys_("update-seen:" + (key.empty() ? "-" : key)),
                                queue_.keys().stream};
  std::vector<std::string> args{key.empty() ? "0" : "1", std::to_string(kUpdateSeenSeconds),
                                std::to_string(kMaxUpdates), raw_json};
  auto r = co_await redis_.local().eval(kPushUpdate, std::move(keys), std::move(args));
  co_return r.number() == 1;
}

}  // namespace thidua::notifications
