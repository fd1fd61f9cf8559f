#pragma once
// Sign-in codes and dashboard sessions (issue 12), shared by every service: a code asked for
// through the bot (/dangnhap) is exchanged once for a session; the session's cookie then
// names the person on every service's routes, with the role of their current record (as a
// bearer token does: TokenStore::person).
// Only hashes are stored: the code's and the cookie's SHA-256. Keys (school's hash tag):
//   {school}:auth:sign-in-code:{code id}   hash: staff, issued; expires with the code
//   {school}:auth:sign-in-code-of:{staff}  the person's live code id (a new code replaces it)
//   {school}:auth:sign-in-issued:{staff}   codes asked for in the window (counter)
//   {school}:auth:sign-in-failures:{addr}  wrong codes from one client address (counter)
//   {school}:auth:session:{id}             hash: hash, subject, created, expires, renewed,
//                                          address (instants in Unix ms); expires with it
//   {school}:auth:sessions-of:{staff}      set of session ids (TokenStore ends them when the
//                                          person is removed or their role changes)
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "auth/sign_in.hpp"
#include "auth/token_store.hpp"

namespace thidua::auth {

struct CodeIssue {
  enum class Outcome { Issued, TooMany, NoPerson } outcome = Outcome::NoPerson;
  std::string code;  // kCodeLength symbols of kCodeAlphabet (display_code shows it grouped)
  Instant expires;
  std::chrono::seconds retry_after{0};  // with TooMany: when the window ends
};

struct Exchange {
  enum class Outcome {
    SignedIn,
    WrongCode,
    TooManyFailures,
    NoPerson
  } outcome = Outcome::WrongCode;
  std::string secret;  // the cookie's value, shown once (SignedIn)
  std::string id;      // the session's id, as admins see it
  std::string staff_id;
  Instant expires;
  int attempts_left = 0;                // with WrongCode
  std::chrono::seconds retry_after{0};  // with TooManyFailures
};

// A session as admins see it: never the secret.
struct SessionInfo {
  std::string id;
  std::string created_at;   // ISO 8601 UTC
  std::string last_active;  // ISO 8601 UTC, to SessionPolicy::renew_step
  std::string expires_at;   // ISO 8601 UTC: the end if unused from now
  std::string address;      // the client address it was opened from
};

// The coroutines take their strings by value: a caller's temporary (a lambda's parameter, as
// in the pipeline's resolver) would be gone before the coroutine reads it.
class SessionStore {
 public:
  SessionStore(RedisPool& redis, const TokenStore& tokens, std::string school, const Clock& clock,
               SignInLimits limits, SessionPolicy policy);

  // A one-time code for `staff_id` (who must have a person record), replacing their previous
  // one; at most limits.codes_per_person in a window.
  Task<CodeIssue> issue_code(std::string staff_id) const;
  // Exchanges a code (normalised: normalise_code) for a session, atomically: a code opens one
  // session at most, however many try it at once. A wrong, used or expired code counts
  // against `address`; past limits.failures_per_address even a right one is refused until
  // the window ends.
  Task<Exchange> exchange(std::string code, std::string address) const;
  // The person behind a session cookie, with their current role; nullopt when the session
  // is unknown, ended or expired (an expired one is removed). Renews it (decide_session).
  Task<std::optional<Principal>> resolve(std::string secret) const;
  // The session id a cookie value names ("" when it cannot be one).
  static std::string id_of(const std::string& secret);
  // The person's live sessions, oldest first.
  Task<std::vector<SessionInfo>> sessions_of(const std::string& staff_id) const;
  // Ends one session; true when it existed.
  Task<bool> end(const std::string& id) const;
  // Ends all of a person's sessions; how many there were.
  Task<long long> end_all(const std::string& staff_id) const;

  const SignInLimits& limits() const { return limits_; }
  const SessionPolicy& policy() const { return policy_; }

 private:
  RedisPool& redis_;
  const TokenStore& tokens_;
  Keyspace keys_;
  const Clock& clock_;
  SignInLimits limits_;
  SessionPolicy policy_;
};

}  // namespace thidua::auth
