// hiredis's own reader (read.c) with the functions that read replies into RedisReply in
// place (redis/reply_reader.hpp), fed the protocol's bytes: every reply type, nesting, a
// reply split over several reads, and a protocol error with a reply half built (which the
// sanitizer build would report as a leak or a bad free if the tree were freed wrongly).
#include <gtest/gtest.h>
#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <memory>
#include <string>

#include "redis/reply_reader.hpp"

namespace thidua {
namespace {

using Reader = std::unique_ptr<redisReader, decltype(&redisReaderFree)>;

Reader reader() {
  return Reader(redisReaderCreateWithFunctions(redis_detail::in_place_functions()),
                &redisReaderFree);
}

// Feeds `bytes` in pieces of `step` bytes; the one reply they hold, read as hiredis's
// async client reads it (its root freed by the reader's freeObject after it is taken).
RedisReply read_one(const std::string& bytes, std::size_t step = 1 << 20) {
  auto r = reader();
  void* object = nullptr;
  for (std::size_t at = 0; at < bytes.size() && object == nullptr; at += step) {
    EXPECT_EQ(redisReaderFeed(r.get(), bytes.data() + at, std::min(step, bytes.size() - at)),
              REDIS_OK);
    EXPECT_EQ(redisReaderGetReply(r.get(), &object), REDIS_OK);
  }
  EXPECT_NE(object, nullptr) << "no whole reply in: " << bytes;
  if (object == nullptr) return {};
  RedisReply out = redis_detail::take_reply(object);
  r->fn->freeObject(object);
  return out;
}

// Feeds `bytes` to `r` at once; what redisReaderGetReply then says, the object in `object`.
int feed_and_get(redisReader* r, const std::string& bytes, void*& object) {
  EXPECT_EQ(redisReaderFeed(r, bytes.data(), bytes.size()), REDIS_OK);
  object = nullptr;
  return redisReaderGetReply(r, &object);
}

TEST(ReplyReader, EachScalarTypeIsReadAsItsRedisReply) {
  auto s = read_one("$5\r\nhello\r\n");
  EXPECT_EQ(s.type, RedisReply::Type::String);
  EXPECT_EQ(s.str, "hello");
  auto ok = read_one("+OK\r\n");
  EXPECT_EQ(ok.type, RedisReply::Type::Status);
  EXPECT_EQ(ok.str, "OK");
  auto err = read_one("-NOSCRIPT No matching script\r\n");
  EXPECT_EQ(err.type, RedisReply::Type::Error);
  EXPECT_EQ(err.str, "NOSCRIPT No matching script");
  auto n = read_one(":-42\r\n");
  EXPECT_EQ(n.type, RedisReply::Type::Integer);
  EXPECT_EQ(n.integer, -42);
  EXPECT_TRUE(read_one("$-1\r\n").is_nil());
  EXPECT_TRUE(read_one("*-1\r\n").is_nil());
}

TEST(ReplyReader, AStringKeepsItsBytesWhateverTheyAre) {
  const std::string binary("a\0b\r\nc", 6);
  auto s = read_one("$6\r\n" + binary + "\r\n");
  EXPECT_EQ(s.str, binary);
  auto empty = read_one("$0\r\n\r\n");
  EXPECT_EQ(empty.type, RedisReply::Type::String);
  EXPECT_EQ(empty.str, "");
  const std::string vietnamese = "Tổ Toán – Tin";
  auto v = read_one("$" + std::to_string(vietnamese.size()) + "\r\n" + vietnamese + "\r\n");
  EXPECT_EQ(v.str, vietnamese);
}

TEST(ReplyReader, NestedArraysKeepTheirOrderAndTypes) {
  // An EVALSHA answer shaped like the stream scripts': {1, {"id", nil, {}}, "x"}
  const std::string bytes = "*3\r\n:1\r\n*3\r\n$2\r\nid\r\n$-1\r\n*0\r\n$1\r\nx\r\n";
  for (std::size_t step : {std::size_t{1}, std::size_t{3}, bytes.size()}) {
    auto r = read_one(bytes, step);
    ASSERT_EQ(r.type, RedisReply::Type::Array) << "pieces of " << step;
    ASSERT_EQ(r.elements.size(), 3u);
    EXPECT_EQ(r.elements[0].integer, 1);
    const auto& inner = r.elements[1];
    ASSERT_EQ(inner.elements.size(), 3u);
    EXPECT_EQ(inner.elements[0].str, "id");
    EXPECT_TRUE(inner.elements[1].is_nil());
    EXPECT_EQ(inner.elements[2].type, RedisReply::Type::Array);
    EXPECT_TRUE(inner.elements[2].elements.empty());
    EXPECT_EQ(r.elements[2].str, "x");
  }
}

TEST(ReplyReader, AnHgetallReplyReadsAsFields) {
  auto h = read_one("*4\r\n$6\r\nstatus\r\n$5\r\ndraft\r\n$4\r\nunit\r\n$11\r\nto-toan-tin\r\n");
  EXPECT_EQ(h.field("status"), "draft");
  EXPECT_EQ(h.fields().at("unit"), "to-toan-tin");
}

TEST(ReplyReader, TheRootCarriesTheHeaderHiredisReadsItself) {
  // async.c reads type and str of an unsolicited error ("max number of clients reached").
  auto r = reader();
  void* object = nullptr;
  ASSERT_EQ(feed_and_get(r.get(), "-ERR max number of clients reached\r\n", object), REDIS_OK);
  ASSERT_NE(object, nullptr);
  const auto* head = static_cast<const redisReply*>(object);
  EXPECT_EQ(head->type, REDIS_REPLY_ERROR);
  EXPECT_EQ(std::string(head->str, head->len), "ERR max number of clients reached");
  r->fn->freeObject(object);
}

TEST(ReplyReader, ABrokenReplyHalfReadIsFreedAndReportedAsAnError) {
  auto r = reader();
  // Two elements of five read, then a byte no reply starts with.
  void* object = nullptr;
  EXPECT_EQ(feed_and_get(r.get(), "*5\r\n$1\r\na\r\n*2\r\n:1\r\n?oops\r\n", object), REDIS_ERR);
  EXPECT_EQ(object, nullptr);
  EXPECT_NE(std::string(r->errstr), "");
}

TEST(ReplyReader, AReplyStillBeingReadIsFreedWithTheReader) {
  auto r = reader();
  void* object = nullptr;  // two elements missing below
  ASSERT_EQ(feed_and_get(r.get(), "*3\r\n$3\r\nabc\r\n*2\r\n$2\r\nde\r\n", object), REDIS_OK);
  EXPECT_EQ(object, nullptr);  // not whole yet; redisReaderFree frees what was built
}

}  // namespace
}  // namespace thidua
