#include "notifications/store/scheduled_store.hpp"

#include "notifications/domain/outbox.hpp"
#include "notifications/store/history_entry.hpp"

namespace thidua::notifications {
namespace {
// KEYS: scheduled, msg, history, lane, stream, retry.
// ARGV: id, queued entry, held entry, quiet due_ms ('0': none), maxlen.
// 1 when released; 0 when it was not waiting any more.
const RedisScript kRelease(StreamQueue::lane_push_lua() + R"lua(
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
local f = redis.call('HMGET', KEYS[2], 'lane_entry', 'urgent')
if not f[1] then return 0 end
local due, st, entry = '0', 'queued', ARGV[2]
if f[2] ~= '1' and ARGV[4] ~= '0' then due, st, entry = ARGV[4], 'held', ARGV[3] end
lane_push(KEYS[4], KEYS[5], KEYS[6], f[1], due, ARGV[5])
redis.call('HSET', KEYS[2], 'state', st)
redis.call('HDEL', KEYS[2], 'lane_entry')
redis.call('RPUSH', KEYS[3], entry)
return 1
)lua");

// KEYS: scheduled, msg, history. ARGV: id, history entry. 1 cancelled, 0 not waiting.
const RedisScript kCancel(R"lua(
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], 'state', 'discarded')
redis.call('HDEL', KEYS[2], 'lane_entry')
redis.call('RPUSH', KEYS[3], ARGV[2])
return 1
)lua");
}  // namespace

ScheduledStore::ScheduledStore(RedisPool& redis, const Keyspace& keys, const Clock& clock,
                               const StreamQueue& queue)
    : redis_(redis), keys_(keys), clock_(clock), queue_(queue) {}

Task<int> ScheduledStore::release_due(std::optional<Instant> quiet_until, int max) {
  Instant now = clock_.now();
  auto& redis = redis_.local();
  auto due =
      co_await redis.call("ZRANGEBYSCORE", keys_("scheduled"), "-inf",
                          std::to_string(unix_millis(now)), "LIMIT", "0", std::to_string(max));
  if (due.elements.empty()) co_return 0;
  std::vector<std::vector<std::string>> lookups;
  for (const auto& e : due.elements) lookups.push_back({"HGET", keys_("msg:" + e.str), "lane"});
  auto lanes = co_await redis.batch(std::move(lookups));
  std::string queued = history_entry(state::kQueued, now, {{"source", "scheduled"}}).dump();
  std::string held =
      quiet_until ? history_entry(state::kHeld, now,
                                  {{"until", iso_instant(*quiet_until)}, {"reason", "quiet_hours"}})
                        .dump()
                  : "";
  std::string quiet_ms = quiet_until ? std::to_string(unix_millis(*quiet_until)) : "0";
  int released = 0;
  for (std::size_t i = 0; i < due.elements.size(); ++i) {
    const std::string& id = due.elements[i].str;
    // A message stored before lanes were recorded cannot be placed; it stays for a cancel.
    if (i >= lanes.size() || lanes[i].str.empty()) continue;
    std::vector<std::string> keys{keys_("scheduled"),
                                  keys_("msg:" + id),
                                  keys_("msg:" + id + ":history"),
                                  queue_.lane_key(lanes[i].str),
                                  queue_.keys().stream,
                                  queue_.keys().retry};
    std::vector<std::string> args{id, queued, held, quiet_ms, std::to_string(queue_.max_length())};
    auto r = co_await redis.eval(kRelease, std::move(keys), std::move(args));
    if (r.number() == 1) ++released;
  }
  co_return released;
}

Task<bool> ScheduledStore::cancel(const std::string& id, const std::string& by) {
  std::vector<std::string> keys{keys_("scheduled"), keys_("msg:" + id),
                                keys_("msg:" + id + ":history")};
  std::vector<std::string> args{
      id,
      history_entry(state::kDiscarded, clock_.now(), {{"by", by}, {"reason", "cancelled"}}).dump()};
  auto r = co_await redis_.local().eval(kCancel, std::move(keys), std::move(args));
  co_return r.number() == 1;
}

}  // namespace thidua::notifications
