#include <gtest/gtest.h>

#include "core/backoff.hpp"
#include "core/crypto.hpp"
#include "core/keyspace.hpp"
#include "core/roles.hpp"

namespace thidua {
namespace {
using std::chrono::milliseconds;

TEST(Backoff, DoublesFromTheBase) {
  BackoffPolicy p{milliseconds(1000), milliseconds(300000), 8};
  // With the random draw at 0 the delay is half the doubled value, at 0.5 three quarters.
  EXPECT_EQ(backoff_delay(p, 1, 0.0), milliseconds(500));
  EXPECT_EQ(backoff_delay(p, 2, 0.0), milliseconds(1000));
  EXPECT_EQ(backoff_delay(p, 3, 0.0), milliseconds(2000));
  EXPECT_EQ(backoff_delay(p, 4, 0.0), milliseconds(4000));
  EXPECT_EQ(backoff_delay(p, 4, 0.5), milliseconds(6000));
}

TEST(Backoff, StopsAtTheCap) {
  BackoffPolicy p{milliseconds(1000), milliseconds(10000), 30};
  EXPECT_EQ(backoff_delay(p, 5, 0.0), milliseconds(5000));  // 16 s capped to 10 s, halved
  EXPECT_EQ(backoff_delay(p, 30, 0.0), milliseconds(5000));
  EXPECT_LE(backoff_delay(p, 30, 0.999999), milliseconds(10000));
  // A huge retry number must not overflow into a negative or tiny delay.
  EXPECT_EQ(backoff_delay(p, 1000, 0.0), milliseconds(5000));
}

TEST(Backoff, CapBelowBaseWins) {
  BackoffPolicy p{milliseconds(5000), milliseconds(2000), 8};
  EXPECT_EQ(backoff_delay(p, 1, 0.0), milliseconds(1000));
}

TEST(Backoff, EqualJitterStaysWithinHalfAndFull) {
  BackoffPolicy p{milliseconds(100), milliseconds(60000), 20};
  for (int retry = 1; retry <= 15; ++retry) {
    long long full = std::min(100LL << (retry - 1), 60000LL);
    for (double u : {0.0, 0.25, 0.5, 0.75, 0.999999}) {
      auto d = backoff_delay(p, retry, u).count();
      EXPECT_GE(d, full / 2) << retry << " " << u;
      EXPECT_LE(d, full) << retry << " " << u;
    }
  }
  for (int i = 0; i < 1000; ++i) {
    double u = random_unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

TEST(Crypto, Sha256AndConstantTimeEqual) {
  EXPECT_EQ(crypto::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(crypto::sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_TRUE(crypto::constant_time_equal("secret", "secret"));
  EXPECT_FALSE(crypto::constant_time_equal("secret", "secreT"));
  EXPECT_FALSE(crypto::constant_time_equal("secret", "secret2"));
  EXPECT_FALSE(crypto::constant_time_equal("", "x"));
  auto a = crypto::random_hex(16), b = crypto::random_hex(16);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
}

TEST(Roles, NamesRoundTripAndAccessChecksRoles) {
  for (Role r : {Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service}) {
    EXPECT_EQ(parse_role(role_name(r)), r);
  }
  EXPECT_FALSE(parse_role("Admin").has_value());
  EXPECT_FALSE(parse_role("").has_value());
  auto a = Access::roles_of({Role::Admin, Role::Council});
  EXPECT_TRUE(a.allows(Role::Admin));
  EXPECT_TRUE(a.allows(Role::Council));
  EXPECT_FALSE(a.allows(Role::Staff));
  EXPECT_FALSE(a.allows(Role::Service));
  EXPECT_TRUE(Access::anyone().allows(Role::Staff));
}

TEST(Keyspace, EveryKeyCarriesTheSchoolHashTag) {
  Keyspace k("thcs-vinh-phong-1", "nominations");
  EXPECT_EQ(k("seq"), "{thcs-vinh-phong-1}:nominations:seq");
  EXPECT_EQ(k.foreign("auth", "token:ab"), "{thcs-vinh-phong-1}:auth:token:ab");
}

}  // namespace
}  // namespace thidua
