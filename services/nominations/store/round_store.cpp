#include "nominations/store/round_store.hpp"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "nominations/store/event_codec.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

// KEYS: seeded marker, rounds hash. ARGV: id, json pairs. Loads nothing when the marker is
// there, so the seed never comes back over the board's edits.
const RedisScript kSeed(R"lua(
if redis.call('SET', KEYS[1], '1', 'NX') == false then return 0 end
for i = 1, #ARGV, 2 do
  redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1])
end
return 1
)lua");

// KEYS: the reminder's marker, the events stream. ARGV: event type, event, stream max length,
// the instant (the event's, kept in the marker). The marker and the event are one step: a reminder
// is written once, whichever replica or restart gets there first, and never marked without its
// event.
const RedisScript kRemindOnce(R"lua(
if redis.call('SET', KEYS[1], ARGV[4], 'NX') == false then return 0 end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'type', ARGV[1], 'event', ARGV[2])
return 1
)lua");
// The rounds this loop thread read last, by their stored text. A create and a submit read
// every round (HGETALL), and parsing them, eight in a school's year, was 15 % of the write
// path's CPU (bench/README.md, session 19). The text is the key, so a round edited since is
// parsed again and nothing read can be stale; each read keeps only the texts it saw.
thread_local std::unordered_map<std::string, Round> tl_parsed_rounds;
}  // namespace

std::string round_to_json(const Round& r) {
  return json{{"id", r.id},
              {"period", r.period_id},
              {"name", r.name},
              {"opens", iso_date(r.opens)},
              {"closes", iso_date(r.closes)},
              {"awards", r.award_codes},
              {"updated_by", r.updated_by},
              {"updated_at", r.updated_at}}
      .dump();
}

std::optional<Round> round_from_json(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  try {
    Round r;
    r.id = j.value("id", "");
    r.period_id = j.value("period", "");
    r.name = j.value("name", "");
    auto opens = parse_iso_date(j.value("opens", ""));
    auto closes = parse_iso_date(j.value("closes", ""));
    if (r.id.empty() || !opens || !closes) return std::nullopt;
    r.opens = *opens;
    r.closes = *closes;
    r.award_codes = j.value("awards", std::vector<std::string>{});
    r.updated_by = j.value("updated_by", "");
    r.updated_at = j.value("updated_at", "");
    return r;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

RoundStore::RoundStore(RedisPool& redis, Keyspace keys) : redis_(redis), keys_(std::move(keys)) {}

Task<bool> RoundStore::seed_once(const std::vector<Round>& seed) {
  std::vector<std::string> keys{keys_("rounds:seeded"), keys_("rounds")};
  std::vector<std::string> args;
  for (const auto& r : seed) args.push_back(r.id), args.push_back(round_to_json(r));
  auto reply = co_await redis_.local().eval(kSeed, std::move(keys), std::move(args));
  co_return reply.number() == 1;
}

Task<std::string> RoundStore::next_id() {
  auto seq = co_await redis_.local().call("INCR", keys_("rounds:seq"));
  co_return std::to_string(seq.number());
}

Task<void> RoundStore::put(const Round& round) {
  auto text = round_to_json(round);
  co_await redis_.local().call("HSET", keys_("rounds"), round.id, text);
}

Task<std::optional<Round>> RoundStore::get(const std::string& id) const {
  auto reply = co_await redis_.local().call("HGET", keys_("rounds"), id);
  if (reply.is_nil()) co_return std::nullopt;
  co_return round_from_json(reply.str);
}

Task<std::vector<Round>> RoundStore::all() const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("rounds"));
  // After the co_await: this is the thread the loop resumed on, whose memo is read here.
  auto& previous = tl_parsed_rounds;
  std::unordered_map<std::string, Round> seen;
  std::vector<Round> out;
  for (auto& [id, value] : reply.fields()) {
    if (auto it = previous.find(value); it != previous.end()) {
      out.push_back(it->second);
      seen.insert(previous.extract(it));
    } else if (auto r = round_from_json(value)) {
      out.push_back(*r);
      seen.emplace(std::move(value), std::move(*r));
    }
  }
  previous = std::move(seen);
  sort_rounds(out);
  co_return out;
}

Task<bool> RoundStore::remove(const std::string& id) {
  auto reply = co_await redis_.local().call("HDEL", keys_("rounds"), id);
  co_return reply.number() > 0;
}

Task<bool> RoundStore::remind_once(const std::string& reminder_key,
                                   const std::string& events_stream, const NominationEvent& event) {
  // Kept for good: a few rounds a year, and a marker that expired would remind again.
  std::vector<std::string> keys{keys_("rounds:reminded:" + reminder_key), events_stream};
  std::vector<std::string> args{event.type, stored::event_json(event), "100000", event.occurred_at};
  auto reply = co_await redis_.local().eval(kRemindOnce, std::move(keys), std::move(args));
  co_return reply.number() == 1;
}

}  // namespace thidua::nominations
