// How the commands worker reads an inbound update back from the stream (store/update_store):
// what this store writes, and what replicas of an older release wrote before updates were
// parsed on arrival (the platform's JSON under "update"), which a rolling upgrade still finds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "notifications/store/update_store.hpp"

using namespace thidua;
using namespace thidua::notifications;

namespace {
StreamEntry entry(const std::string& field, const std::string& value) {
  StreamEntry e;
  e.id = "1-0";
  e.fields = {{field, value}};
  return e;
}
}  // namespace

TEST(UpdateStoreRead, TheOwnStoredForm) {
  auto u = UpdateStore::read(
      entry("bot_update",
            R"({"event_name":"message.text.received","message_id":"m1","date_ms":1764000000000,)"
            R"("text":"/hanchot","from_id":"u1","from_name":"Cô Hoa","from_bot":false,)"
            R"("chat_id":"g1","group":true})"));
  ASSERT_TRUE(u);
  EXPECT_EQ(u->message_id, "m1");
  EXPECT_EQ(u->text, "/hanchot");
  EXPECT_EQ(u->from_name, "Cô Hoa");
  EXPECT_TRUE(u->group);
  EXPECT_EQ(u->date_ms, 1764000000000LL);
}

TEST(UpdateStoreRead, AnUpdateStoredByAnOlderReleaseIsStillAnswered) {
  nlohmann::json platform = {
      {"event_name", "message.text.received"},
      {"message",
       {{"message_id", "m2"},
        {"date", 1764000000000LL},
        {"text", "/trogiup"},
        {"from", {{"id", "u2"}, {"display_name", "Thầy Nam"}, {"is_bot", false}}},
        {"chat", {{"id", "p-u2"}, {"chat_type", "PRIVATE"}}}}}};
  auto u = UpdateStore::read(entry("update", platform.dump()));
  ASSERT_TRUE(u);
  EXPECT_EQ(u->message_id, "m2");
  EXPECT_EQ(u->from_id, "u2");
  EXPECT_EQ(u->chat_id, "p-u2");
  EXPECT_FALSE(u->group);
  EXPECT_EQ(u->text, "/trogiup");
}

TEST(UpdateStoreRead, WhatNoReleaseWroteIsDropped) {
  EXPECT_FALSE(UpdateStore::read(entry("bot_update", "not json")));
  EXPECT_FALSE(UpdateStore::read(entry("bot_update", R"({"message_id":7})")));
  EXPECT_FALSE(UpdateStore::read(entry("update", "[]")));
  EXPECT_FALSE(UpdateStore::read(entry("other", "{}")));
}
