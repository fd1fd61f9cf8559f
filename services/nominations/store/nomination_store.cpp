#include "nominations/store/nomination_store.hpp"

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"

namespace thidua::nominations {
namespace {
// KEYS: record, events. ARGV: record JSON, event type, event JSON, stream max length.
// The record and its event are written together or not at all.
const RedisScript kCreate(R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('EXISTS nomination id already used')
end
redis.call('SET', KEYS[1], ARGV[1])
return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*', 'type', ARGV[2], 'event', ARGV[3])
)lua");

constexpr long long kEventsMaxLength = 100000;
}  // namespace

NominationStore::NominationStore(RedisPool& redis, Keyspace keys)
    : redis_(redis), keys_(std::move(keys)) {}

Task<Nomination> NominationStore::create(NewNomination data, std::string actor) {
  auto& redis = redis_.local();
  // A number lost to a failed create is only a gap in the sequence.
  auto seq = co_await redis.call("INCR", keys_("seq"));
  Nomination n;
  n.id = std::to_string(seq.number());
  n.data = std::move(data);
  n.created_by = std::move(actor);
  n.created_at = iso_instant(std::chrono::system_clock::now());
  nlohmann::json record = to_json(n);
  nlohmann::json event = {{"event_id", crypto::random_hex(16)},
                          {"type", "nomination.created"},
                          {"occurred_at", n.created_at},
                          {"school", keys_.school()},
                          {"nomination_id", n.id},
                          {"actor", n.created_by},
                          {"nomination", record}};
  std::vector<std::string> keys{keys_("nomination:" + n.id), events_stream(keys_)};
  std::vector<std::string> args{record.dump(), "nomination.created", event.dump(),
                                std::to_string(kEventsMaxLength)};
  co_await redis.eval(kCreate, std::move(keys), std::move(args));
  co_return n;
}

Task<std::optional<std::string>> NominationStore::get_json(const std::string& id) const {
  auto reply = co_await redis_.local().call("GET", keys_("nomination:" + id));
  if (reply.is_nil()) co_return std::nullopt;
  co_return reply.str;
}

}  // namespace thidua::nominations
