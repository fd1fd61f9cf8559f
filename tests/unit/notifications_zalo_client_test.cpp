// The typed answers of the Zalo Bot API calls the app makes (bot/zalo_bot_client): getMe read
// into a BotIdentity, getUpdates into a PolledUpdate, from the raw answer as
// interpret_zalo_reply reads it off the wire.
#include <gtest/gtest.h>

#include "notifications/bot/zalo_bot_client.hpp"

namespace thidua::notifications {
namespace {

ZaloReply wire(int status, const std::string& body) {
  return interpret_zalo_reply(status, body, false);
}

TEST(ZaloClientAnswers, GetMeIsReadIntoTheBotsIdentity) {
  auto me = identity_answer(wire(
      200,
      R"({"ok":true,"result":{"id":12345,"display_name":"Thi đua","account_name":"bot.thidua"}})"));
  ASSERT_TRUE(me.sent());
  EXPECT_EQ(me.result.id, "12345");  // ids may come as numbers
  EXPECT_EQ(me.result.name, "Thi đua");
  EXPECT_EQ(me.result.account, "bot.thidua");

  auto bare = identity_answer(wire(200, R"({"ok":true,"result":{"id":"b1"}})"));
  ASSERT_TRUE(bare.sent());
  EXPECT_EQ(bare.result.id, "b1");
  EXPECT_EQ(bare.result.name, "");
  EXPECT_EQ(bare.result.account, "");
}

TEST(ZaloClientAnswers, AFailedGetMeKeepsTheErrorAndNoIdentity) {
  auto me =
      identity_answer(wire(401, R"({"ok":false,"error_code":401,"description":"Unauthorized"})"));
  EXPECT_EQ(me.kind, SendResult::Kind::Permanent);
  EXPECT_EQ(me.error_code, 401);
  EXPECT_EQ(me.description, "Unauthorized");
  EXPECT_EQ(me.result.id, "");
  auto down = identity_answer(interpret_zalo_reply(0, "", true));
  EXPECT_EQ(down.kind, SendResult::Kind::Retryable);
}

TEST(ZaloClientAnswers, GetUpdatesIsReadIntoOneUpdate) {
  auto r = update_answer(wire(200, R"({"ok":true,"result":{"event_name":"message.text.received",
      "message":{"message_id":"m1","date":1764037050000,"text":"/hanchot",
      "from":{"id":"u1","display_name":"Cô Lan","is_bot":false},
      "chat":{"id":"g1","chat_type":"GROUP"}}}})"));
  ASSERT_TRUE(r.sent());
  EXPECT_TRUE(r.result.received);
  EXPECT_EQ(r.result.unreadable, "");
  ASSERT_TRUE(r.result.update);
  EXPECT_EQ(r.result.update->message_id, "m1");
  EXPECT_EQ(r.result.update->text, "/hanchot");
  EXPECT_EQ(r.result.update->from_name, "Cô Lan");
  EXPECT_EQ(r.result.update->chat_id, "g1");
  EXPECT_TRUE(r.result.update->group);
}

TEST(ZaloClientAnswers, AnUpdateACommandCannotUseIsReceivedButEmpty) {
  auto r = update_answer(wire(200, R"({"ok":true,"result":{"event_name":"message.sticker"}})"));
  EXPECT_TRUE(r.result.received);
  EXPECT_FALSE(r.result.update);
  // A result that is no update object at all is not an update received.
  auto odd = update_answer(wire(200, R"({"ok":true,"result":[1,2]})"));
  EXPECT_TRUE(odd.sent());
  EXPECT_FALSE(odd.result.received);
}

TEST(ZaloClientAnswers, AnIdlePollIsATimeoutAndNoUpdate) {
  auto r =
      update_answer(wire(200, R"({"ok":false,"error_code":408,"description":"Request timeout"})"));
  EXPECT_FALSE(r.sent());
  EXPECT_EQ(r.error_code, 408);
  EXPECT_FALSE(r.result.received);
}

}  // namespace
}  // namespace thidua::notifications
