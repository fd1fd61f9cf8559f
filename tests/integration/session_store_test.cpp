// Sign-in codes and sessions (issue 12) against a real redis-server: a code opens one session
// however many try it at once, wrong codes are limited per address, codes per person, and a
// session follows the person's current record. Time is a pinned clock the test moves.
#include <gtest/gtest.h>

#include "auth/session_store.hpp"
#include "core/crypto.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_server.hpp"

namespace thidua::auth {
namespace {
using namespace std::chrono_literals;

const std::string kSchool = "thcs-vinh-phong-1";
const std::string kPrefix = "{" + kSchool + "}:auth:";

class PinnedClock final : public Clock {
 public:
  Instant now() const override { return now_; }
  Instant now_ = *parse_iso_instant("2026-11-25T01:00:00Z");
};

// One client's attempt, a named coroutine: its arguments live in its own frame.
// Counts itself done however the exchange ends, so an error fails the test instead of
// leaving it waiting forever; the error is kept in `error`.
Task<void> try_code(SessionStore& store, std::string code, Exchange* out, std::string* error,
                    int* done) {
  std::string address = "198.51.100.1";
  try {
    *out = co_await store.exchange(code, address);
  } catch (const std::exception& e) {
    *error = e.what();
  }
  ++*done;
}

class SessionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.start();
    pool_ = pool();
    tokens_ = std::make_unique<TokenStore>(*pool_, kSchool, BootstrapTokens{});
    store_ = std::make_unique<SessionStore>(*pool_, *tokens_, kSchool, clock_, limits_, policy_);
    put_person({"gv-hoa", Role::Leader, "Nguyễn Thị Hoa"});
  }
  std::unique_ptr<RedisPool> pool() {
    auto p = std::make_unique<RedisPool>(
        runner_.loops(), RedisEndpoint::parse(server_.url(), "test"), RedisOptions{});
    p->start();
    return p;
  }

  void put_person(Person p) {
    runner_.run<bool>([&]() -> Task<bool> {
      co_await tokens_->put_person(p);
      co_return true;
    });
  }
  CodeIssue issue(const std::string& staff) {
    return runner_.run<CodeIssue>([&] { return store_->issue_code(staff); });
  }
  Exchange exchange(const std::string& code, const std::string& address = "203.0.113.7") {
    return runner_.run<Exchange>([&] { return store_->exchange(code, address); });
  }
  std::optional<Principal> resolve(const std::string& secret) {
    return runner_.run<std::optional<Principal>>([&] { return store_->resolve(secret); });
  }
  std::vector<SessionInfo> sessions_of(const std::string& staff) {
    return runner_.run<std::vector<SessionInfo>>([&] { return store_->sessions_of(staff); });
  }
  std::string signed_in(const std::string& staff = "gv-hoa") {
    auto code = issue(staff);
    EXPECT_EQ(code.outcome, CodeIssue::Outcome::Issued);
    auto s = exchange(code.code);
    EXPECT_EQ(s.outcome, Exchange::Outcome::SignedIn);
    return s.secret;
  }

  testing::RedisServer server_;
  testing::LoopRunner runner_;
  PinnedClock clock_;
  SignInLimits limits_;
  SessionPolicy policy_;
  std::unique_ptr<RedisPool> pool_;
  std::unique_ptr<TokenStore> tokens_;
  std::unique_ptr<SessionStore> store_;
};

TEST_F(SessionStoreTest, ACodeOpensOneSessionForItsPersonWithTheirRole) {
  auto code = issue("gv-hoa");
  ASSERT_EQ(code.outcome, CodeIssue::Outcome::Issued);
  EXPECT_EQ(normalise_code(code.code), code.code);
  EXPECT_EQ(code.expires, clock_.now_ + 5min);
  auto s = exchange(code.code);
  ASSERT_EQ(s.outcome, Exchange::Outcome::SignedIn);
  EXPECT_EQ(s.staff_id, "gv-hoa");
  EXPECT_EQ(s.secret.size(), 64u);
  auto p = resolve(s.secret);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->subject, "gv-hoa");
  EXPECT_EQ(p->role, Role::Leader);
  // Used once: the same code again is a wrong code.
  EXPECT_EQ(exchange(code.code).outcome, Exchange::Outcome::WrongCode);
  // Only hashes are kept: neither the code nor the cookie's value is in Redis.
  for (const auto& k : server_.cmd({"KEYS", "*"})) {
    EXPECT_EQ(k.find(code.code), std::string::npos) << k;
    EXPECT_EQ(k.find(s.secret), std::string::npos) << k;
    if (server_.cmd1({"TYPE", k}) != "hash") continue;
    for (const auto& v : server_.cmd({"HGETALL", k})) EXPECT_NE(v, s.secret) << k;
  }
}

TEST_F(SessionStoreTest, OneCodeTriedAtOnceOverManyConnectionsOpensExactlyOneSession) {
  auto code = issue("gv-hoa");
  // Eight clients, each on its own connection, try the same code at the same moment.
  std::vector<std::unique_ptr<RedisPool>> pools;
  std::vector<std::unique_ptr<SessionStore>> stores;
  for (int i = 0; i < 8; ++i) {
    pools.push_back(pool());
    stores.push_back(
        std::make_unique<SessionStore>(*pools.back(), *tokens_, kSchool, clock_, limits_, policy_));
  }
  std::vector<Exchange> results(stores.size());
  std::vector<std::string> errors(stores.size());
  runner_.run<bool>([&]() -> Task<bool> {
    int done = 0;
    for (std::size_t i = 0; i < stores.size(); ++i) {
      spawn(try_code(*stores[i], code.code, &results[i], &errors[i], &done));
    }
    while (done < static_cast<int>(stores.size())) co_await sleep_for(5ms);
    co_return true;
  });
  EXPECT_EQ(errors, std::vector<std::string>(stores.size()));
  int signed_in = 0;
  for (const auto& r : results) signed_in += r.outcome == Exchange::Outcome::SignedIn;
  EXPECT_EQ(signed_in, 1);
  EXPECT_EQ(sessions_of("gv-hoa").size(), 1u);
}

TEST_F(SessionStoreTest, WrongCodesAreLimitedPerAddressEvenARightOneAfterwards) {
  for (int i = 0; i < limits_.failures_per_address; ++i) {
    auto r = exchange("AAAAAAAA", "203.0.113.9");
    ASSERT_EQ(r.outcome, Exchange::Outcome::WrongCode) << i;
    EXPECT_EQ(r.attempts_left, limits_.failures_per_address - i - 1);
  }
  auto code = issue("gv-hoa");
  auto blocked = exchange(code.code, "203.0.113.9");
  EXPECT_EQ(blocked.outcome, Exchange::Outcome::TooManyFailures);
  EXPECT_GT(blocked.retry_after.count(), 0);
  EXPECT_LE(blocked.retry_after, limits_.window);
  // Another address is not held back, and the code was not spent by the refused try.
  EXPECT_EQ(exchange(code.code, "203.0.113.10").outcome, Exchange::Outcome::SignedIn);
}

TEST_F(SessionStoreTest, CodesPerPersonAreLimitedAndANewOneReplacesTheOld) {
  auto first = issue("gv-hoa");
  auto second = issue("gv-hoa");
  EXPECT_EQ(exchange(first.code).outcome, Exchange::Outcome::WrongCode);
  for (int i = 2; i < limits_.codes_per_person; ++i) issue("gv-hoa");
  auto refused = issue("gv-hoa");
  EXPECT_EQ(refused.outcome, CodeIssue::Outcome::TooMany);
  EXPECT_TRUE(refused.code.empty());
  EXPECT_GT(refused.retry_after.count(), 0);
  EXPECT_EQ(issue("nobody").outcome, CodeIssue::Outcome::NoPerson);
}

TEST_F(SessionStoreTest, SlidingRenewalThenExpiryByThePinnedClock) {
  auto secret = signed_in();
  const std::string key = kPrefix + "session:" + SessionStore::id_of(secret);
  auto first_end = server_.cmd1({"HGET", key, "expires"});
  clock_.now_ += 7h;  // used within the idle time: renewed to now + 8 h
  ASSERT_TRUE(resolve(secret));
  EXPECT_EQ(server_.cmd1({"HGET", key, "expires"}), std::to_string(unix_millis(clock_.now_ + 8h)));
  EXPECT_NE(server_.cmd1({"HGET", key, "expires"}), first_end);
  clock_.now_ += 8h;  // unused for the idle time: ended, and removed
  EXPECT_FALSE(resolve(secret));
  EXPECT_EQ(server_.cmd1({"EXISTS", key}), "0");
  EXPECT_TRUE(sessions_of("gv-hoa").empty());
}

TEST_F(SessionStoreTest, TheMaximumAgeEndsASessionInUse) {
  auto secret = signed_in();
  // Used every 6 hours (within the idle time) for 7 days: renewed each time, up to the end.
  for (int i = 1; i < 28; ++i) {
    clock_.now_ += 6h;
    ASSERT_TRUE(resolve(secret)) << i;
  }
  clock_.now_ += 6h;  // 168 hours after sign-in
  EXPECT_FALSE(resolve(secret));
}

TEST_F(SessionStoreTest, ASessionActsWithTheCurrentRoleAndEndsWithADemotionOrRemoval) {
  auto secret = signed_in();
  put_person({"gv-hoa", Role::Leader, "Nguyễn Thị Hoa (đổi tên)"});  // same role: kept
  ASSERT_TRUE(resolve(secret));
  EXPECT_EQ(resolve(secret)->name, "Nguyễn Thị Hoa (đổi tên)");
  put_person({"gv-hoa", Role::Staff, "Nguyễn Thị Hoa"});  // demoted: ended at once
  EXPECT_FALSE(resolve(secret));

  auto again = signed_in();
  ASSERT_TRUE(resolve(again));
  EXPECT_EQ(resolve(again)->role, Role::Staff);
  const std::string hoa = "gv-hoa";  // named: the coroutine keeps a reference to it
  runner_.run<long long>([&] { return tokens_->remove_person(hoa); });
  EXPECT_FALSE(resolve(again));
  EXPECT_EQ(server_.cmd({"KEYS", kPrefix + "session:*"}).size(), 0u);
}

TEST_F(SessionStoreTest, AdminsListAndEndSessionsWithoutSeeingSecrets) {
  auto a = signed_in();
  clock_.now_ += 1min;
  auto b = signed_in();
  auto list = sessions_of("gv-hoa");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, SessionStore::id_of(a));
  EXPECT_EQ(list[0].created_at, "2026-11-25T01:00:00Z");
  EXPECT_EQ(list[0].expires_at, "2026-11-25T09:00:00Z");
  EXPECT_EQ(list[0].address, "203.0.113.7");
  EXPECT_TRUE(runner_.run<bool>([&] { return store_->end(list[0].id); }));
  EXPECT_FALSE(runner_.run<bool>([&] { return store_->end(list[0].id); }));
  EXPECT_FALSE(resolve(a));
  ASSERT_TRUE(resolve(b));
  const std::string hoa = "gv-hoa";
  EXPECT_EQ(runner_.run<long long>([&] { return store_->end_all(hoa); }), 1);
  EXPECT_FALSE(resolve(b));
  // A cookie value of the wrong form is no session, without a lookup.
  EXPECT_FALSE(resolve("short"));
  EXPECT_FALSE(resolve(std::string(64, 'a')));
}

}  // namespace
}  // namespace thidua::auth
