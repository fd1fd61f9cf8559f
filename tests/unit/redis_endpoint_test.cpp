#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "redis/redis_client.hpp"

namespace thidua {
namespace {

TEST(RedisEndpoint, ParsesHostPortDatabaseAndPassword) {
  auto ep = RedisEndpoint::parse("redis://:s3cr%t@redis.local:6380/2", "THIDUA_REDIS_URL");
  EXPECT_EQ(ep.host, "redis.local");
  EXPECT_EQ(ep.port, 6380);
  EXPECT_EQ(ep.db, 2);
  EXPECT_EQ(ep.password, "s3cr%t");

  ep = RedisEndpoint::parse("redis://127.0.0.1", "X");
  EXPECT_EQ(ep.host, "127.0.0.1");
  EXPECT_EQ(ep.port, 6379);
  EXPECT_EQ(ep.db, 0);
  EXPECT_EQ(ep.password, "");

  ep = RedisEndpoint::parse("redis://user:p@ss@h:1/", "X");  // the last '@' ends the password
  EXPECT_EQ(ep.password, "p@ss");
  EXPECT_EQ(ep.host, "h");
  EXPECT_EQ(ep.port, 1);
}

TEST(RedisEndpoint, BadUrlsAreConfigErrorsNamingTheSetting) {
  for (std::string bad :
       {"http://h:6379", "h:6379", "redis://", "redis://:6379", "redis://h:0", "redis://h:65536",
        "redis://h:port", "redis://h:", "redis://h:63x", "redis://h:99999999999999", "redis://h/x",
        "redis://h/-1", "redis://h/99999999999999", "redis://h/1x"}) {
    try {
      RedisEndpoint::parse(bad, "THIDUA_REDIS_URL");
      ADD_FAILURE() << "accepted " << bad;
    } catch (const ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find("THIDUA_REDIS_URL"), std::string::npos) << bad;
    } catch (const std::exception& e) {
      ADD_FAILURE() << bad << " threw something other than ConfigError: " << e.what();
    }
  }
}

TEST(RedisEndpoint, ErrorsNeverShowThePassword) {
  try {
    RedisEndpoint::parse("redis://:hunter2@h:bad", "THIDUA_REDIS_URL");
    FAIL() << "accepted";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos);
  }
}

TEST(RedisReply, TextAndNumberCheckTheType) {
  RedisReply s{RedisReply::Type::String, 0, "42", {}};
  EXPECT_EQ(s.text(), "42");
  EXPECT_EQ(s.number(), 42);
  RedisReply i{RedisReply::Type::Integer, 7, "", {}};
  EXPECT_EQ(i.number(), 7);
  EXPECT_THROW(i.text(), RedisError);
  RedisReply nil;
  EXPECT_TRUE(nil.is_nil());
  EXPECT_THROW(nil.number(), RedisError);
  RedisReply word{RedisReply::Type::String, 0, "abc", {}};
  EXPECT_THROW(word.number(), RedisError);
}

TEST(RedisScript, ShaIsTheSha1OfTheSource) {
  RedisScript script("return 1");
  EXPECT_EQ(script.sha(), "e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
}

}  // namespace
}  // namespace thidua
