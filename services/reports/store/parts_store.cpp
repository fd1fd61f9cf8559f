// The units' parts of the yearly report and their history (ReportsStore, reports_store.hpp).
#include <algorithm>
#include <cstdlib>

#include "reports/store/reports_store.hpp"
#include "reports/store/stored_forms.hpp"

namespace thidua::reports {
namespace {
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

std::optional<Contribution> contribution_of(const RedisReply& reply) {
  auto f = reply.fields();
  if (f.find("doc") == f.end()) return std::nullopt;
  Contribution c = contribution_from_stored(f["doc"]);
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

std::string ReportsStore::contrib_key(int year, const std::string& unit) const {
  return keys_("contrib:" + std::to_string(year) + ":" + unit);
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
  std::vector<std::string> args{c.unit_id,    stored_contribution(c),   c.updated_by,
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
  std::vector<std::string> args{unit,
                                by,
                                at,
                                late ? "1" : "0",
                                update ? stored_contribution(*update) : std::string(),
                                stored_submission(unit, by, at, late),
                                stored_part_event({"submitted", by, at, ""})};
  auto reply = co_await redis_.local().eval(kSubmit, std::move(keys), std::move(args));
  if (reply.str == "ok") co_return SubmitResult::Ok;
  co_return reply.str == "missing" ? SubmitResult::Missing : SubmitResult::AlreadySubmitted;
}

Task<bool> ReportsStore::reopen(int year, const std::string& unit, const PartEvent& event) {
  std::vector<std::string> keys{contrib_key(year, unit), history_key(year, unit)};
  std::vector<std::string> args{stored_part_event(event)};
  auto reply = co_await redis_.local().eval(kReopen, std::move(keys), std::move(args));
  co_return reply.str == "ok";
}

Task<std::vector<PartEvent>> ReportsStore::part_history(int year, const std::string& unit) const {
  auto reply = co_await redis_.local().call("LRANGE", history_key(year, unit), "0", "-1");
  std::vector<PartEvent> out;
  for (const auto& e : reply.elements) {
    if (auto event = part_event_from_stored(e.str)) out.push_back(std::move(*event));
  }
  co_return out;
}

std::string ReportsStore::history_key(int year, const std::string& unit) const {
  return keys_("contrib-history:" + std::to_string(year) + ":" + unit);
}

}  // namespace thidua::reports
