#include "notifications/store/digest_store.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "notifications/store/digest_event_codec.hpp"

namespace thidua::notifications {
namespace {
// Long enough to outlast every redelivery of an event: the events consumer retries for at
// most THIDUA_RETRY_BUDGET_MS (7 days at most).
constexpr int kSeenSeconds = 8 * 24 * 3600;
// A tally nobody sent (the summary was turned off, or the service was down past the next
// day's summary) goes away by itself.
constexpr int kTallySeconds = 8 * 24 * 3600;

// KEYS: seen, batch, tally (seen again for a batch or tally not wanted).
// ARGV: seen ttl s, has_batch, new batch id, now_ms, event JSON, has_tally, tally field,
//       tally ttl s. Returns 1 when taken in, 0 for an event seen before.
const RedisScript kTake(R"lua(
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
if ARGV[2] == '1' then
  if redis.call('EXISTS', KEYS[2]) == 0 then
    redis.call('HSET', KEYS[2], 'id', ARGV[3], 'opened_ms', ARGV[4], 'count', 0)
  end
  local n = redis.call('HINCRBY', KEYS[2], 'count', 1)
  local id = redis.call('HGET', KEYS[2], 'id')
  redis.call('HSET', KEYS[2], 'e:' .. n, ARGV[5], 'version', id .. ':' .. n)
end
if ARGV[6] == '1' then
  redis.call('HINCRBY', KEYS[3], ARGV[7], 1)
  redis.call('HINCRBY', KEYS[3], 'total', 1)
  redis.call('EXPIRE', KEYS[3], ARGV[8])
end
return 1
)lua");

// KEYS: the guarded hash. ARGV: field, value. 1 when it held and the hash is gone.
const RedisScript kDrop(R"lua(
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
return 1
)lua");

const DigestKind kKinds[] = {DigestKind::Submitted, DigestKind::Council, DigestKind::Awarded};

long long number_or_zero(const std::string& s) {
  try {
    return s.empty() ? 0 : std::stoll(s);
  } catch (const std::exception&) {
    return 0;
  }
}
}  // namespace

DigestStore::DigestStore(RedisPool& redis, const Keyspace& keys) : redis_(redis), keys_(keys) {}

Task<bool> DigestStore::take(const DigestIntake& in, Instant now) {
  std::string seen = keys_("digest-seen:" + in.event_id);
  std::string batch = in.batch ? keys_("digest:" + std::string(digest_kind_name(*in.batch))) : seen;
  std::string tally = in.day ? keys_("daily:" + iso_date(*in.day)) : seen;
  std::vector<std::string> keys{seen, batch, tally};
  std::vector<std::string> args{std::to_string(kSeenSeconds),
                                in.batch ? "1" : "0",
                                crypto::random_hex(8),
                                std::to_string(unix_millis(now)),
                                encode_digest_event(in.event),
                                in.day ? "1" : "0",
                                in.day_field,
                                std::to_string(kTallySeconds)};
  auto r = co_await redis_.local().eval(kTake, std::move(keys), std::move(args));
  co_return r.number() == 1;
}

Task<std::vector<DigestBatch>> DigestStore::open_batches() {
  std::vector<std::vector<std::string>> cmds;
  for (auto kind : kKinds) {
    cmds.push_back({"HGETALL", keys_("digest:" + std::string(digest_kind_name(kind)))});
  }
  auto hashes = co_await redis_.local().batch(std::move(cmds));
  std::vector<DigestBatch> out;
  for (std::size_t i = 0; i < hashes.size(); ++i) {
    const auto& h = hashes[i];
    if (h.type != RedisReply::Type::Array || h.elements.empty()) continue;
    DigestBatch b;
    b.kind = kKinds[i];
    b.id = h.field("id");
    b.opened = Instant(std::chrono::milliseconds(number_or_zero(h.field("opened_ms"))));
    long long count = number_or_zero(h.field("count"));
    for (long long n = 1; n <= count; ++n) {
      auto event = decode_digest_event(h.field("e:" + std::to_string(n)));
      if (event) b.events.push_back(std::move(*event));
    }
    b.guard = EnqueueGuard{keys_("digest:" + std::string(digest_kind_name(b.kind))), "version",
                           h.field("version")};
    out.push_back(std::move(b));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DigestBatch& a, const DigestBatch& b) { return a.opened < b.opened; });
  co_return out;
}

Task<std::optional<DayTally>> DigestStore::tally(LocalDate day) {
  std::string key = keys_("daily:" + iso_date(day));
  auto h = co_await redis_.local().call("HGETALL", key);
  if (h.elements.empty()) co_return std::nullopt;
  DayTally t;
  t.counts.submitted = number_or_zero(h.field("submitted"));
  t.counts.approved = number_or_zero(h.field("approved"));
  t.counts.rejected = number_or_zero(h.field("rejected"));
  t.counts.awarded = number_or_zero(h.field("awarded"));
  t.guard = EnqueueGuard{key, "total", h.field("total")};
  co_return t;
}

Task<bool> DigestStore::drop(const EnqueueGuard& guard) {
  std::vector<std::string> keys{guard.key};
  std::vector<std::string> args{guard.field, guard.value};
  auto r = co_await redis_.local().eval(kDrop, std::move(keys), std::move(args));
  co_return r.number() == 1;
}

}  // namespace thidua::notifications
