#include "notifications/store/update_store.hpp"

#include <nlohmann/json.hpp>

#include "notifications/bot/zalo_update.hpp"

namespace thidua::notifications {
namespace {
// KEYS: seen, stream. ARGV: has_key, ttl s, maxlen, update. 1 stored, 0 seen before.
const RedisScript kPushUpdate(R"lua(
if ARGV[1] == '1' and not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then return 0 end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'bot_update', ARGV[4])
return 1
)lua");

constexpr int kUpdateSeenSeconds = 7 * 24 * 3600;
constexpr long long kMaxUpdates = 100000;

// The stored form: the parsed update's fields, under names of our own.
std::string serialise(const BotUpdate& u) {
  nlohmann::json j = {{"event_name", u.event_name},
                      {"message_id", u.message_id},
                      {"date_ms", u.date_ms},
                      {"text", u.text},
                      {"from_id", u.from_id},
                      {"from_name", u.from_name},
                      {"from_bot", u.from_bot},
                      {"chat_id", u.chat_id},
                      {"group", u.group}};
  return j.dump();
}

std::optional<BotUpdate> deserialise(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  BotUpdate u;
  try {
    u.event_name = j.value("event_name", "");
    u.message_id = j.value("message_id", "");
    u.date_ms = j.value("date_ms", 0LL);
    u.text = j.value("text", "");
    u.from_id = j.value("from_id", "");
    u.from_name = j.value("from_name", "");
    u.from_bot = j.value("from_bot", false);
    u.chat_id = j.value("chat_id", "");
    u.group = j.value("group", false);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // a field of another type: not written by this store
  }
  return u;
}
}  // namespace

UpdateStore::UpdateStore(RedisPool& redis, const Keyspace& keys)
    : redis_(redis),
      keys_(keys),
      queue_(
          QueueKeys{keys("updates"), "commands", keys("updates-retry"), keys("updates-dead"), ""},
          kMaxUpdates) {}

Task<bool> UpdateStore::push(const BotUpdate& update) {
  const std::string key = update_key(update);
  std::vector<std::string> keys{keys_("update-seen:" + (key.empty() ? "-" : key)),
                                queue_.keys().stream};
  std::vector<std::string> args{key.empty() ? "0" : "1", std::to_string(kUpdateSeenSeconds),
                                std::to_string(kMaxUpdates), serialise(update)};
  auto r = co_await redis_.local().eval(kPushUpdate, std::move(keys), std::move(args));
  co_return r.number() == 1;
}

std::optional<BotUpdate> UpdateStore::read(const StreamEntry& entry) {
  auto stored = entry.field("bot_update");
  if (!stored.empty()) return deserialise(stored);
  // Stored before updates were parsed on arrival: the platform's JSON as it came.
  auto raw = nlohmann::json::parse(entry.field("update"), nullptr, false);
  return parse_update(raw);
}

}  // namespace thidua::notifications
