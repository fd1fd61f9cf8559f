#include "reports/store/reports_store.hpp"

#include <cstdlib>
#include <nlohmann/json.hpp>

namespace thidua::reports {
namespace {
using nlohmann::json;

// KEYS: seeded flag, deadlines hash. ARGV: id, json pairs.
const RedisScript kSeed(R"lua(
if redis.call('SET', KEYS[1], '1', 'NX') == false then return 0 end
for i = 1, #ARGV, 2 do redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1]) end
return 1
)lua");

// KEYS: part hash, year index. ARGV: unit, doc, updated_by, updated_at, after_submit (1|0),
// expected revision ('' for any: a whole replacement; else only onto that version).
const RedisScript kSaveDraft(R"lua(
local st = redis.call('HGET', KEYS[1], 'status')
if st == 'submitted' and ARGV[5] ~= '1' then return 'submitted' end
if ARGV[6] ~= '' and (redis.call('HGET', KEYS[1], 'rev') or '0') ~= ARGV[6] then
  return 'changed'
end
if not st then redis.call('HSET', KEYS[1], 'status', 'draft', 'late', '0') end
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'updated_by', ARGV[3], 'updated_at', ARGV[4])
redis.call('HINCRBY', KEYS[1], 'rev', 1)
redis.call('SADD', KEYS[2], ARGV[1])
return 'ok'
)lua");

// KEYS: part hash, year index, submission log, part history. ARGV: unit, by, at, late (1|0),
// doc ('' keeps the draft), log entry, history entry.
const RedisScript kSubmit(R"lua(
local st = redis.call('HGET', KEYS[1], 'status')
if st == 'submitted' then return 'submitted' end
if ARGV[5] == '' and not st then return 'missing' end
if ARGV[5] ~= '' then
  redis.call('HSET', KEYS[1], 'doc', ARGV[5], 'updated_by', ARGV[2], 'updated_at', ARGV[3])
  redis.call('HINCRBY', KEYS[1], 'rev', 1)
end
redis.call('HSET', KEYS[1], 'status', 'submitted', 'submitted_by', ARGV[2], 'submitted_at',
           ARGV[3], 'late', ARGV[4])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('RPUSH', KEYS[3], ARGV[6])
redis.call('RPUSH', KEYS[4], ARGV[7])
return 'ok'
)lua");

// KEYS: part hash, part history. ARGV: history entry. A submitted part back to draft.
const RedisScript kReopen(R"lua(
if redis.call('HGET', KEYS[1], 'status') ~= 'submitted' then return 'not_submitted' end
redis.call('HSET', KEYS[1], 'status', 'draft', 'late', '0')
redis.call('HDEL', KEYS[1], 'submitted_by', 'submitted_at')
redis.call('RPUSH', KEYS[2], ARGV[1])
return 'ok'
)lua");

std::string event_json(const PartEvent& e) {
  json j = {{"action", e.action}, {"by", e.by}, {"at", e.at}};
  if (!e.reason.empty()) j["reason"] = e.reason;
  return j.dump();
}

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

std::map<std::string, std::string> fields_of(const RedisReply& reply) {
  std::map<std::string, std::string> f;
  for (std::size_t i = 0; i + 1 < reply.elements.size(); i += 2) {
    f[reply.elements[i].str] = reply.elements[i + 1].str;
  }
  return f;
}

// The deliveries field: [{"to", "unit_id", "outcome", "notification_id"}, …].
std::string deliveries_json(const std::vector<Delivery>& list) {
  json out = json::array();
  for (const auto& d : list) {
    out.push_back({{"to", d.to},
                   {"unit_id", d.unit_id},
                   {"outcome", d.outcome},
                   {"notification_id", d.notification_id}});
  }
  return out.dump();
}

std::vector<Delivery> deliveries_of(const std::string& text) {
  std::vector<Delivery> out;
  auto j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& d : j) {
    if (!d.is_object()) continue;
    out.push_back({d.value("to", ""), d.value("unit_id", ""), d.value("outcome", ""),
                   d.value("notification_id", "")});
  }
  return out;
}

std::optional<Contribution> contribution_of(const RedisReply& reply) {
  auto f = fields_of(reply);
  if (f.find("doc") == f.end()) return std::nullopt;
  auto doc = json::parse(f["doc"], nullptr, false);
  Contribution c = contribution_from_json(doc.is_object() ? doc : json::object());
  c.submitted = f["status"] == "submitted";
  c.late = f["late"] == "1";
  c.updated_by = f["updated_by"];
  c.updated_at = f["updated_at"];
  c.submitted_by = f["submitted_by"];
  c.submitted_at = f["submitted_at"];
  c.revision = std::atoll(f["rev"].c_str());
  return c;
}
}  // namespace

ReportsStore::ReportsStore(RedisPool& redis, Keyspace keys)
    : redis_(redis), keys_(std::move(keys)) {}

std::string ReportsStore::contrib_key(int year, const std::string& unit) const {
  return keys_("contrib:" + std::to_string(year) + ":" + unit);
}

Task<bool> ReportsStore::seed_deadlines(const std::vector<Deadline>& seed) {
  std::vector<std::string> keys{keys_("deadlines:seeded"), keys_("deadlines")};
  std::vector<std::string> args;
  for (const auto& d : seed) args.push_back(d.id), args.push_back(to_json(d).dump());
  auto reply = co_await redis_.local().eval(kSeed, std::move(keys), std::move(args));
  co_return reply.number() == 1;
}

Task<std::vector<Deadline>> ReportsStore::deadlines() const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("deadlines"));
  std::vector<Deadline> out;
  for (const auto& [id, doc] : fields_of(reply)) {
    out.push_back(parse_deadline(json::parse(doc)));
  }
  co_return out;
}

Task<void> ReportsStore::put_deadline(const Deadline& d) {
  co_await redis_.local().call("HSET", keys_("deadlines"), d.id, to_json(d).dump());
}

Task<std::optional<std::vector<Indicator>>> ReportsStore::indicators(int year) const {
  auto reply = co_await redis_.local().call("GET", keys_("indicators:" + std::to_string(year)));
  if (reply.is_nil()) co_return std::nullopt;
  auto doc = json::parse(reply.str, nullptr, false);
  if (!doc.is_array()) co_return std::nullopt;
  std::vector<Indicator> out;
  for (const auto& i : doc) {
    out.push_back(
        {i.value("code", ""), i.value("label", ""), i.value("area", ""), i.value("unit", "")});
  }
  co_return out;
}

Task<void> ReportsStore::put_indicators(int year, const std::vector<Indicator>& list) {
  json doc = json::array();
  for (const auto& i : list) {
    doc.push_back({{"code", i.code}, {"label", i.label}, {"area", i.area}, {"unit", i.unit}});
  }
  co_await redis_.local().call("SET", keys_("indicators:" + std::to_string(year)), doc.dump());
}

Task<std::optional<Contribution>> ReportsStore::contribution(int year,
                                                             const std::string& unit) const {
  auto reply = co_await redis_.local().call("HGETALL", contrib_key(year, unit));
  co_return contribution_of(reply);
}

Task<std::vector<Contribution>> ReportsStore::contributions(int year) const {
  auto units = co_await redis_.local().call("SMEMBERS", keys_("contrib:" + std::to_string(year)));
  std::vector<std::vector<std::string>> cmds;
  for (const auto& u : units.elements) cmds.push_back({"HGETALL", contrib_key(year, u.str)});
  std::vector<Contribution> out;
  if (cmds.empty()) co_return out;
  auto replies = co_await redis_.local().batch(std::move(cmds));
  for (const auto& r : replies) {
    if (auto c = contribution_of(r)) out.push_back(std::move(*c));
  }
  std::sort(out.begin(), out.end(),
            [](const Contribution& a, const Contribution& b) { return a.unit_id < b.unit_id; });
  co_return out;
}

Task<SaveResult> ReportsStore::save_draft(const Contribution& c, bool after_submit,
                                          std::optional<long long> onto) {
  std::vector<std::string> keys{contrib_key(c.year, c.unit_id),
                                keys_("contrib:" + std::to_string(c.year))};
  std::string expected = onto ? std::to_string(*onto) : std::string();
  std::vector<std::string> args{c.unit_id,    to_json(c).dump(),        c.updated_by,
                                c.updated_at, after_submit ? "1" : "0", expected};
  auto reply = co_await redis_.local().eval(kSaveDraft, std::move(keys), std::move(args));
  if (reply.str == "ok") co_return SaveResult::Ok;
  co_return reply.str == "changed" ? SaveResult::Changed : SaveResult::AlreadySubmitted;
}

Task<SubmitResult> ReportsStore::submit(int year, const std::string& unit, const std::string& by,
                                        const std::string& at, bool late,
                                        const std::optional<Contribution>& update) {
  std::vector<std::string> keys{contrib_key(year, unit), keys_("contrib:" + std::to_string(year)),
                                keys_("contrib-log:" + std::to_string(year)),
                                history_key(year, unit)};
  json entry = {{"unit_id", unit}, {"by", by}, {"at", at}, {"late", late}};
  std::vector<std::string> args{unit,
                                by,
                                at,
                                late ? "1" : "0",
                                update ? to_json(*update).dump() : std::string(),
                                entry.dump(),
                                event_json({"submitted", by, at, ""})};
  auto reply = co_await redis_.local().eval(kSubmit, std::move(keys), std::move(args));
  if (reply.str == "ok") co_return SubmitResult::Ok;
  co_return reply.str == "missing" ? SubmitResult::Missing : SubmitResult::AlreadySubmitted;
}

Task<bool> ReportsStore::reopen(int year, const std::string& unit, const PartEvent& event) {
  std::vector<std::string> keys{contrib_key(year, unit), history_key(year, unit)};
  std::vector<std::string> args{event_json(event)};
  auto reply = co_await redis_.local().eval(kReopen, std::move(keys), std::move(args));
  co_return reply.str == "ok";
}

Task<std::vector<PartEvent>> ReportsStore::part_history(int year, const std::string& unit) const {
  auto reply = co_await redis_.local().call("LRANGE", history_key(year, unit), "0", "-1");
  std::vector<PartEvent> out;
  for (const auto& e : reply.elements) {
    auto j = json::parse(e.str, nullptr, false);
    if (!j.is_object()) continue;
    out.push_back(
        {j.value("action", ""), j.value("by", ""), j.value("at", ""), j.value("reason", "")});
  }
  co_return out;
}

std::string ReportsStore::history_key(int year, const std::string& unit) const {
  return keys_("contrib-history:" + std::to_string(year) + ":" + unit);
}

Task<std::optional<SentMark>> ReportsStore::sent(int year) const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("sent:" + std::to_string(year)));
  auto f = fields_of(reply);
  auto on = parse_iso_date(f["sent_on"]);
  if (!on) co_return std::nullopt;
  co_return SentMark{*on, f["number"], f["marked_by"], f["marked_at"], f["document_id"]};
}

Task<void> ReportsStore::mark_sent(int year, const SentMark& m) {
  co_await redis_.local().call("HSET", keys_("sent:" + std::to_string(year)), "sent_on",
                               iso_date(m.sent_on), "number", m.number, "marked_by", m.marked_by,
                               "marked_at", m.marked_at, "document_id", m.document_id);
}

Task<std::map<std::string, ReminderState>> ReportsStore::reminder_states(
    const std::vector<std::string>& keys) const {
  std::map<std::string, ReminderState> out;
  if (keys.empty()) co_return out;
  std::vector<std::vector<std::string>> cmds;
  for (const auto& k : keys) cmds.push_back({"HGETALL", keys_("reminder:" + k)});
  auto replies = co_await redis_.local().batch(std::move(cmds));
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto f = fields_of(replies[i]);
    out[keys[i]] = ReminderState{
        f["status"], f["notification_id"],          f["reason"], f["recorded_at"], f["error"],
        f["text"],   deliveries_of(f["deliveries"])};
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

Task<std::optional<DoneMark>> ReportsStore::done_mark(const std::string& deadline_id,
                                                      LocalDate due) const {
  auto reply = co_await redis_.local().call("HGETALL", done_key(deadline_id, due));
  auto f = fields_of(reply);
  auto on = parse_iso_date(f["done_on"]);
  if (!on) co_return std::nullopt;
  co_return DoneMark{*on, f["number"], f["note"], f["marked_by"], f["marked_at"], "mark"};
}

Task<void> ReportsStore::mark_done(const std::string& deadline_id, LocalDate due,
                                   const DoneMark& m) {
  co_await redis_.local().call("HSET", done_key(deadline_id, due), "done_on", iso_date(m.done_on),
                               "number", m.number, "note", m.note, "marked_by", m.marked_by,
                               "marked_at", m.marked_at);
}

std::string ReportsStore::done_key(const std::string& deadline_id, LocalDate due) const {
  return keys_("done:" + deadline_id + ":" + iso_date(due));
}

Task<void> ReportsStore::record_failed(const std::string& key, const std::string& error) {
  std::vector<std::string> keys{keys_("reminder:" + key)};
  std::vector<std::string> args{error};
  co_await redis_.local().eval(kFailed, std::move(keys), std::move(args));
}

Task<void> ReportsStore::record_deliveries(const std::string& key,
                                           const std::vector<Delivery>& deliveries) {
  co_await redis_.local().call("HSET", keys_("reminder:" + key), "deliveries",
                               deliveries_json(deliveries));
}

Task<bool> ReportsStore::hold_lease(const std::string& owner, long long ttl_ms) {
  std::vector<std::string> keys{keys_("planner:lease")};
  std::vector<std::string> args{owner, std::to_string(ttl_ms)};
  auto reply = co_await redis_.local().eval(kLease, std::move(keys), std::move(args));
  co_return reply.number() == 1;
}

}  // namespace thidua::reports
