#include "nominations/store/catalogue_store.hpp"

#include <nlohmann/json.hpp>

#include "nominations/store/catalogue_codec.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

// KEYS: seeded, units, staff, periods, awards, version. ARGV: counts (4) then id, json pairs
// per kind.
const RedisScript kSeed(R"lua(
if redis.call('SET', KEYS[1], '1', 'NX') == false then return 0 end
redis.call('INCR', KEYS[6])
local pos = 5
for k = 1, 4 do
  local n = tonumber(ARGV[k])
  for i = 1, n do
    redis.call('HSETNX', KEYS[k + 1], ARGV[pos], ARGV[pos + 1])
    pos = pos + 2
  end
end
return 1
)lua");

// Every change to the catalogue bumps its version in the same step, so no cached copy
// outlives a change. KEYS: hash, version. ARGV: field, value ('' deletes the field).
const RedisScript kPut(R"lua(
local changed
if ARGV[2] == '' then
  changed = redis.call('HDEL', KEYS[1], ARGV[1])
else
  changed = redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
redis.call('INCR', KEYS[2])
return changed
)lua");

// KEYS: code key, staff hash, the prefix of Zalo link keys, version, the account's wrong-code
// counter. ARGV: Zalo user id, wrong codes allowed, their window in seconds. Returns
// {'linked', staff id}, {'wrong'} (counted) or {'limited', seconds left} (nothing looked up).
// Single use: the code is deleted in the same step that links; a link clears the counter. Link keys
// are built from the prefix (they share the school's hash tag, so the script stays within one
// slot). One Zalo account speaks for one person: a colleague it spoke for until now loses the link,
// so their private messages no longer reach it.
const RedisScript kRedeem(R"lua(
local failures = tonumber(redis.call('GET', KEYS[5]) or '0')
if failures >= tonumber(ARGV[2]) then return {'limited', redis.call('TTL', KEYS[5])} end
local staff_id = redis.call('GET', KEYS[1])
local doc = staff_id and redis.call('HGET', KEYS[2], staff_id)
if not doc then
  if redis.call('INCR', KEYS[5]) == 1 then redis.call('EXPIRE', KEYS[5], ARGV[3]) end
  return {'wrong'}
end
redis.call('DEL', KEYS[1], KEYS[5])
local before = redis.call('GET', KEYS[3] .. ARGV[1])
if before and before ~= staff_id then
  local other_doc = redis.call('HGET', KEYS[2], before)
  if other_doc then
    local other = cjson.decode(other_doc)
    if other['zalo_user_id'] == ARGV[1] then
      other['zalo_user_id'] = ''
      redis.call('HSET', KEYS[2], before, cjson.encode(other))
    end
  end
end
local member = cjson.decode(doc)
if type(member['zalo_user_id']) == 'string' and member['zalo_user_id'] ~= '' and member['zalo_user_id'] ~= ARGV[1] then
  redis.call('DEL', KEYS[3] .. member['zalo_user_id'])
end
member['zalo_user_id'] = ARGV[1]
redis.call('HSET', KEYS[2], staff_id, cjson.encode(member))
redis.call('SET', KEYS[3] .. ARGV[1], staff_id)
redis.call('INCR', KEYS[4])
return {'linked', staff_id}
)lua");

// KEYS: staff hash, the prefix of Zalo link keys, version. ARGV: staff id. The person's Zalo
// link goes with the record: a link left behind would speak for whoever is given the same id
// next (the dashboard builds ids from names).
const RedisScript kRemoveStaff(R"lua(
local doc = redis.call('HGET', KEYS[1], ARGV[1])
if not doc then return 0 end
local zalo = cjson.decode(doc)['zalo_user_id']
if type(zalo) == 'string' and zalo ~= '' and redis.call('GET', KEYS[2] .. zalo) == ARGV[1] then
  redis.call('DEL', KEYS[2] .. zalo)
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('INCR', KEYS[3])
return 1
)lua");

template <class T, class Parse>
std::vector<T> parse_all(const RedisReply& reply, Parse parse) {
  std::vector<T> out;
  for (const auto& [id, value] : reply.fields()) out.push_back(parse(json::parse(value)));
  std::sort(out.begin(), out.end(), [](const T& a, const T& b) { return a.id < b.id; });
  return out;
}
}  // namespace

CatalogueStore::CatalogueStore(RedisPool& redis, Keyspace keys)
    : redis_(redis), keys_(std::move(keys)) {}

Task<bool> CatalogueStore::seed_once(const Catalogue& seed) {
  std::vector<std::string> keys{keys_("catalogue:seeded"), keys_("catalogue:units"),
                                keys_("catalogue:staff"),  keys_("catalogue:periods"),
                                keys_("catalogue:awards"), keys_("catalogue:version")};
  std::vector<std::string> args{
      std::to_string(seed.units.size()), std::to_string(seed.staff.size()),
      std::to_string(seed.periods.size()), std::to_string(seed.award_forms.size())};
  for (const auto& u : seed.units) args.push_back(u.id), args.push_back(stored::to_json(u).dump());
  for (const auto& s : seed.staff) args.push_back(s.id), args.push_back(stored::to_json(s).dump());
  for (const auto& p : seed.periods)
    args.push_back(p.id), args.push_back(stored::to_json(p).dump());
  for (const auto& a : seed.award_forms)
    args.push_back(a.code), args.push_back(stored::to_json(a).dump());
  auto reply = co_await redis_.local().eval(kSeed, std::move(keys), std::move(args));
  co_return reply.number() == 1;
}

Task<CatalogueRef> CatalogueStore::load() const {
  auto& redis = redis_.local();
  auto version_reply = co_await redis.call("GET", keys_("catalogue:version"));
  long long version = version_reply.is_nil() ? 0 : version_reply.number();
  auto& slot = cache_.at(current_loop_index());
  if (slot.catalogue && slot.version == version) co_return slot.catalogue;

  std::vector<std::vector<std::string>> cmds;
  for (const char* kind : {"units", "staff", "periods", "awards"}) {
    cmds.push_back({"HGETALL", keys_(std::string("catalogue:") + kind)});
  }
  auto replies = co_await redis.batch(std::move(cmds));
  Catalogue c;
  c.units = parse_all<Unit>(replies[0], stored::read_unit);
  c.staff = parse_all<StaffMember>(replies[1], stored::read_staff);
  c.periods = parse_all<Period>(replies[2], stored::read_period);
  for (const auto& [code, value] : replies[3].fields()) {
    c.award_forms.push_back(stored::read_award_form(json::parse(value)));
  }
  std::sort(c.award_forms.begin(), c.award_forms.end(),
            [](const AwardForm& a, const AwardForm& b) { return a.code < b.code; });
  auto fresh = std::make_shared<const Catalogue>(std::move(c));
  // Read after the version, so this copy is at least that new; never replace a newer one.
  if (version >= slot.version) slot = Cached{version, fresh};
  co_return fresh;
}

Task<void> CatalogueStore::put_entry(std::string kind, std::string id, std::string json) {
  std::vector<std::string> keys{keys_("catalogue:" + kind), keys_("catalogue:version")};
  std::vector<std::string> args{id, std::move(json)};
  co_await redis_.local().eval(kPut, std::move(keys), std::move(args));
}

Task<void> CatalogueStore::put(const Unit& u) {
  return put_entry("units", u.id, stored::to_json(u).dump());
}
Task<void> CatalogueStore::put(const StaffMember& s) {
  return put_entry("staff", s.id, stored::to_json(s).dump());
}
Task<void> CatalogueStore::put(const Period& p) {
  return put_entry("periods", p.id, stored::to_json(p).dump());
}
Task<void> CatalogueStore::put(const AwardForm& a) {
  return put_entry("awards", a.code, stored::to_json(a).dump());
}

Task<bool> CatalogueStore::remove_staff(const std::string& id) {
  std::vector<std::string> keys{keys_("catalogue:staff"), keys_("zalo:"),
                                keys_("catalogue:version")};
  std::vector<std::string> args{id};
  auto reply = co_await redis_.local().eval(kRemoveStaff, std::move(keys), std::move(args));
  co_return reply.number() > 0;
}

Task<void> CatalogueStore::save_link_code(const std::string& code, const std::string& staff_id,
                                          int ttl_seconds) {
  co_await redis_.local().call("SET", keys_("link-code:" + code), staff_id, "EX", ttl_seconds);
}

Task<CatalogueStore::Redeemed> CatalogueStore::redeem_link_code(const std::string& code,
                                                                const std::string& zalo_user_id) {
  std::vector<std::string> keys{keys_("link-code:" + code), keys_("catalogue:staff"),
                                keys_("zalo:"), keys_("catalogue:version"),
                                keys_("link-failures:" + zalo_user_id)};
  std::vector<std::string> args{zalo_user_id, std::to_string(kLinkFailuresPerAccount),
                                std::to_string(kLinkFailureWindowSeconds)};
  auto reply = co_await redis_.local().eval(kRedeem, std::move(keys), std::move(args));
  Redeemed out;
  const std::string said = reply.elements.empty() ? std::string() : reply.elements[0].str;
  if (said == "limited") {
    out.outcome = Redeemed::Outcome::TooManyWrong;
    long long ttl = reply.elements.size() == 2 ? reply.elements[1].integer : 0;
    out.retry_after = std::chrono::seconds(ttl > 0 ? ttl : kLinkFailureWindowSeconds);
  }
  if (said == "linked" && reply.elements.size() == 2) {
    out.outcome = Redeemed::Outcome::Linked;
    out.staff_id = reply.elements[1].str;
  }
  co_return out;
}

Task<std::string> CatalogueStore::staff_for_zalo(const std::string& zalo_user_id) const {
  auto reply = co_await redis_.local().call("GET", keys_("zalo:" + zalo_user_id));
  co_return reply.is_nil() ? std::string() : reply.str;
}

}  // namespace thidua::nominations
