#include "redis/stream_queue.hpp"

#include <nlohmann/json.hpp>

#include "core/log.hpp"
#include "redis/stream_scripts.hpp"

namespace thidua {
namespace {
using redis_detail::kAddToLane;
using redis_detail::kDeadLetter;
using redis_detail::kFinish;
using redis_detail::kKeepClaim;
using redis_detail::kPromoteDue;
using redis_detail::kRetryLater;

StreamEntry parse_entry(const RedisReply& r) {
  StreamEntry e;
  if (!r.is_array() || r.elements.size() < 2) return e;
  e.id = r.elements[0].str;
  const auto& kv = r.elements[1].elements;
  for (std::size_t i = 0; i + 1 < kv.size(); i += 2)
    e.fields.emplace_back(kv[i].str, kv[i + 1].str);
  return e;
}

// GCC 12 miscompiles a braced list in the same full-expression as co_await ("array used as
// initializer"), so argument vectors are built here or in locals first.
std::vector<std::string> xreadgroup_args(const QueueKeys& keys, const std::string& consumer,
                                         int count, std::chrono::milliseconds block) {
  return {"XREADGROUP", "GROUP",
          keys.group,   consumer,
          "COUNT",      std::to_string(count),
          "BLOCK",      std::to_string(block.count()),
          "STREAMS",    keys.stream,
          ">"};
}

void append_dead_fields(std::vector<std::string>& args, const std::string& reason,
                        const std::string& origin_id) {
  std::vector<std::string> extra{"dead_reason", reason,
                                 "dead_at",     iso_instant(std::chrono::system_clock::now()),
                                 "origin_id",   origin_id};
  args.insert(args.end(), extra.begin(), extra.end());
}

std::vector<std::string> xadd_args(const std::string& stream, long long max_length,
                                   const Fields& fields) {
  std::vector<std::string> argv{"XADD", stream, "MAXLEN", "~", std::to_string(max_length), "*"};
  for (const auto& [k, v] : fields) argv.push_back(k), argv.push_back(v);
  return argv;
}

Fields without(const Fields& fields, std::initializer_list<std::string_view> names) {
  Fields out;
  for (const auto& f : fields) {
    bool drop = false;
    for (auto n : names) drop = drop || f.first == n;
    if (!drop) out.push_back(f);
  }
  return out;
}
}  // namespace

std::string StreamEntry::field(const std::string& name) const {
  for (const auto& [k, v] : fields) {
    if (k == name) return v;
  }
  return {};
}

long long StreamEntry::first_failed_ms() const {
  auto a = field("first_failed_ms");
  try {
    return a.empty() ? 0 : std::stoll(a);
  } catch (const std::exception&) {
    return 0;
  }
}

int StreamEntry::attempt() const {
  auto a = field("attempt");
  if (a.empty()) return 0;
  try {
    return std::stoi(a);
  } catch (const std::exception&) {
    return 0;
  }
}

StreamQueue::StreamQueue(QueueKeys keys, long long max_length)
    : keys_(std::move(keys)), max_length_(max_length) {}

Task<void> StreamQueue::ensure_group(RedisClient& redis) const {
  try {
    co_await redis.call("XGROUP", "CREATE", keys_.stream, keys_.group, "0", "MKSTREAM");
  } catch (const RedisError& e) {
    if (std::string_view(e.what()).rfind("BUSYGROUP", 0) != 0) throw;
  }
}

Task<std::string> StreamQueue::add(RedisClient& redis, const Fields& fields) const {
  auto reply = co_await redis.command(xadd_args(keys_.stream, max_length_, fields));
  co_return reply.text();
}

std::string StreamQueue::lane_push_lua() {
  return redis_detail::kLanePushLua;
}

Fields StreamQueue::lane_fields(Fields fields, const std::string& lane, const std::string& item) {
  fields = without(fields, {"lane", "lane_item"});
  fields.emplace_back("lane", lane);
  fields.emplace_back("lane_item", item);
  return fields;
}

Task<void> StreamQueue::add_to_lane(RedisClient& redis, const std::string& lane,
                                    const std::string& item, Fields fields) const {
  std::vector<std::string> keys{lane_key(lane), keys_.stream, keys_.retry};
  std::vector<std::string> args{payload(lane_fields(std::move(fields), lane, item)),
                                std::to_string(max_length_)};
  co_await redis.eval(kAddToLane, std::move(keys), std::move(args));
}

Task<std::vector<StreamEntry>> StreamQueue::read(RedisClient& blocking, const std::string& consumer,
                                                 int count, std::chrono::milliseconds block) const {
  auto reply = co_await blocking.command(xreadgroup_args(keys_, consumer, count, block),
                                         block + std::chrono::milliseconds(5000));
  std::vector<StreamEntry> out;
  if (!reply.is_array()) co_return out;
  for (const auto& stream : reply.elements) {
    if (stream.elements.size() < 2) continue;
    for (const auto& entry : stream.elements[1].elements) out.push_back(parse_entry(entry));
  }
  co_return out;
}

Task<void> StreamQueue::ack(RedisClient& redis, const std::string& id) const {
  co_await redis.call("XACK", keys_.stream, keys_.group, id);
}

Task<void> StreamQueue::finish(RedisClient& redis, const StreamEntry& entry) const {
  auto lane = entry.field("lane");
  if (lane.empty() || keys_.lanes.empty()) {
    co_await ack(redis, entry.id);
    co_return;
  }
  std::vector<std::string> keys{keys_.stream, lane_key(lane)};
  std::vector<std::string> args{keys_.group, entry.id, entry.field("lane_item"),
                                std::to_string(max_length_)};
  co_await redis.eval(kFinish, std::move(keys), std::move(args));
}

Task<bool> StreamQueue::keep_claim(RedisClient& redis, const std::string& id,
                                   const std::string& consumer) const {
  std::vector<std::string> keys{keys_.stream};
  std::vector<std::string> args{keys_.group, consumer, id};
  auto reply = co_await redis.eval(kKeepClaim, std::move(keys), std::move(args));
  co_return reply.number() == 1;
}

Task<std::vector<StreamEntry>> StreamQueue::reclaim(RedisClient& redis, const std::string& consumer,
                                                    std::chrono::milliseconds min_idle,
                                                    int count) const {
  auto reply =
      co_await redis.call("XAUTOCLAIM", keys_.stream, keys_.group, consumer,
                          std::to_string(min_idle.count()), "0-0", "COUNT", std::to_string(count));
  std::vector<StreamEntry> out;
  if (reply.elements.size() >= 2) {
    for (const auto& entry : reply.elements[1].elements) {
      auto e = parse_entry(entry);
      if (!e.id.empty()) out.push_back(std::move(e));  // trimmed entries come back empty
    }
  }
  co_return out;
}

std::string StreamQueue::payload(const Fields& fields) {
  nlohmann::json flat = nlohmann::json::array();
  for (const auto& [k, v] : fields) flat.push_back(k), flat.push_back(v);
  return flat.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {
// Acknowledges the entry and puts `fields` in the retry set, due at `due`, in one script.
// origin_id keeps retry members unique when two entries carry the same fields.
Task<void> move_to_retry(RedisClient& redis, QueueKeys keys, std::string entry_id, Fields fields,
                         Instant due) {
  fields.emplace_back("origin_id", entry_id);
  std::vector<std::string> script_keys{keys.stream, keys.retry};
  std::vector<std::string> args{keys.group, entry_id, std::to_string(unix_millis(due)),
                                StreamQueue::payload(fields)};
  co_await redis.eval(kRetryLater, std::move(script_keys), std::move(args));
}
}  // namespace

Task<void> StreamQueue::retry_later(RedisClient& redis, const StreamEntry& entry, Instant due,
                                    const std::string& reason) const {
  auto fields = without(entry.fields, {"attempt", "last_error", "origin_id", "first_failed_ms"});
  fields.emplace_back("attempt", std::to_string(entry.attempt() + 1));
  fields.emplace_back("last_error", reason);
  long long first = entry.first_failed_ms();
  if (first == 0) first = unix_millis(std::chrono::system_clock::now());
  fields.emplace_back("first_failed_ms", std::to_string(first));
  co_await move_to_retry(redis, keys_, entry.id, std::move(fields), due);
}

Task<void> StreamQueue::defer(RedisClient& redis, const StreamEntry& entry, Instant due) const {
  auto fields = without(entry.fields, {"origin_id"});
  co_await move_to_retry(redis, keys_, entry.id, std::move(fields), due);
}

Task<void> StreamQueue::schedule(RedisClient& redis, const Fields& fields, Instant due) const {
  auto member = StreamQueue::payload(fields);
  auto score = std::to_string(unix_millis(due));
  co_await redis.call("ZADD", keys_.retry, score, member);
}

Task<long long> StreamQueue::promote_due(RedisClient& redis, Instant now, int max) const {
  std::vector<std::string> keys{keys_.retry, keys_.stream};
  std::vector<std::string> args{std::to_string(unix_millis(now)), std::to_string(max),
                                std::to_string(max_length_)};
  auto reply = co_await redis.eval(kPromoteDue, std::move(keys), std::move(args));
  co_return reply.number();
}

Task<void> StreamQueue::dead_letter(RedisClient& redis, const StreamEntry& entry,
                                    const std::string& reason) const {
  std::vector<std::string> args;
  args.push_back(keys_.group);
  args.push_back(entry.id);
  args.push_back(entry.field("lane_item"));
  args.push_back(std::to_string(max_length_));
  for (const auto& [k, v] : without(entry.fields, {"dead_reason", "dead_at", "origin_id"})) {
    args.push_back(k), args.push_back(v);
  }
  append_dead_fields(args, reason, entry.id);
  std::vector<std::string> keys{keys_.stream, keys_.dead};
  auto lane = entry.field("lane");
  if (!lane.empty() && !keys_.lanes.empty()) keys.push_back(lane_key(lane));
  co_await redis.eval(kDeadLetter, std::move(keys), std::move(args));
}

Task<StreamQueue::Sizes> StreamQueue::sizes(RedisClient& redis) const {
  Sizes s;
  s.length = (co_await redis.call("XLEN", keys_.stream)).number();
  s.retrying = (co_await redis.call("ZCARD", keys_.retry)).number();
  s.dead = (co_await redis.call("XLEN", keys_.dead)).number();
  try {
    auto pending = co_await redis.call("XPENDING", keys_.stream, keys_.group);
    if (!pending.elements.empty()) s.pending = pending.elements[0].number();
  } catch (const RedisError&) {
    // No group yet: nothing pending.
  }
  co_return s;
}

}  // namespace thidua
