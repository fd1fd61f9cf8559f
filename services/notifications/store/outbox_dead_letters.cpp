// The dead letters of the outbox: messages that failed for good, listed for the board, sent
// again with a fresh retry budget or discarded (OutboxStore, kept apart from queueing).
#include "core/crypto.hpp"
#include "notifications/store/history_entry.hpp"
#include "notifications/store/outbox_store.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

// KEYS: dead, stream, msg, history, lane, retry.
// ARGV: dead entry id, msg id, state, entry, maxlen, requeue, lane entry.
const RedisScript kLeaveDead(StreamQueue::lane_push_lua() + R"lua(
if redis.call('XDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
if ARGV[6] == '1' then lane_push(KEYS[5], KEYS[2], KEYS[6], ARGV[7], '0', ARGV[5]) end
redis.call('HSET', KEYS[3], 'state', ARGV[3])
redis.call('RPUSH', KEYS[4], ARGV[4])
return 1
)lua");

}  // namespace

Task<std::vector<DeadLetter>> OutboxStore::dead(int limit) {
  auto entries = co_await redis_.local().call("XREVRANGE", queue_.keys().dead, "+", "-", "COUNT",
                                              std::to_string(limit));
  std::vector<DeadLetter> out;
  for (const auto& e : entries.elements) {
    if (e.elements.size() < 2) continue;
    DeadLetter item;
    const auto& kv = e.elements[1].elements;
    for (std::size_t i = 0; i + 1 < kv.size(); i += 2) {
      if (kv[i].str == "msg_id") item.id = kv[i + 1].str;
      if (kv[i].str == "dead_reason") item.reason = kv[i + 1].str;
      if (kv[i].str == "dead_at") item.dead_at = kv[i + 1].str;
      if (kv[i].str == "attempt") item.attempts = std::atoi(kv[i + 1].str.c_str()) + 1;
    }
    if (item.id.empty()) continue;
    out.push_back(std::move(item));
  }
  // Their messages in one round trip, not one each.
  std::vector<std::string> ids;
  for (const auto& item : out) ids.push_back(item.id);
  auto messages = co_await load_all(ids);
  for (std::size_t i = 0; i < out.size(); ++i) out[i].message = std::move(messages[i]);
  co_return out;
}

Task<std::optional<std::string>> OutboxStore::dead_entry_id(const std::string& id) {
  auto entries =
      co_await redis_.local().call("XREVRANGE", queue_.keys().dead, "+", "-", "COUNT", "10000");
  for (const auto& e : entries.elements) {
    if (e.elements.size() < 2) continue;
    const auto& kv = e.elements[1].elements;
    for (std::size_t i = 0; i + 1 < kv.size(); i += 2) {
      if (kv[i].str == "msg_id" && kv[i + 1].str == id) co_return e.elements[0].str;
    }
  }
  co_return std::nullopt;
}

Task<bool> OutboxStore::retry_dead(const std::string& id, const std::string& by) {
  auto entry = co_await dead_entry_id(id);
  if (!entry) co_return false;
  auto m = co_await load(id);
  if (!m) co_return false;
  // Back at the end of its lane, as a message queued now: a fresh lane item, so nothing of
  // its earlier passage through the lane can be taken for it.
  std::string lane = delivery_lane(m->chat_id, m->urgent, m->source);
  Fields first_try{{"msg_id", id}, {"attempt", "0"}};
  std::string item = id + "." + crypto::random_hex(4);
  std::vector<std::string> keys{queue_.keys().dead,    queue_.keys().stream,
                                keys_("msg:" + id),    keys_("msg:" + id + ":history"),
                                queue_.lane_key(lane), queue_.keys().retry};
  std::vector<std::string> args{
      *entry,
      id,
      state::kQueued,
      history_entry(state::kQueued, clock_.now(), {{"by", by}, {"source", "dead_letter_retry"}})
          .dump(),
      std::to_string(queue_.max_length()),
      "1",
      StreamQueue::payload(StreamQueue::lane_fields(first_try, lane, item))};
  auto r = co_await redis_.local().eval(kLeaveDead, std::move(keys), std::move(args));
  co_return r.number() == 1;
}

Task<bool> OutboxStore::discard_dead(const std::string& id, const std::string& by) {
  auto entry = co_await dead_entry_id(id);
  if (!entry) co_return false;
  std::vector<std::string> keys{queue_.keys().dead,  queue_.keys().stream,
                                keys_("msg:" + id),  keys_("msg:" + id + ":history"),
                                queue_.keys().lanes, queue_.keys().retry};
  std::vector<std::string> args{*entry,
                                id,
                                state::kDiscarded,
                                history_entry(state::kDiscarded, clock_.now(), {{"by", by}}).dump(),
                                std::to_string(queue_.max_length()),
                                "0",
                                ""};
  auto r = co_await redis_.local().eval(kLeaveDead, std::move(keys), std::move(args));
  co_return r.number() == 1;
}

}  // namespace thidua::notifications
