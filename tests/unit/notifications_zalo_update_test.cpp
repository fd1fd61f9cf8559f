// How a Zalo update is read (bot/zalo_update): the webhook's plain shape and getUpdates'
// wrapped one, the fields a command needs, whom it is for (judge_update), and what is no
// update at all.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "notifications/bot/zalo_update.hpp"
#include "notifications/domain/bot_update.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

TEST(Updates, AcceptsBothShapesAndJudges) {
  json message = {{"message_id", "m1"},
                  {"date", 1764000000000LL},
                  {"text", "@bot /hanchot"},
                  {"from", {{"id", "u1"}, {"display_name", "Cô Lan"}, {"is_bot", false}}},
                  {"chat", {{"id", "g1"}, {"chat_type", "GROUP"}}}};
  json plain = {{"event_name", "message.text.received"}, {"message", message}};
  json wrapped = {{"ok", true}, {"result", plain}};
  for (const auto& j : {plain, wrapped}) {
    auto u = parse_update(j);
    ASSERT_TRUE(u);
    EXPECT_EQ(u->message_id, "m1");
    EXPECT_TRUE(u->group);
    EXPECT_EQ(judge_update(*u, "g1", "bot-1"), UpdateVerdict::Handle);
    EXPECT_EQ(judge_update(*u, "g2", "bot-1"), UpdateVerdict::IgnoreChat);
    EXPECT_EQ(judge_update(*u, "g1", "u1"), UpdateVerdict::IgnoreBot);
  }
  message["from"]["is_bot"] = true;
  auto bot = parse_update(json{{"message", message}});
  EXPECT_EQ(judge_update(*bot, "g1", ""), UpdateVerdict::IgnoreBot);
  EXPECT_FALSE(parse_update(json{{"ok", true}}));
  EXPECT_FALSE(parse_update(json::array()));
}

// Found by fuzz_bot_update: a date past long long (1e300) was converted with a cast whose
// result is undefined (UBSan: "outside the range of representable values"). Zalo sends whole
// milliseconds; a date that does not fit is left at 0 and the message is still read.
TEST(Updates, ADateThatDoesNotFitIsLeftAtZero) {
  json message = {{"message_id", "m1"},
                  {"text", "/hanchot"},
                  {"from", {{"id", "u1"}}},
                  {"chat", {{"id", "g1"}, {"chat_type", "GROUP"}}}};
  for (const char* date : {"1e300", "-1e300", "18446744073709551615", "9.3e18"}) {
    message["date"] = json::parse(date);
    auto u = parse_update(json{{"message", message}});
    ASSERT_TRUE(u) << date;
    EXPECT_EQ(u->date_ms, 0) << date;
  }
  message["date"] = 1764000000000.0;
  EXPECT_EQ(parse_update(json{{"message", message}})->date_ms, 1764000000000LL);
}

TEST(Updates, ANumberIdIsReadAsItsDigitsAndGarbageIsNoUpdate) {
  json message = {{"message_id", 991},
                  {"text", 5},
                  {"from", {{"id", 1234567890123LL}}},
                  {"chat", {{"id", "u-1"}, {"chat_type", "PRIVATE"}}}};
  auto u = parse_update(json{{"message", message}});
  ASSERT_TRUE(u);
  EXPECT_EQ(u->message_id, "991");
  EXPECT_EQ(u->from_id, "1234567890123");
  EXPECT_EQ(u->text, "");  // no text: judged IgnoreEmpty later
  EXPECT_FALSE(u->group);
  for (const auto& g :
       {json(nullptr), json::array({1, 2}), json("text"), json(42), json{{"message", "x"}}}) {
    EXPECT_FALSE(parse_update(g)) << g.dump();
  }
  message.erase("chat");
  EXPECT_FALSE(parse_update(json{{"message", message}}));
}

}  // namespace
}  // namespace thidua::notifications
