#pragma once
// API tokens and the people they belong to. Only a token's SHA-256 is stored; the token
// itself is shown once when it is issued. Every service resolves tokens through this one
// table, so a token revoked in nominations stops working everywhere at once.
//
// What a token may do is never stored with the token: it is read on every request from the
// person's current record, {school}:auth:person:{staff_id} (role, name), which nominations
// keeps in step with its staff catalogue (written before a staff change is stored, removed
// with the person's tokens before a deletion, and re-synced at start-up). A deleted person's
// tokens are refused at once, a demoted person's act with the new role, in every service.
// Keys (all under the school's hash tag, so one slot):
//   {school}:auth:token:{id}        hash: hash, subject, issued_by, issued_at, last_used
//   {school}:auth:person:{staff}    hash: role, name
//   {school}:auth:tokens-of:{staff} set of token ids
//   {school}:auth:people            set of staff ids with a person record
// Dashboard sessions, also ended here when a person goes or changes role: session_store.hpp.
#include <optional>
#include <string>
#include <vector>

#include "core/keyspace.hpp"
#include "core/roles.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::auth {

struct BootstrapTokens {
  std::string admin;    // THIDUA_ADMIN_TOKEN
  std::string service;  // THIDUA_SERVICE_TOKEN
};

struct IssuedToken {
  std::string token;  // shown once
  std::string id;     // the hash prefix that names it in lists and revocation
};

// A token as admins see it: never the secret or its hash.
struct TokenInfo {
  std::string id;
  std::string issued_by;
  std::string issued_at;  // ISO 8601 UTC
  std::string last_used;  // ISO 8601 UTC, to the minute; "" when never used
};

// A person as authorisation needs them: the staff id, the current role and the name.
struct Person {
  std::string id;
  Role role = Role::Staff;
  std::string name;
};

class TokenStore {
 public:
  TokenStore(RedisPool& redis, std::string school, BootstrapTokens bootstrap);

  // The principal behind `token`, with the role of the person's current record, or nullopt
  // (unknown, revoked, or the person no longer exists). With `acting_for` (a staff id, from
  // the X-Acting-For header), the service token acts as that person with their current
  // role: the chat bot's calls carry the rights of the colleague who typed the command,
  // never more. Any other token with `acting_for` is refused.
  Task<std::optional<Principal>> resolve(std::string token, std::string acting_for = "") const;
  // Issues a token for a staff member (`holder.subject`); the role is read at each use.
  Task<IssuedToken> issue(const Principal& holder, const std::string& issued_by) const;
  // The tokens of one staff member, oldest first.
  Task<std::vector<TokenInfo>> tokens_of(const std::string& staff_id) const;
  // True when a token with that id existed.
  Task<bool> revoke(const std::string& id) const;

  // Writes the person's current role and name (create or change); a change of role ends
  // their dashboard sessions (SessionStore) at once.
  Task<void> put_person(const Person& person) const;
  // Removes the person, revokes all their tokens and ends their dashboard sessions; returns
  // how many tokens were revoked.
  Task<long long> remove_person(const std::string& staff_id) const;
  // Writes the records of those in `people` who have none; never changes or removes one, so
  // a start-up racing an admin's change cannot undo a demotion. Run at start-up from the
  // staff catalogue (data from before people were kept) and when a token is issued.
  Task<void> add_missing_people(const std::vector<Person>& people) const;

  // The person `staff_id` as a principal with their current role and name; nullopt when
  // they have no record (removed). Sessions name people through this too.
  Task<std::optional<Principal>> person(const std::string& staff_id) const;

 private:
  RedisPool& redis_;
  Keyspace keys_;
  // SHA-256 of each bootstrap token, computed once: a request hashes only its own token.
  std::string admin_hash_;
  std::string service_hash_;
};

}  // namespace thidua::auth
