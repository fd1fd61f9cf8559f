#include <gtest/gtest.h>

#include "auth/token_store.hpp"
#include "core/crypto.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_pool_test.hpp"
#include "support/redis_server.hpp"

namespace thidua::auth {
namespace {

const std::string kSchool = "thcs-vinh-phong-1";

class TokenStoreTest : public testing::RedisPoolTest {
 protected:
  void SetUp() override {
    RedisPoolTest::SetUp();
    store_ = std::make_unique<TokenStore>(*pool_, kSchool,
                                          BootstrapTokens{"admin-bootstrap-secret", "svc-secret"});
  }

  std::optional<Principal> resolve(const std::string& token, const std::string& acting_for = "") {
    return runner_.run<std::optional<Principal>>(
        [&] { return store_->resolve(token, acting_for); });
  }
  // As nominations does: the person's record first, then the token.
  IssuedToken issue(const Principal& holder) {
    put_person(holder);
    const std::string by = "bootstrap-admin";
    return runner_.run<IssuedToken>([&] { return store_->issue(holder, by); });
  }
  void put_person(const Principal& who) {
    Person p{who.subject, who.role, who.name};
    runner_.run<bool>([&]() -> Task<bool> {
      co_await store_->put_person(p);
      co_return true;
    });
  }
  long long remove_person(const std::string& id) {
    return runner_.run<long long>([&] { return store_->remove_person(id); });
  }
  std::vector<TokenInfo> tokens_of(const std::string& id) {
    return runner_.run<std::vector<TokenInfo>>([&] { return store_->tokens_of(id); });
  }
  bool revoke(const std::string& id) {
    return runner_.run<bool>([&] { return store_->revoke(id); });
  }
  std::string key(const std::string& id) { return "{" + kSchool + "}:auth:token:" + id; }

  std::unique_ptr<TokenStore> store_;
};

TEST_F(TokenStoreTest, IssuedTokenResolvesToItsHolder) {
  Principal leader{true, Role::Leader, "gv-toan-01", "Trần Văn Bình"};
  auto issued = issue(leader);
  EXPECT_TRUE(issued.token.starts_with("tdk_"));
  EXPECT_EQ(issued.id.size(), 16u);

  auto p = resolve(issued.token);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->authenticated);
  EXPECT_EQ(p->role, Role::Leader);
  EXPECT_EQ(p->subject, "gv-toan-01");
  EXPECT_EQ(p->name, "Trần Văn Bình");
}

TEST_F(TokenStoreTest, OnlyTheHashIsStored) {
  auto issued = issue(Principal{true, Role::Staff, "nv-01", "Lê Thị Cúc"});
  auto stored = server_.cmd({"HGETALL", key(issued.id)});
  ASSERT_FALSE(stored.empty());
  for (const auto& field : stored) EXPECT_EQ(field.find(issued.token), std::string::npos);
  EXPECT_EQ(server_.cmd1({"HGET", key(issued.id), "hash"}), crypto::sha256_hex(issued.token));
  EXPECT_EQ(server_.cmd1({"HGET", key(issued.id), "issued_by"}), "bootstrap-admin");
  EXPECT_EQ(server_.cmd({"KEYS", "*" + issued.token + "*"}).size(), 0u);
}

TEST_F(TokenStoreTest, RevokedTokenNoLongerResolves) {
  auto issued = issue(Principal{true, Role::Council, "hd-01", "Hội đồng"});
  ASSERT_TRUE(resolve(issued.token));
  EXPECT_TRUE(revoke(issued.id));
  EXPECT_FALSE(resolve(issued.token));
  EXPECT_FALSE(revoke(issued.id));  // already gone
}

TEST_F(TokenStoreTest, UnknownOrTamperedTokensDoNotResolve) {
  auto issued = issue(Principal{true, Role::Staff, "nv-02", "X"});
  EXPECT_FALSE(resolve(""));
  EXPECT_FALSE(resolve("tdk_unknown"));
  EXPECT_FALSE(resolve(issued.token + "x"));
  EXPECT_FALSE(resolve(std::string(300, 'a')));
  // A record under the right id whose hash does not match the token is not accepted.
  server_.cmd({"HSET", key(issued.id), "hash", crypto::sha256_hex("another")});
  EXPECT_FALSE(resolve(issued.token));
  // Nor one whose person has an unknown role.
  auto other = issue(Principal{true, Role::Staff, "nv-03", "Y"});
  server_.cmd({"HSET", "{" + kSchool + "}:auth:person:nv-03", "role", "superuser"});
  EXPECT_FALSE(resolve(other.token));
}

TEST_F(TokenStoreTest, BootstrapTokensNeedNoStoredRecord) {
  auto admin = resolve("admin-bootstrap-secret");
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->role, Role::Admin);
  EXPECT_EQ(admin->subject, "bootstrap-admin");
  auto service = resolve("svc-secret");
  ASSERT_TRUE(service);
  EXPECT_EQ(service->role, Role::Service);
  EXPECT_FALSE(resolve("admin-bootstrap-secre"));
  EXPECT_FALSE(resolve("admin-bootstrap-secretX"));
  EXPECT_EQ(server_.cmd1({"DBSIZE"}), "0");
}

TEST_F(TokenStoreTest, WithoutBootstrapTokensOnlyStoredTokensResolve) {
  TokenStore plain(*pool_, kSchool, BootstrapTokens{"", ""});
  auto issued = issue(Principal{true, Role::Admin, "bgh-01", "Hiệu trưởng"});
  const std::string bootstrap = "admin-bootstrap-secret";
  EXPECT_FALSE(runner_.run<std::optional<Principal>>([&] { return plain.resolve(bootstrap); }));
  auto p = runner_.run<std::optional<Principal>>([&] { return plain.resolve(issued.token); });
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, Role::Admin);
}

// Issue 9, section 2: what a token may do is read from the person's current record.
TEST_F(TokenStoreTest, TheRoleIsThePersonsCurrentOneAndRemovalRevokesEveryToken) {
  Principal thu{true, Role::Admin, "gv-thu", "Trần Thị Thu"};
  auto first = issue(thu);
  auto second = issue(thu);
  ASSERT_EQ(resolve(first.token)->role, Role::Admin);
  put_person(Principal{true, Role::Staff, "gv-thu", "Trần Thị Thu"});  // demoted
  EXPECT_EQ(resolve(first.token)->role, Role::Staff);
  EXPECT_EQ(resolve(second.token)->role, Role::Staff);

  auto listed = tokens_of("gv-thu");
  ASSERT_EQ(listed.size(), 2u);
  for (const auto& t : listed) {
    EXPECT_EQ(t.issued_by, "bootstrap-admin");
    EXPECT_FALSE(t.last_used.empty()) << "both were used above";
  }
  EXPECT_TRUE(revoke(first.id));
  EXPECT_EQ(tokens_of("gv-thu").size(), 1u);

  EXPECT_EQ(remove_person("gv-thu"), 1);
  EXPECT_FALSE(resolve(second.token));
  EXPECT_TRUE(tokens_of("gv-thu").empty());
  EXPECT_EQ(server_.cmd({"KEYS", "{" + kSchool + "}:auth:token:*"}).size(), 0u);
  // Back under the same id: the old tokens stay dead.
  put_person(thu);
  EXPECT_FALSE(resolve(second.token));
}

TEST_F(TokenStoreTest, OnlyTheServiceActsForAPersonAndWithTheirRightsOnly) {
  put_person(Principal{true, Role::Leader, "gv-hoa", "Nguyễn Thị Hoa"});
  auto as_hoa = resolve("svc-secret", "gv-hoa");
  ASSERT_TRUE(as_hoa);
  EXPECT_EQ(as_hoa->role, Role::Leader);
  EXPECT_EQ(as_hoa->subject, "gv-hoa");
  EXPECT_FALSE(resolve("svc-secret", "gv-khong-co"));
  EXPECT_FALSE(resolve("admin-bootstrap-secret", "gv-hoa"));
  auto own = issue(Principal{true, Role::Admin, "bgh-01", "Hiệu trưởng"});
  EXPECT_FALSE(resolve(own.token, "gv-hoa"));
}

}  // namespace
}  // namespace thidua::auth
