#include "notifications/store/outbox_store.hpp"

#include "core/crypto.hpp"
#include "notifications/store/history_entry.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

// KEYS: idem, msg, history, recent, stream, retry, lane, guard (idem again when none),
//       scheduled.
// ARGV: id, idem value (the request's fingerprint, a space, the answer), idem ttl s, due_ms
//       (0: now), history entry, maxlen, created_ms, has_idem, lane entry, has_guard, guard
//       field, guard value, send_at_ms ('0': not scheduled), then hash field/value pairs.
// Returns {1, idem value} when queued, {0, the first request's idem value} for a seen key,
// {2, ''} when the guard does not hold. A guard that holds is consumed even for a seen key.
// A scheduled message waits in the scheduled set, outside its lane, so that it holds up
// nothing queued after it (ScheduledStore::release_due puts it in the lane when due).
const RedisScript kEnqueue(StreamQueue::lane_push_lua() + R"lua(
if ARGV[10] == '1' then
  if redis.call('HGET', KEYS[8], ARGV[11]) ~= ARGV[12] then return {2, ''} end
  redis.call('DEL', KEYS[8])
end
if ARGV[8] == '1' then
  local first = redis.call('GET', KEYS[1])
  if first then return {0, first} end
end
redis.call('HSET', KEYS[2], unpack(ARGV, 14))
redis.call('RPUSH', KEYS[3], ARGV[5])
redis.call('ZADD', KEYS[4], ARGV[7], ARGV[1])
if ARGV[13] ~= '0' then
  redis.call('HSET', KEYS[2], 'lane_entry', ARGV[9])
  redis.call('ZADD', KEYS[9], ARGV[13], ARGV[1])
else
  lane_push(KEYS[7], KEYS[5], KEYS[6], ARGV[9], ARGV[4], ARGV[6])
end
if ARGV[8] == '1' then redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) end
return {1, ARGV[2]}
)lua");

// KEYS: msg, history. ARGV: state, entry, then field/value pairs.
const RedisScript kRecord(R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], unpack(ARGV, 3))
redis.call('RPUSH', KEYS[2], ARGV[2])
return 1
)lua");

constexpr int kIdempotencySeconds = 24 * 3600;
constexpr long long kMaxLength = 1000000;
const std::string kMaxLengthText = std::to_string(kMaxLength);
}  // namespace

StoredMessage OutboxStore::message_from(const std::string& id, const RedisReply& hash) {
  StoredMessage m;
  m.id = id;
  m.target = hash.field("target");
  m.chat_id = hash.field("chat_id");
  m.text = hash.field("text");
  m.urgent = hash.field("urgent") == "1";
  m.category = hash.field("category");
  m.source = hash.field("source");
  m.state = hash.field("state");
  m.created_at = hash.field("created_at");
  m.last_error = hash.field("last_error");
  m.send_at = hash.field("send_at");
  auto parts = hash.field("parts_sent");
  m.parts_sent = parts.empty() ? 0 : std::atoi(parts.c_str());
  // Stored as a JSON array of strings (written by record_part_sent).
  auto ids = json::parse(hash.field("message_ids"), nullptr, false);
  if (ids.is_array()) {
    for (const auto& v : ids) {
      if (v.is_string()) m.message_ids.push_back(v.get<std::string>());
    }
  }
  return m;
}

OutboxStore::OutboxStore(RedisPool& redis, const Keyspace& keys, const Clock& clock,
                         http::Metrics& metrics)
    : redis_(redis),
      keys_(keys),
      clock_(clock),
      metrics_(metrics),
      queue_(QueueKeys{keys("outbox"), "delivery", keys("outbox-retry"), keys("outbox-dead"),
                       keys("outbox-lane:")},
             kMaxLength) {}

Task<EnqueueResult> OutboxStore::enqueue(const NewMessage& m, const std::string& chat_id,
                                         const std::string& idempotency_key,
                                         std::optional<Instant> due, const EnqueueGuard* guard) {
  std::string id = crypto::random_hex(8);
  Instant now = clock_.now();
  std::string st = m.send_at ? state::kScheduled : due ? state::kHeld : state::kQueued;
  json answer = {{"id", id}, {"status", m.send_at ? state::kScheduled : state::kQueued}};
  json entry;
  if (m.send_at) {
    entry = history_entry(st, now, {{"send_at", iso_instant(*m.send_at)}, {"source", m.source}});
  } else if (due) {
    entry = history_entry(st, now, {{"until", iso_instant(*due)}, {"reason", "quiet_hours"}});
  } else {
    entry = history_entry(st, now, {{"source", m.source}});
  }
  std::string lane = delivery_lane(chat_id, m.urgent, m.source);
  Fields first_try{{"msg_id", id}, {"attempt", "0"}};
  std::vector<std::string> keys{keys_("idem:" + (idempotency_key.empty() ? "-" : idempotency_key)),
                                keys_("msg:" + id),
                                keys_("msg:" + id + ":history"),
                                keys_("recent"),
                                queue_.keys().stream,
                                queue_.keys().retry,
                                queue_.lane_key(lane)};
  keys.push_back(guard ? guard->key : keys.front());
  keys.push_back(keys_("scheduled"));
  std::string fingerprint = request_fingerprint(m);
  std::vector<std::string> args{id,
                                fingerprint + " " + answer.dump(),
                                std::to_string(kIdempotencySeconds),
                                due ? std::to_string(unix_millis(*due)) : "0",
                                entry.dump(),
                                kMaxLengthText,
                                std::to_string(unix_millis(now)),
                                idempotency_key.empty() ? "0" : "1",
                                StreamQueue::payload(StreamQueue::lane_fields(first_try, lane, id)),
                                guard ? "1" : "0",
                                guard ? guard->field : "",
                                guard ? guard->value : "",
                                m.send_at ? std::to_string(unix_millis(*m.send_at)) : "0",
                                "send_at",
                                m.send_at ? iso_instant(*m.send_at) : "",
                                "lane",
                                lane,
                                "id",
                                id,
                                "target",
                                m.target.describe(),
                                "chat_id",
                                chat_id,
                                "text",
                                m.text,
                                "urgent",
                                m.urgent ? "1" : "0",
                                "category",
                                std::string(category_name(m.category)),
                                "state",
                                st,
                                "source",
                                m.source,
                                "created_at",
                                iso_instant(now),
                                "parts_sent",
                                "0",
                                "message_ids",
                                "[]"};
  auto reply = co_await redis_.local().eval(kEnqueue, std::move(keys), std::move(args));
  EnqueueResult out;
  if (reply.elements.size() == 2 && reply.elements[0].number() == 2) {
    out.guard_failed = true;
    co_return out;
  }
  out.duplicate = reply.elements.size() == 2 && reply.elements[0].number() == 0;
  std::string first = reply.elements.size() == 2 ? reply.elements[1].str : "{}";
  // Keys written before fingerprints were kept hold the answer alone ("{…}"): taken as
  // the same request, as they were then.
  if (auto space = first.find(' '); first.rfind('{', 0) != 0 && space != std::string::npos) {
    out.conflict = out.duplicate && first.substr(0, space) != fingerprint;
    first.erase(0, space + 1);
  }
  auto answer_read = json::parse(first, nullptr, false);
  if (answer_read.is_object()) {
    out.id = answer_read.value("id", "");
    out.status = answer_read.value("status", "");
  }
  if (!out.duplicate) metrics_.add("notifications_messages_total", {{"state", st}});
  co_return out;
}

Task<bool> OutboxStore::keep_claim(const StreamEntry& entry) {
  co_return co_await queue_.keep_claim(redis_.local(), entry.id, entry.consumer);
}

Task<bool> OutboxStore::seen_key(const std::string& idempotency_key) {
  auto r = co_await redis_.local().call("EXISTS", keys_("idem:" + idempotency_key));
  co_return r.number() == 1;
}

Task<std::optional<StoredMessage>> OutboxStore::load(const std::string& id) {
  auto hash = co_await redis_.local().call("HGETALL", keys_("msg:" + id));
  if (hash.elements.empty()) co_return std::nullopt;
  co_return message_from(id, hash);
}

Task<std::vector<HistoryEntry>> OutboxStore::history(const std::string& id) {
  auto list = co_await redis_.local().call("LRANGE", keys_("msg:" + id + ":history"), "0", "-1");
  std::vector<HistoryEntry> out;
  for (const auto& e : list.elements) {
    if (auto entry = read_history_entry(e.str)) out.push_back(std::move(*entry));
  }
  co_return out;
}

Task<void> OutboxStore::record_fields(const std::string& id, const std::string& st,
                                      const HistoryNote& note, std::vector<std::string> fields) {
  std::vector<std::string> keys{keys_("msg:" + id), keys_("msg:" + id + ":history")};
  std::vector<std::string> args{st, history_entry(st, clock_.now(), note).dump()};
  for (auto& f : fields) args.push_back(std::move(f));
  co_await redis_.local().eval(kRecord, std::move(keys), std::move(args));
  metrics_.add("notifications_messages_total", {{"state", st}});
}

Task<void> OutboxStore::record(const std::string& id, const std::string& st, HistoryNote note,
                               std::optional<std::string> last_error) {
  std::vector<std::string> fields;
  if (last_error) fields = {"last_error", std::move(*last_error)};
  co_await record_fields(id, st, note, std::move(fields));
}

Task<void> OutboxStore::record_part_sent(const std::string& id, const std::string& st,
                                         HistoryNote note, int parts_sent,
                                         const std::vector<std::string>& message_ids) {
  std::vector<std::string> fields{"parts_sent", std::to_string(parts_sent), "message_ids",
                                  json(message_ids).dump()};
  co_await record_fields(id, st, note, std::move(fields));
}

Task<std::vector<StoredMessage>> OutboxStore::recent(const std::string& state_filter, int limit) {
  // Newest first; a filter scans at most a few hundred of the latest.
  int scan = state_filter.empty() ? limit : std::max(limit, 500);
  auto reply =
      co_await redis_.local().call("ZREVRANGE", keys_("recent"), "0", std::to_string(scan - 1));
  std::vector<std::string> ids;
  for (const auto& e : reply.elements) ids.push_back(e.str);
  auto messages = co_await load_all(ids);
  std::vector<StoredMessage> out;
  for (auto& m : messages) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (m && (state_filter.empty() || m->state == state_filter)) out.push_back(std::move(*m));
  }
  co_return out;
}

Task<std::vector<std::optional<StoredMessage>>> OutboxStore::load_all(
    const std::vector<std::string>& ids) {
  std::vector<std::vector<std::string>> loads;
  for (const auto& id : ids) loads.push_back({"HGETALL", keys_("msg:" + id)});
  auto hashes = co_await redis_.local().batch(std::move(loads));
  std::vector<std::optional<StoredMessage>> out(ids.size());
  for (std::size_t i = 0; i < ids.size() && i < hashes.size(); ++i) {
    if (!hashes[i].elements.empty()) out[i] = message_from(ids[i], hashes[i]);
  }
  co_return out;
}

}  // namespace thidua::notifications
