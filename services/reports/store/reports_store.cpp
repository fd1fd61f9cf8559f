#include "reports/store/reports_store.hpp"

// The deadlines, the year's indicators, the report marked sent and the deadlines marked done
// (ReportsStore, reports_store.hpp); the parts are in parts_store.cpp, the reminders in
// reminder_store.cpp, the values' format in stored_forms.hpp.
#include "reports/store/stored_forms.hpp"

namespace thidua::reports {
namespace {
// KEYS: seeded flag, deadlines hash. ARGV: id, json pairs.
const RedisScript kSeed(R"lua(
if redis.call('SET', KEYS[1], '1', 'NX') == false then return 0 end
for i = 1, #ARGV, 2 do redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1]) end
return 1
)lua");
}  // namespace

ReportsStore::ReportsStore(RedisPool& redis, Keyspace keys)
    : redis_(redis), keys_(std::move(keys)) {}

Task<bool> ReportsStore::seed_deadlines(const std::vector<Deadline>& seed) {
  std::vector<std::string> keys{keys_("deadlines:seeded"), keys_("deadlines")};
  std::vector<std::string> args;
  for (const auto& d : seed) args.push_back(d.id), args.push_back(stored_deadline(d));
  auto reply = co_await redis_.local().eval(kSeed, std::move(keys), std::move(args));
  co_return reply.number() == 1;
}

Task<std::vector<Deadline>> ReportsStore::deadlines() const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("deadlines"));
  std::vector<Deadline> out;
  for (const auto& [id, doc] : reply.fields()) out.push_back(deadline_from_stored(doc));
  co_return out;
}

Task<void> ReportsStore::put_deadline(const Deadline& d) {
  co_await redis_.local().call("HSET", keys_("deadlines"), d.id, stored_deadline(d));
}

Task<std::optional<std::vector<Indicator>>> ReportsStore::indicators(int year) const {
  auto reply = co_await redis_.local().call("GET", keys_("indicators:" + std::to_string(year)));
  if (reply.is_nil()) co_return std::nullopt;
  co_return indicators_from_stored(reply.str);
}

Task<void> ReportsStore::put_indicators(int year, const std::vector<Indicator>& list) {
  co_await redis_.local().call("SET", keys_("indicators:" + std::to_string(year)),
                               stored_indicators(list));
}

Task<std::optional<SentMark>> ReportsStore::sent(int year) const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("sent:" + std::to_string(year)));
  auto f = reply.fields();
  auto on = parse_iso_date(f["sent_on"]);
  if (!on) co_return std::nullopt;
  co_return SentMark{*on, f["number"], f["marked_by"], f["marked_at"], f["document_id"]};
}

Task<void> ReportsStore::mark_sent(int year, const SentMark& m) {
  co_await redis_.local().call("HSET", keys_("sent:" + std::to_string(year)), "sent_on",
                               iso_date(m.sent_on), "number", m.number, "marked_by", m.marked_by,
                               "marked_at", m.marked_at, "document_id", m.document_id);
}

Task<std::optional<DoneMark>> ReportsStore::done_mark(const std::string& deadline_id,
                                                      LocalDate due) const {
  auto reply = co_await redis_.local().call("HGETALL", done_key(deadline_id, due));
  auto f = reply.fields();
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

}  // namespace thidua::reports
