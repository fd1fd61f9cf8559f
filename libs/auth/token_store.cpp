#include "auth/token_store.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"

namespace thidua::auth {
namespace {
constexpr std::size_t kIdLength = 16;  // hex chars of the hash that name a token
}

TokenStore::TokenStore(RedisPool& redis, std::string school, BootstrapTokens bootstrap)
    : redis_(redis),
      keys_(std::move(school), "auth"),
      admin_hash_(bootstrap.admin.empty() ? "" : crypto::sha256_hex(bootstrap.admin)),
      service_hash_(bootstrap.service.empty() ? "" : crypto::sha256_hex(bootstrap.service)) {}

Task<std::optional<Principal>> TokenStore::resolve(std::string token) const {
  if (token.empty() || token.size() > 256) co_return std::nullopt;
  // Hashes are compared, not tokens, so the time taken never depends on the secret's
  // length; both bootstrap tokens are always compared, in constant time, whatever matches.
  auto hash = crypto::sha256_hex(token);
  bool is_admin = !admin_hash_.empty() && crypto::digests_equal(hash, admin_hash_);
  bool is_service = !service_hash_.empty() && crypto::digests_equal(hash, service_hash_);
  if (is_admin) co_return Principal{true, Role::Admin, "bootstrap-admin", "Quản trị (khởi tạo)"};
  if (is_service) co_return Principal{true, Role::Service, "service", "Dịch vụ nội bộ"};
  // A stored token is found by its hash: the lookup key is not the secret itself.
  auto reply = co_await redis_.local().call("HMGET", keys_("token:" + hash.substr(0, kIdLength)),
                                            "hash", "role", "subject", "name");
  if (reply.elements.size() != 4 || reply.elements[0].is_nil()) co_return std::nullopt;
  if (!crypto::digests_equal(reply.elements[0].str, hash)) co_return std::nullopt;
  auto role = parse_role(reply.elements[1].str);
  if (!role) co_return std::nullopt;
  co_return Principal{true, *role, reply.elements[2].str, reply.elements[3].str};
}

Task<IssuedToken> TokenStore::issue(const Principal& holder, const std::string& issued_by) const {
  IssuedToken out;
  out.token = "tdk_" + crypto::random_hex(24);
  auto hash = crypto::sha256_hex(out.token);
  out.id = hash.substr(0, kIdLength);
  co_await redis_.local().call("HSET", keys_("token:" + out.id), "hash", hash, "role",
                               std::string(role_name(holder.role)), "subject", holder.subject,
                               "name", holder.name, "issued_by", issued_by, "issued_at",
                               iso_instant(std::chrono::system_clock::now()));
  co_return out;
}

Task<bool> TokenStore::revoke(const std::string& id) const {
  auto reply = co_await redis_.local().call("DEL", keys_("token:" + id));
  co_return reply.number() > 0;
}

}  // namespace thidua::auth
