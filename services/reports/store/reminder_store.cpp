// The reminders' records, their claims and the planner's lease (ReportsStore,
// reports_store.hpp).
#include "reports/store/reports_store.hpp"
#include "reports/store/stored_forms.hpp"

namespace thidua::reports {
namespace {
// KEYS: reminder hash. ARGV: owner, claim ttl ms.
const RedisScript kClaim(R"lua(
local st = redis.call('HGET', KEYS[1], 'status')
if st == 'sent' or st == 'skipped' or st == 'missed' then return 'done' end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if st == 'claimed' then
  local at = tonumber(redis.call('HGET', KEYS[1], 'claimed_at') or '0')
  if at + tonumber(ARGV[2]) > now then return 'busy' end
end
redis.call('HSET', KEYS[1], 'status', 'claimed', 'claimed_by', ARGV[1], 'claimed_at', now)
return 'ok'
)lua");

// KEYS: reminder hash. ARGV: reason, at, status (skipped | missed).
const RedisScript kSkip(R"lua(
if redis.call('HGET', KEYS[1], 'status') == 'sent' then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[3], 'reason', ARGV[1], 'recorded_at', ARGV[2])
return 1
)lua");

// KEYS: reminder hash. ARGV: error.
const RedisScript kFailed(R"lua(
if redis.call('HGET', KEYS[1], 'status') ~= 'claimed' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'failed', 'error', ARGV[1])
return 1
)lua");

// KEYS: lease. ARGV: owner, ttl ms.
const RedisScript kLease(R"lua(
local cur = redis.call('GET', KEYS[1])
if not cur then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if cur == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
)lua");
}  // namespace

Task<std::map<std::string, ReminderState>> ReportsStore::reminder_states(
    const std::vector<std::string>& keys) const {
  std::map<std::string, ReminderState> out;
  if (keys.empty()) co_return out;
  std::vector<std::vector<std::string>> cmds;
  for (const auto& k : keys) cmds.push_back({"HGETALL", keys_("reminder:" + k)});
  auto replies = co_await redis_.local().batch(std::move(cmds));
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto f = replies[i].fields();
    out[keys[i]] = ReminderState{f["status"],
                                 f["notification_id"],
                                 f["reason"],
                                 f["recorded_at"],
                                 f["error"],
                                 f["text"],
                                 deliveries_from_stored(f["deliveries"])};
  }
  co_return out;
}

Task<ClaimResult> ReportsStore::claim(const std::string& key, const std::string& owner,
                                      long long claim_ttl_ms) {
  std::vector<std::string> keys{keys_("reminder:" + key)};
  std::vector<std::string> args{owner, std::to_string(claim_ttl_ms)};
  auto reply = co_await redis_.local().eval(kClaim, std::move(keys), std::move(args));
  if (reply.str == "ok") co_return ClaimResult::Claimed;
  co_return reply.str == "done" ? ClaimResult::Done : ClaimResult::Busy;
}

Task<void> ReportsStore::record_sent(const std::string& key, const std::string& notification_id,
                                     const std::string& at, const std::string& text) {
  co_await redis_.local().call("HSET", keys_("reminder:" + key), "status", "sent",
                               "notification_id", notification_id, "recorded_at", at, "text", text);
}

Task<void> ReportsStore::record_skipped(const std::string& key, const std::string& reason,
                                        const std::string& at) {
  std::vector<std::string> keys{keys_("reminder:" + key)};
  std::vector<std::string> args{reason, at, "skipped"};
  co_await redis_.local().eval(kSkip, std::move(keys), std::move(args));
}

Task<void> ReportsStore::record_missed(const std::string& key, const std::string& reason,
                                       const std::string& at) {
  std::vector<std::string> keys{keys_("reminder:" + key)};
  std::vector<std::string> args{reason, at, "missed"};
  co_await redis_.local().eval(kSkip, std::move(keys), std::move(args));
}

Task<void> ReportsStore::record_failed(const std::string& key, const std::string& error) {
  std::vector<std::string> keys{keys_("reminder:" + key)};
  std::vector<std::string> args{error};
  co_await redis_.local().eval(kFailed, std::move(keys), std::move(args));
}

Task<void> ReportsStore::record_deliveries(const std::string& key,
                                           const std::vector<Delivery>& deliveries) {
  co_await redis_.local().call("HSET", keys_("reminder:" + key), "deliveries",
                               stored_deliveries(deliveries));
}

Task<bool> ReportsStore::hold_lease(const std::string& owner, long long ttl_ms) {
  std::vector<std::string> keys{keys_("planner:lease")};
  std::vector<std::string> args{owner, std::to_string(ttl_ms)};
  auto reply = co_await redis_.local().eval(kLease, std::move(keys), std::move(args));
  co_return reply.number() == 1;
}

}  // namespace thidua::reports
