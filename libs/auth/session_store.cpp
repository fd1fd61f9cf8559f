#include "auth/session_store.hpp"

#include <algorithm>

#include "auth/owned_entry.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"

namespace thidua::auth {
namespace {
using ids::kSessionIdLength;              // hex chars of a hash that name a code or a session
constexpr std::size_t kSecretBytes = 32;  // the cookie's value: 64 hex chars
constexpr std::size_t kAddressMax = 64;   // longer addresses are cut (an IPv6 fits)

long long ms(std::chrono::milliseconds d) {
  return d.count();
}
long long ms(Instant t) {
  return unix_millis(t);
}
Instant instant_of(const std::string& text) {
  return Instant(std::chrono::milliseconds(std::atoll(text.c_str())));
}
std::chrono::seconds seconds_of_ms(long long pttl) {
  return std::chrono::seconds(std::max(1LL, (pttl + 999) / 1000));
}

// KEYS: person, issued counter, code-of, new code, prefix of code keys.
// ARGV: staff, now ms, code ttl ms, window ms, max codes, new code id.
// Returns {1, 0} issued, {-1, ms left in the window} too many, {-2, 0} no such person.
const RedisScript kIssueCode(R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return {-2, 0} end
local n = redis.call('INCR', KEYS[2])
if n == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end
if n > tonumber(ARGV[5]) then return {-1, redis.call('PTTL', KEYS[2])} end
local old = redis.call('GET', KEYS[3])
if old then redis.call('DEL', KEYS[5] .. old) end
redis.call('HSET', KEYS[4], 'staff', ARGV[1], 'issued', ARGV[2])
redis.call('PEXPIRE', KEYS[4], ARGV[3])
redis.call('SET', KEYS[3], ARGV[6], 'PX', ARGV[3])
return {1, 0}
)lua");

// Single use: the code is deleted in the same step that opens the session, so two
// exchanges of one code at once open one session.
// KEYS: code, failures counter, new session, prefix of person keys, prefix of sessions-of
// keys, prefix of code-of keys.
// ARGV: max failures, window ms, session id, secret hash, now ms, expires ms, ttl ms,
// address, code id.
// Returns {1, staff} signed in, {0, attempts left} wrong code, {-1, ms left} too many
// failures, {-2, 0} the person is gone.
const RedisScript kExchange(R"lua(
local failures = tonumber(redis.call('GET', KEYS[2]) or '0')
if failures >= tonumber(ARGV[1]) then return {-1, redis.call('PTTL', KEYS[2])} end
local staff = redis.call('HGET', KEYS[1], 'staff')
if not staff then
  failures = redis.call('INCR', KEYS[2])
  if failures == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
  return {0, tonumber(ARGV[1]) - failures}
end
redis.call('DEL', KEYS[1])
if redis.call('GET', KEYS[6] .. staff) == ARGV[9] then redis.call('DEL', KEYS[6] .. staff) end
if redis.call('EXISTS', KEYS[4] .. staff) == 0 then return {-2, 0} end
redis.call('HSET', KEYS[3], 'hash', ARGV[4], 'subject', staff, 'created', ARGV[5],
           'expires', ARGV[6], 'renewed', ARGV[5], 'address', ARGV[8])
redis.call('PEXPIRE', KEYS[3], ARGV[7])
redis.call('SADD', KEYS[5] .. staff, ARGV[3])
return {1, staff}
)lua");

// KEYS: session. ARGV: expires ms, ttl ms, now ms. Never brings back an ended session.
const RedisScript kRenew(R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'expires', ARGV[1], 'renewed', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
)lua");

// KEYS: sessions-of, prefix of session keys. Returns how many sessions were live.
const RedisScript kEndAll(R"lua(
local ids = redis.call('SMEMBERS', KEYS[1])
local live = 0
for _, id in ipairs(ids) do live = live + redis.call('DEL', KEYS[2] .. id) end
redis.call('DEL', KEYS[1])
return live
)lua");
}  // namespace

SessionStore::SessionStore(RedisPool& redis, const TokenStore& tokens, std::string school,
                           const Clock& clock, SignInLimits limits, SessionPolicy policy)
    : redis_(redis),
      tokens_(tokens),
      keys_(std::move(school), "auth"),
      clock_(clock),
      limits_(limits),
      policy_(policy) {}

std::string SessionStore::id_of(const std::string& secret) {
  if (secret.size() != kSecretBytes * 2) return {};
  return crypto::sha256_hex(secret).substr(0, kSessionIdLength);
}

Task<CodeIssue> SessionStore::issue_code(std::string staff_id) const {
  CodeIssue out;
  out.code = new_code();
  const Instant now = clock_.now();
  out.expires = now + limits_.code_ttl;
  const std::string code_id = crypto::sha256_hex(out.code).substr(0, kSessionIdLength);
  std::vector<std::string> keys{keys_("person:" + staff_id), keys_("sign-in-issued:" + staff_id),
                                keys_("sign-in-code-of:" + staff_id),
                                keys_("sign-in-code:" + code_id), keys_("sign-in-code:")};
  std::vector<std::string> args{
      staff_id,
      std::to_string(ms(now)),
      std::to_string(ms(std::chrono::duration_cast<std::chrono::milliseconds>(limits_.code_ttl))),
      std::to_string(ms(std::chrono::duration_cast<std::chrono::milliseconds>(limits_.window))),
      std::to_string(limits_.codes_per_person),
      code_id};
  auto reply = co_await redis_.local().eval(kIssueCode, std::move(keys), std::move(args));
  long long verdict = reply.elements.size() == 2 ? reply.elements[0].number() : -2;
  if (verdict == 1) {
    out.outcome = CodeIssue::Outcome::Issued;
  } else {
    out.code.clear();
    out.outcome = verdict == -1 ? CodeIssue::Outcome::TooMany : CodeIssue::Outcome::NoPerson;
    if (verdict == -1) out.retry_after = seconds_of_ms(reply.elements[1].number());
  }
  co_return out;
}

Task<Exchange> SessionStore::exchange(std::string code, std::string address) const {
  Exchange out;
  const Instant now = clock_.now();
  out.secret = crypto::random_hex(kSecretBytes);
  const std::string hash = crypto::sha256_hex(out.secret);
  out.id = hash.substr(0, kSessionIdLength);
  out.expires = first_expiry(now, policy_);
  const std::string addr = address.substr(0, kAddressMax);
  const std::string code_id = crypto::sha256_hex(code).substr(0, kSessionIdLength);
  std::vector<std::string> keys{keys_("sign-in-code:" + code_id),
                                keys_("sign-in-failures:" + addr),
                                keys_("session:" + out.id),
                                keys_("person:"),
                                keys_("sessions-of:"),
                                keys_("sign-in-code-of:")};
  std::vector<std::string> args{
      std::to_string(limits_.failures_per_address),
      std::to_string(ms(std::chrono::duration_cast<std::chrono::milliseconds>(limits_.window))),
      out.id,
      hash,
      std::to_string(ms(now)),
      std::to_string(ms(out.expires)),
      std::to_string(ms(out.expires) - ms(now)),
      addr,
      code_id};
  auto reply = co_await redis_.local().eval(kExchange, std::move(keys), std::move(args));
  long long verdict = reply.elements.size() == 2 ? reply.elements[0].number() : 0;
  if (verdict == 1) {
    out.outcome = Exchange::Outcome::SignedIn;
    out.staff_id = reply.elements[1].str;
    co_return out;
  }
  out.secret.clear();
  out.id.clear();
  if (verdict == 0) {
    out.outcome = Exchange::Outcome::WrongCode;
    out.attempts_left = static_cast<int>(std::max(0LL, reply.elements[1].number()));
  } else if (verdict == -1) {
    out.outcome = Exchange::Outcome::TooManyFailures;
    out.retry_after = seconds_of_ms(reply.elements[1].number());
  } else {
    out.outcome = Exchange::Outcome::NoPerson;
  }
  co_return out;
}

Task<std::optional<Principal>> SessionStore::resolve(std::string secret) const {
  const std::string id = id_of(secret);
  if (id.empty()) co_return std::nullopt;
  const std::string key = keys_("session:" + id);
  auto reply = co_await redis_.local().call("HMGET", key, "hash", "subject", "created", "expires");
  if (reply.elements.size() != 4 || reply.elements[0].is_nil() || reply.elements[3].is_nil())
    co_return std::nullopt;
  if (!crypto::digests_equal(reply.elements[0].str, crypto::sha256_hex(secret)))
    co_return std::nullopt;
  const std::string subject = reply.elements[1].str;
  SessionTimes times{instant_of(reply.elements[2].str), instant_of(reply.elements[3].str)};
  const Instant now = clock_.now();
  auto decision = decide_session(times, now, policy_);
  if (decision.verdict == SessionVerdict::Expired) {
    co_await end(id);
    co_return std::nullopt;
  }
  if (decision.verdict == SessionVerdict::Renew) {
    std::vector<std::string> keys{key};
    std::vector<std::string> args{std::to_string(ms(decision.expires)),
                                  std::to_string(ms(decision.expires) - ms(now)),
                                  std::to_string(ms(now))};
    co_await redis_.local().eval(kRenew, std::move(keys), std::move(args));
  }
  co_return co_await tokens_.person(subject);
}

Task<std::vector<SessionInfo>> SessionStore::sessions_of(const std::string& staff_id) const {
  auto& redis = redis_.local();
  auto ids = co_await redis.call("SMEMBERS", keys_("sessions-of:" + staff_id));
  std::vector<std::vector<std::string>> cmds;
  for (const auto& id : ids.elements) {
    cmds.push_back(
        {"HMGET", keys_("session:" + id.str), "created", "renewed", "expires", "address"});
  }
  std::vector<SessionInfo> out;
  if (cmds.empty()) co_return out;
  auto replies = co_await redis.batch(std::move(cmds));
  const Instant now = clock_.now();
  for (std::size_t i = 0; i < replies.size() && i < ids.elements.size(); ++i) {
    const auto& r = replies[i];
    if (r.elements.size() != 4 || r.elements[0].is_nil()) continue;  // ended meanwhile
    Instant created = instant_of(r.elements[0].str);
    Instant expires = instant_of(r.elements[2].str);
    if (decide_session({created, expires}, now, policy_).verdict == SessionVerdict::Expired)
      continue;
    SessionInfo s;
    s.id = ids.elements[i].str;
    s.created_at = iso_instant(created);
    s.last_active = iso_instant(instant_of(r.elements[1].str));
    s.expires_at = iso_instant(expires);
    s.address = r.elements[3].str;
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(),
            [](const SessionInfo& a, const SessionInfo& b) { return a.created_at < b.created_at; });
  co_return out;
}

Task<bool> SessionStore::end(const std::string& id) const {
  std::vector<std::string> keys{keys_("session:" + id), keys_("sessions-of:")};
  std::vector<std::string> args{id};  // named: GCC 12 and braced lists beside co_await
  auto reply = co_await redis_.local().eval(kRemoveOwnedEntry, std::move(keys), std::move(args));
  co_return reply.number() > 0;
}

Task<long long> SessionStore::end_all(const std::string& staff_id) const {
  std::vector<std::string> keys{keys_("sessions-of:" + staff_id), keys_("session:")};
  std::vector<std::string> args;
  auto reply = co_await redis_.local().eval(kEndAll, std::move(keys), std::move(args));
  co_return reply.number();
}

}  // namespace thidua::auth
