#pragma once
// API tokens. Only a token's SHA-256 is stored; the token itself is shown once when it is
// issued. Every service resolves tokens through this one table, so a token revoked in
// nominations stops working everywhere at once.
#include <optional>
#include <string>

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

class TokenStore {
 public:
  TokenStore(RedisPool& redis, std::string school, BootstrapTokens bootstrap);
  Task<std::optional<Principal>> resolve(std::string token) const;
  Task<IssuedToken> issue(const Principal& holder, const std::string& issued_by) const;
  // True when a token with that id existed.
  Task<bool> revoke(const std::string& id) const;

 private:
  RedisPool& redis_;
  Keyspace keys_;
  // SHA-256 of each bootstrap token, computed once: a request hashes only its own token.
  std::string admin_hash_;
  std::string service_hash_;
};

}  // namespace thidua::auth
