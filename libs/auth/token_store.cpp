#include "auth/token_store.hpp"

#include <algorithm>

#include "auth/owned_entry.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "core/messages.hpp"

namespace thidua::auth {
namespace {
using ids::kTokenIdLength;
// last_used is written at most this often per token: one write a minute, not per request.
constexpr long long kLastUsedResolutionMs = 60 * 1000;

// KEYS: token, tokens-of set. ARGV: hash, subject, issued_by, issued_at, token id.
const RedisScript kIssue(R"lua(
redis.call('HSET', KEYS[1], 'hash', ARGV[1], 'subject', ARGV[2], 'issued_by', ARGV[3],
           'issued_at', ARGV[4])
redis.call('SADD', KEYS[2], ARGV[5])
return 1
)lua");

// KEYS: person, people set, sessions-of set, prefix of session keys.
// ARGV: staff id, role, name, only_if_absent ('1' or '0').
// A change of role ends the person's dashboard sessions (SessionStore) in the same step: a
// demoted colleague signs in again, and nobody keeps a page opened with the old rights.
const RedisScript kPutPerson(R"lua(
if ARGV[4] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local old = redis.call('HGET', KEYS[1], 'role')
if old and old ~= ARGV[2] then
  for _, id in ipairs(redis.call('SMEMBERS', KEYS[3])) do redis.call('DEL', KEYS[4] .. id) end
  redis.call('DEL', KEYS[3])
end
redis.call('HSET', KEYS[1], 'role', ARGV[2], 'name', ARGV[3])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
)lua");

// KEYS: person, people set, tokens-of set, prefix of token keys, sessions-of set, prefix of
// session keys. ARGV: staff id. Token and session keys are built from the prefixes: they
// share the school's hash tag (one slot). The person's dashboard sessions end with them.
const RedisScript kRemovePerson(R"lua(
local ids = redis.call('SMEMBERS', KEYS[3])
for _, id in ipairs(ids) do redis.call('DEL', KEYS[4] .. id) end
for _, id in ipairs(redis.call('SMEMBERS', KEYS[5])) do redis.call('DEL', KEYS[6] .. id) end
redis.call('DEL', KEYS[1], KEYS[3], KEYS[5])
redis.call('SREM', KEYS[2], ARGV[1])
return #ids
)lua");
}  // namespace

TokenStore::TokenStore(RedisPool& redis, std::string school, BootstrapTokens bootstrap)
    : redis_(redis),
      keys_(std::move(school), "auth"),
      admin_hash_(bootstrap.admin.empty() ? "" : crypto::sha256_hex(bootstrap.admin)),
      service_hash_(bootstrap.service.empty() ? "" : crypto::sha256_hex(bootstrap.service)) {}

Task<std::optional<Principal>> TokenStore::person(const std::string& staff_id) const {
  // No one's id outside the staff alphabet: no key is built from it, no lookup made.
  if (!ids::staff(staff_id)) co_return std::nullopt;
  auto reply = co_await redis_.local().call("HMGET", keys_("person:" + staff_id), "role", "name");
  if (reply.elements.size() != 2 || reply.elements[0].is_nil()) co_return std::nullopt;
  auto role = parse_role(reply.elements[0].str);
  if (!role || *role == Role::Service) co_return std::nullopt;
  co_return Principal{true, *role, staff_id, reply.elements[1].str};
}

Task<std::optional<Principal>> TokenStore::resolve(std::string token,
                                                   std::string acting_for) const {
  if (token.empty() || token.size() > 256) co_return std::nullopt;
  // Hashes are compared, not tokens, so the time taken never depends on the secret's
  // length; both bootstrap tokens are always compared, in constant time, whatever matches.
  auto hash = crypto::sha256_hex(token);
  bool is_admin = !admin_hash_.empty() && crypto::digests_equal(hash, admin_hash_);
  bool is_service = !service_hash_.empty() && crypto::digests_equal(hash, service_hash_);
  if (is_service && !acting_for.empty()) co_return co_await person(acting_for);
  if (!acting_for.empty()) co_return std::nullopt;  // only the service acts for someone
  if (is_admin) {
    Principal admin{true, Role::Admin, "bootstrap-admin", common::say("principal.bootstrap_admin")};
    co_return admin;
  }
  if (is_service) {
    Principal service{true, Role::Service, "service", role_label(Role::Service)};
    co_return service;
  }
  // A stored token is found by its hash: the lookup key is not the secret itself.
  std::string key = keys_("token:" + hash.substr(0, kTokenIdLength));
  auto reply = co_await redis_.local().call("HMGET", key, "hash", "subject", "last_used");
  if (reply.elements.size() != 3 || reply.elements[0].is_nil()) co_return std::nullopt;
  if (!crypto::digests_equal(reply.elements[0].str, hash)) co_return std::nullopt;
  auto principal = co_await person(reply.elements[1].str);
  if (!principal) co_return std::nullopt;
  auto now = std::chrono::system_clock::now();
  long long now_ms = unix_millis(now);
  long long last = reply.elements[2].is_nil() ? 0 : std::atoll(reply.elements[2].str.c_str());
  if (now_ms - last >= kLastUsedResolutionMs) {
    co_await redis_.local().call("HSET", key, "last_used", std::to_string(now_ms));
  }
  co_return principal;
}

Task<IssuedToken> TokenStore::issue(const Principal& holder, const std::string& issued_by) const {
  IssuedToken out;
  out.token = "tdk_" + crypto::random_hex(24);
  auto hash = crypto::sha256_hex(out.token);
  out.id = hash.substr(0, kTokenIdLength);
  std::vector<std::string> keys{keys_("token:" + out.id), keys_("tokens-of:" + holder.subject)};
  std::vector<std::string> args{hash, holder.subject, issued_by,
                                iso_instant(std::chrono::system_clock::now()), out.id};
  co_await redis_.local().eval(kIssue, std::move(keys), std::move(args));
  co_return out;
}

Task<std::vector<TokenInfo>> TokenStore::tokens_of(const std::string& staff_id) const {
  auto& redis = redis_.local();
  auto ids = co_await redis.call("SMEMBERS", keys_("tokens-of:" + staff_id));
  std::vector<std::vector<std::string>> cmds;
  for (const auto& id : ids.elements) {
    cmds.push_back({"HMGET", keys_("token:" + id.str), "issued_by", "issued_at", "last_used"});
  }
  std::vector<TokenInfo> out;
  if (cmds.empty()) co_return out;
  auto replies = co_await redis.batch(std::move(cmds));
  for (std::size_t i = 0; i < replies.size() && i < ids.elements.size(); ++i) {
    const auto& r = replies[i];
    if (r.elements.size() != 3 || r.elements[1].is_nil()) continue;  // revoked meanwhile
    TokenInfo t;
    t.id = ids.elements[i].str;
    t.issued_by = r.elements[0].str;
    t.issued_at = r.elements[1].str;
    if (!r.elements[2].is_nil()) {
      auto ms = std::atoll(r.elements[2].str.c_str());
      t.last_used = iso_instant(Instant(std::chrono::milliseconds(ms)));
    }
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(),
            [](const TokenInfo& a, const TokenInfo& b) { return a.issued_at < b.issued_at; });
  co_return out;
}

Task<bool> TokenStore::revoke(const std::string& id) const {
  std::vector<std::string> keys{keys_("token:" + id), keys_("tokens-of:")};
  std::vector<std::string> args{id};  // named: GCC 12 and braced lists beside co_await
  auto reply = co_await redis_.local().eval(kRemoveOwnedEntry, std::move(keys), std::move(args));
  co_return reply.number() > 0;
}

Task<void> TokenStore::put_person(const Person& p) const {
  std::vector<std::string> keys{keys_("person:" + p.id), keys_("people"),
                                keys_("sessions-of:" + p.id), keys_("session:")};
  std::vector<std::string> args{p.id, std::string(role_name(p.role)), p.name, "0"};
  co_await redis_.local().eval(kPutPerson, std::move(keys), std::move(args));
}

Task<void> TokenStore::add_missing_people(const std::vector<Person>& people) const {
  for (const auto& p : people) {
    std::vector<std::string> keys{keys_("person:" + p.id), keys_("people"),
                                  keys_("sessions-of:" + p.id), keys_("session:")};
    std::vector<std::string> args{p.id, std::string(role_name(p.role)), p.name, "1"};
    co_await redis_.local().eval(kPutPerson, std::move(keys), std::move(args));
  }
}

Task<long long> TokenStore::remove_person(const std::string& staff_id) const {
  std::vector<std::string> keys{keys_("person:" + staff_id),      keys_("people"),
                                keys_("tokens-of:" + staff_id),   keys_("token:"),
                                keys_("sessions-of:" + staff_id), keys_("session:")};
  std::vector<std::string> args{staff_id};
  auto reply = co_await redis_.local().eval(kRemovePerson, std::move(keys), std::move(args));
  co_return reply.number();
}

}  // namespace thidua::auth
