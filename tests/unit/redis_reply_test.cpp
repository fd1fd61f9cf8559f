// Reading an HGETALL reply back (RedisReply::fields and ::field), without Redis.
#include <gtest/gtest.h>

#include "redis/redis_client.hpp"

namespace thidua {
namespace {

RedisReply text(std::string s) {
  RedisReply r;
  r.type = RedisReply::Type::String;
  r.str = std::move(s);
  return r;
}

RedisReply hash(std::initializer_list<std::string> flat) {
  RedisReply r;
  r.type = RedisReply::Type::Array;
  for (const auto& s : flat) r.elements.push_back(text(s));
  return r;
}

TEST(RedisReply, AFieldOfAHashIsFoundByItsNameNotByAValueOfTheSameText) {
  auto h = hash({"state", "sent", "text", "state", "chat_id", "u1"});
  EXPECT_EQ(h.field("state"), "sent");
  EXPECT_EQ(h.field("chat_id"), "u1");
  EXPECT_EQ(h.field("sent"), "");  // a value, not a field
  EXPECT_EQ(h.field("missing"), "");
  EXPECT_EQ(h.fields().at("text"), "state");
}

TEST(RedisReply, AMissingKeyOrAnOddReplyHasNoFields) {
  EXPECT_EQ(RedisReply{}.field("state"), "");  // nil: the key does not exist
  EXPECT_TRUE(RedisReply{}.fields().empty());
  auto odd = hash({"state", "sent", "dangling"});
  EXPECT_EQ(odd.field("dangling"), "");
  EXPECT_EQ(odd.fields().size(), 1u);
}

}  // namespace
}  // namespace thidua
