#include "redis/stream_queue.hpp"

#include <nlohmann/json.hpp>

#include "core/log.hpp"

namespace thidua {
namespace {

// KEYS: stream, retry. ARGV: group, id, due_ms, payload (JSON array k1, v1, k2, v2 …).
const RedisScript kRetryLater(R"lua(
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return 1
)lua");

// KEYS: retry, stream. ARGV: now_ms, max, maxlen.
const RedisScript kPromoteDue(R"lua(
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, payload in ipairs(due) do
  local fields = cjson.decode(payload)
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(fields))
  redis.call('ZREM', KEYS[1], payload)
end
return #due
)lua");

// Lua: the finished first entry of a lane leaves it and the next one enters the stream.
// Only when `item` is still first: a duplicate finish must not push out the next entry.
const char* kLaneLeaveLua = R"lua(
local function lane_item(payload)
  local f = cjson.decode(payload)
  for i = 1, #f - 1, 2 do
    if f[i] == 'lane_item' then return f[i + 1] end
  end
  return nil
end
local function lane_leave(lane, stream, item, maxlen)
  local head = redis.call('LINDEX', lane, 0)
  if not head or lane_item(head) ~= item then return 0 end
  redis.call('LPOP', lane)
  local nxt = redis.call('LINDEX', lane, 0)
  if nxt then redis.call('XADD', stream, 'MAXLEN', '~', maxlen, '*', unpack(cjson.decode(nxt))) end
  return 1
end
)lua";

// KEYS: stream, dead[, lane]. ARGV: group, id, item, maxlen, then field, value pairs.
const RedisScript kDeadLetter(std::string(kLaneLeaveLua) + R"lua(
redis.call('XADD', KEYS[2], 'MAXLEN', '~', 100000, '*', unpack(ARGV, 5))
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 1 and KEYS[3] then
  lane_leave(KEYS[3], KEYS[1], ARGV[3], ARGV[4])
end
return 1
)lua");

// KEYS: stream, lane. ARGV: group, id, item, maxlen.
const RedisScript kFinish(std::string(kLaneLeaveLua) + R"lua(
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
return lane_leave(KEYS[2], KEYS[1], ARGV[3], ARGV[4])
)lua");

const char* kLanePushLua = R"lua(
local function lane_push(lane, stream, delay, payload, due, maxlen)
  local n = redis.call('RPUSH', lane, payload)
  if n == 1 then
    if due == '0' then
      redis.call('XADD', stream, 'MAXLEN', '~', maxlen, '*', unpack(cjson.decode(payload)))
    else
      redis.call('ZADD', delay, due, payload)
    end
  end
  return n
end
)lua";

// KEYS: lane, stream, delay. ARGV: payload, maxlen.
const RedisScript kAddToLane(std::string(kLanePushLua) + R"lua(
return lane_push(KEYS[1], KEYS[2], KEYS[3], ARGV[1], '0', ARGV[2])
)lua");

// KEYS: stream. ARGV: group, consumer, id. 1 when the consumer still held the entry (its
// idle time is now 0), 0 when another consumer holds it or it was acknowledged.
const RedisScript kKeepClaim(R"lua(
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1, ARGV[2])
if #p == 0 then return 0 end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
return 1
)lua");

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
  return kLanePushLua;
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

namespace {
// A handler that throws is retried like one that asked for it, except when Redis itself
// is away: then the entry stays pending (the exception ends the round).
Task<Disposition> handle_safely(const std::function<Task<Disposition>(const StreamEntry&)>& handle,
                                const StreamEntry& entry) {
  std::string error;
  try {
    co_return co_await handle(entry);
  } catch (const RedisUnavailable&) {
    throw;
  } catch (const std::exception& e) {
    error = e.what();
  }
  co_return Disposition::retry("handler error: " + error);
}
}  // namespace

Task<void> run_stream_worker(const StreamQueue& queue, RedisClient& redis, RedisClient& blocking,
                             WorkerOptions options,
                             std::function<Task<Disposition>(const StreamEntry&)> handle,
                             std::function<bool()> stopping) {
  bool group_ready = false;
  while (!stopping()) {
    bool failed = false;
    try {
      if (!group_ready) {
        co_await queue.ensure_group(redis);
        group_ready = true;
      }
      co_await queue.promote_due(redis, std::chrono::system_clock::now(), options.batch);
      auto entries = co_await queue.reclaim(redis, options.consumer, options.visibility_timeout,
                                            options.batch);
      if (entries.empty()) {
        entries = co_await queue.read(blocking, options.consumer, options.batch, options.block);
      }
      for (auto& entry : entries) {
        entry.consumer = options.consumer;
        bool held = co_await queue.keep_claim(redis, entry.id, options.consumer);
        if (!held) continue;  // waited too long behind others and was reclaimed
        Disposition d = co_await handle_safely(handle, entry);
        if (d.kind == Disposition::Kind::Abandon) {
          log::warn("queue_claim_lost", {{"stream", queue.keys().stream}, {"id", entry.id}});
        } else if (d.kind == Disposition::Kind::Done) {
          co_await queue.finish(redis, entry);
        } else if (d.kind == Disposition::Kind::Defer) {
          co_await queue.defer(redis, entry, d.due);
        } else if (d.kind == Disposition::Kind::Retry &&
                   may_retry(options.backoff, entry.attempt(), entry.first_failed_ms(),
                             unix_millis(std::chrono::system_clock::now()))) {
          auto delay = backoff_delay(options.backoff, entry.attempt() + 1, random_unit());
          auto due = std::max(std::chrono::system_clock::now() + delay, d.due);
          if (options.on_retry)
            co_await options.on_retry(entry, entry.attempt() + 1, due, d.reason);
          co_await queue.retry_later(redis, entry, due, d.reason);
        } else {
          if (options.on_dead) co_await options.on_dead(entry, d.reason);
          log::warn("queue_dead_letter", {{"stream", queue.keys().stream},
                                          {"id", entry.id},
                                          {"reason", d.reason},
                                          {"attempts", entry.attempt() + 1}});
          co_await queue.dead_letter(redis, entry, d.reason);
        }
      }
    } catch (const std::exception& e) {
      // Redis away or a script failed: what was not acknowledged stays pending and is
      // reclaimed on a later round.
      log::warn("queue_worker_error", {{"stream", queue.keys().stream}, {"error", e.what()}});
      failed = true;
    }
    if (failed) {
      group_ready = false;
      co_await sleep_for(std::chrono::milliseconds(500));
    }
  }
}

}  // namespace thidua
