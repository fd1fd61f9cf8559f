// NominationStore: the nominations themselves (their records, drafts, transitions with their
// quota places, history). What the council keeps beside them (votes, the dossier, meetings)
// is in nomination_store_council.cpp.
#include "nominations/store/nomination_store.hpp"

#include "nominations/store/event_codec.hpp"
#include "nominations/store/history_codec.hpp"
#include "nominations/store/nomination_codec.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;
constexpr const char* kEventsMaxLength = "100000";

// KEYS: record, live key, index, history, events.
// ARGV: id, history entry, event type, event, stream max length, then field/value pairs.
const RedisScript kCreate(R"lua(
local existing = redis.call('GET', KEYS[2])
if existing then return {'duplicate', existing} end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 6))
redis.call('ZADD', KEYS[3], tonumber(ARGV[1]), ARGV[1])
redis.call('RPUSH', KEYS[4], ARGV[2])
redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[5], '*', 'type', ARGV[3], 'event', ARGV[4])
return {'ok', ARGV[1]}
)lua");

// KEYS: record, old live key, new live key, history, events.
// ARGV: id, history entry, event type, event, stream max length, then field/value pairs.
const RedisScript kEditDraft(R"lua(
local cur = redis.call('HGET', KEYS[1], 'status')
if cur ~= 'draft' then return {'conflict', cur or ''} end
if KEYS[2] ~= KEYS[3] then
  local other = redis.call('GET', KEYS[3])
  if other and other ~= ARGV[1] then return {'duplicate', other} end
  if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
  redis.call('SET', KEYS[3], ARGV[1])
end
redis.call('HSET', KEYS[1], unpack(ARGV, 6))
redis.call('RPUSH', KEYS[4], ARGV[2])
redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[5], '*', 'type', ARGV[3], 'event', ARGV[4])
return {'ok', ''}
)lua");

// KEYS: record, history. ARGV: expected status, expected draft (as stored), new draft,
// updated_at, history entry.
const RedisScript kReplaceDraft(R"lua(
local cur = redis.call('HMGET', KEYS[1], 'status', 'draft')
if cur[1] ~= ARGV[1] or cur[2] ~= ARGV[2] then return {'conflict', cur[1] or ''} end
redis.call('HSET', KEYS[1], 'draft', ARGV[3], 'updated_at', ARGV[4])
redis.call('RPUSH', KEYS[2], ARGV[5])
return {'ok', ''}
)lua");

// KEYS: record, history, events, quota set, live key, the subject's places in the period.
// ARGV: id, expected status, new status, quota op (take|release|none), limit (-1: none),
// release live key (1|0), history entry, event type, event, stream max length, a second
// award allowed (1|0), then field/value pairs. The status check makes concurrent
// transitions of one nomination safe; the place check and the SADD are one step, so places
// can never be oversold, and a subject never holds places of two award forms in one period
// unless the board recorded an exception (the rule of blocking_award in domain/one_award.hpp,
// applied here so that the check and the place are one step).
const RedisScript kTransition(R"lua(
local cur = redis.call('HGET', KEYS[1], 'status')
if cur ~= ARGV[2] then return {'conflict', cur or ''} end
if ARGV[4] == 'take' then
  if ARGV[11] ~= '1' then
    for _, other in ipairs(redis.call('SMEMBERS', KEYS[6])) do
      if other ~= ARGV[1] then return {'other_award', other} end
    end
  end
  local limit = tonumber(ARGV[5])
  if limit >= 0 and redis.call('SISMEMBER', KEYS[4], ARGV[1]) == 0 then
    local used = redis.call('SCARD', KEYS[4])
    if used >= limit then return {'quota_full', tostring(used)} end
  end
  redis.call('SADD', KEYS[4], ARGV[1])
  redis.call('SADD', KEYS[6], ARGV[1])
elseif ARGV[4] == 'release' then
  redis.call('SREM', KEYS[4], ARGV[1])
  redis.call('SREM', KEYS[6], ARGV[1])
end
if ARGV[6] == '1' and redis.call('GET', KEYS[5]) == ARGV[1] then
  redis.call('DEL', KEYS[5])
end
redis.call('HSET', KEYS[1], 'status', ARGV[3], unpack(ARGV, 12))
redis.call('RPUSH', KEYS[2], ARGV[7])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[10], '*', 'type', ARGV[8], 'event', ARGV[9])
return {'ok', ''}
)lua");

}  // namespace

WriteOutcome NominationStore::outcome_of(const RedisReply& reply) {
  WriteOutcome out;
  const std::string& tag = reply.elements.at(0).str;
  out.detail = reply.elements.size() > 1 ? reply.elements[1].str : "";
  if (tag == "conflict") out.result = WriteResult::Conflict;
  if (tag == "quota_full") out.result = WriteResult::QuotaFull;
  if (tag == "duplicate") out.result = WriteResult::Duplicate;
  if (tag == "other_award") out.result = WriteResult::OtherAward;
  if (tag == "meeting_changed") out.result = WriteResult::MeetingChanged;
  return out;
}

NominationStore::NominationStore(RedisPool& redis, Keyspace keys)
    : redis_(redis), keys_(std::move(keys)) {}

std::string NominationStore::quota_key(const NominationDraft& d) const {
  return keys_("quota:" + d.period + ":" + d.award + ":" +
               std::string(subject_kind_name(d.subject_kind)));
}

Task<std::string> NominationStore::next_id() {
  auto reply = co_await redis_.local().call("INCR", keys_("seq"));
  co_return std::to_string(reply.number());
}

Task<WriteOutcome> NominationStore::create(const NominationRecord& r, const HistoryEntry& history,
                                           const NominationEvent& event) {
  std::vector<std::string> keys{keys_("n:" + r.id), keys_("live:" + live_key(r.draft)),
                                keys_("index"), keys_("n:" + r.id + ":history"), events_stream()};
  std::vector<std::string> args{r.id, stored::to_json(history).dump(), event.type,
                                stored::event_json(event), kEventsMaxLength};
  for (auto& f : stored::record_fields(r)) args.push_back(std::move(f));
  auto reply = co_await redis_.local().eval(kCreate, std::move(keys), std::move(args));
  co_return outcome_of(reply);
}

Task<WriteOutcome> NominationStore::edit_draft(const NominationRecord& before,
                                               const NominationRecord& after,
                                               const HistoryEntry& history,
                                               const NominationEvent& event) {
  std::vector<std::string> keys{keys_("n:" + after.id), keys_("live:" + live_key(before.draft)),
                                keys_("live:" + live_key(after.draft)),
                                keys_("n:" + after.id + ":history"), events_stream()};
  std::vector<std::string> args{after.id, stored::to_json(history).dump(), event.type,
                                stored::event_json(event), kEventsMaxLength};
  for (auto& f : stored::record_fields(after)) {
    args.push_back(std::move(f));
  }
  auto reply = co_await redis_.local().eval(kEditDraft, std::move(keys), std::move(args));
  co_return outcome_of(reply);
}

Task<WriteOutcome> NominationStore::transition(const NominationRecord& r,
                                               const TransitionWrite& w) {
  std::string quota_op = "none";
  if (holds_place(w.to) && !holds_place(w.from)) quota_op = "take";
  if (!holds_place(w.to) && holds_place(w.from)) quota_op = "release";
  bool release_live = is_live(w.from) && !is_live(w.to);
  std::vector<std::string> keys{
      keys_("n:" + r.id),
      keys_("n:" + r.id + ":history"),
      events_stream(),
      quota_key(r.draft),
      keys_("live:" + live_key(r.draft)),
      keys_("held:" + r.draft.period + ":" + std::string(subject_kind_name(r.draft.subject_kind)) +
            ":" + r.draft.subject_id)};
  std::vector<std::string> args{r.id,
                                std::string(status_name(w.from)),
                                std::string(status_name(w.to)),
                                quota_op,
                                std::to_string(w.quota_limit),
                                release_live ? "1" : "0",
                                stored::to_json(w.history).dump(),
                                w.event.type,
                                stored::event_json(w.event),
                                kEventsMaxLength,
                                w.second_award_allowed ? "1" : "0",
                                "outcome",
                                stored::to_json(w.outcome).dump(),
                                "updated_at",
                                w.updated_at,
                                "round_id",
                                w.round_id};
  auto reply = co_await redis_.local().eval(kTransition, std::move(keys), std::move(args));
  co_return outcome_of(reply);
}

Task<std::optional<NominationRecord>> NominationStore::get(const std::string& id) const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("n:" + id));
  if (reply.elements.empty()) co_return std::nullopt;
  co_return stored::read_record(id, std::move(reply));
}

Task<std::optional<NominationStore::Versioned>> NominationStore::get_versioned(
    const std::string& id) const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("n:" + id));
  if (reply.elements.empty()) co_return std::nullopt;
  std::string stamp;
  auto fields = reply.fields();
  if (auto draft = fields.find("draft"); draft != fields.end()) stamp = draft->second;
  Versioned out{stored::read_record(id, std::move(reply)), std::move(stamp)};
  co_return out;
}

Task<WriteOutcome> NominationStore::replace_draft(const Versioned& before,
                                                  const NominationRecord& after,
                                                  const HistoryEntry& history) {
  std::vector<std::string> keys{keys_("n:" + after.id), keys_("n:" + after.id + ":history")};
  std::vector<std::string> args{std::string(status_name(before.record.status)), before.stamp,
                                stored::to_json(after.draft).dump(), after.updated_at,
                                stored::to_json(history).dump()};
  auto reply = co_await redis_.local().eval(kReplaceDraft, std::move(keys), std::move(args));
  co_return outcome_of(reply);
}

Task<std::vector<NominationRecord>> NominationStore::all() const {
  auto& redis = redis_.local();
  auto ids = co_await redis.call("ZRANGE", keys_("index"), 0, -1);
  std::vector<std::vector<std::string>> cmds;
  for (const auto& id : ids.elements) cmds.push_back({"HGETALL", keys_("n:" + id.str)});
  auto replies = co_await redis.batch(std::move(cmds));
  std::vector<NominationRecord> out;
  for (std::size_t i = 0; i < replies.size(); ++i) {
    if (!replies[i].elements.empty())
      out.push_back(stored::read_record(ids.elements[i].str, std::move(replies[i])));
  }
  co_return out;
}

Task<std::vector<HistoryEntry>> NominationStore::history(const std::string& id) const {
  auto reply = co_await redis_.local().call("LRANGE", keys_("n:" + id + ":history"), 0, -1);
  std::vector<HistoryEntry> out;
  for (const auto& e : reply.elements) {
    // An entry this service did not write is left out rather than shown half-read.
    if (auto entry = stored::read_history_entry(json::parse(e.str, nullptr, false))) {
      out.push_back(std::move(*entry));
    }
  }
  co_return out;
}

Task<std::map<std::pair<std::string, SubjectKind>, long long>> NominationStore::places_used(
    const std::string& period, const std::vector<std::string>& awards) const {
  std::vector<std::vector<std::string>> cmds;
  std::vector<std::pair<std::string, SubjectKind>> order;
  for (const auto& award : awards) {
    for (SubjectKind kind : {SubjectKind::Collective, SubjectKind::Individual}) {
      NominationDraft d;
      d.period = period;
      d.award = award;
      d.subject_kind = kind;
      cmds.push_back({"SCARD", quota_key(d)});
      order.emplace_back(award, kind);
    }
  }
  auto replies = co_await redis_.local().batch(std::move(cmds));
  std::map<std::pair<std::string, SubjectKind>, long long> out;
  for (std::size_t i = 0; i < replies.size(); ++i) out[order[i]] = replies[i].number();
  co_return out;
}

}  // namespace thidua::nominations
