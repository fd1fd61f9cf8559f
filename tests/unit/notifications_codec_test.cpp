// The wire form of POST /api/notifications/v1/messages (notifications/api/message_codec).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "notifications/api/message_codec.hpp"

using namespace thidua;
using namespace thidua::notifications;
using nlohmann::json;

namespace {
int status(const json& body) {
  try {
    parse_new_message(body);
  } catch (const ApiError& e) {
    return e.status();
  }
  return 0;
}
}  // namespace

TEST(Outbox, ParsesTargetsAndRejectsBadInput) {
  auto g = parse_new_message(json{{"target", "group"}, {"text", "Nhắc nộp báo cáo"}});
  EXPECT_EQ(g.target.kind, Target::Kind::Group);
  EXPECT_FALSE(g.urgent);
  auto s =
      parse_new_message(json{{"target", {{"staff_id", "gv-01"}}}, {"text", "x"}, {"urgent", true}});
  EXPECT_EQ(s.target.describe(), "staff:gv-01");
  EXPECT_TRUE(s.urgent);
  // Well formed but only blanks: 422. Anything the document's schema refuses: 400.
  EXPECT_EQ(status(json{{"target", "group"}, {"text", "  "}}), 422);
  EXPECT_EQ(status(json{{"target", "everyone"}, {"text", "x"}}), 400);
  EXPECT_EQ(status(json{{"target", {{"chat_id", "1"}}}, {"text", "x"}}), 400);
  EXPECT_EQ(status(json{{"target", nullptr}, {"text", "x"}}), 400);
  EXPECT_EQ(status(json{{"target", "group"}, {"text", ""}}), 400);
  EXPECT_EQ(status(json{{"target", "group"}, {"text", std::string(20001, 'x')}}), 400);
  EXPECT_EQ(status(json{{"target", "group"}, {"text", std::string(20000, 'x')}}), 0);
  EXPECT_EQ(status(json{{"text", "x"}}), 400);
  EXPECT_EQ(status(json{{"target", "group"}}), 400);
  EXPECT_EQ(status(json{{"target", "group"}, {"text", "x"}, {"urgent", "yes"}}), 400);
  // The reminder marker (issue 13): "reminder" or absent (null too), nothing else.
  json reminder = {{"target", {{"staff_id", "gv-01"}}}, {"text", "x"}, {"category", "reminder"}};
  EXPECT_EQ(parse_new_message(reminder).category, Category::Reminder);
  reminder["category"] = nullptr;
  EXPECT_EQ(parse_new_message(reminder).category, Category::Ordinary);
  for (const json& bad : {json("Reminder"), json(""), json("announcement"), json(1)}) {
    reminder["category"] = bad;
    EXPECT_EQ(status(reminder), 400) << bad.dump();
  }
  EXPECT_THROW(checked_idempotency_key("a b"), ApiError);
  EXPECT_EQ(checked_idempotency_key("reminder:2026:d-7"), "reminder:2026:d-7");
}

// "send_at" (issue 12): an RFC 3339 instant with Z or an offset; the school's +07:00 is
// seven hours ahead of UTC. Anything else is refused before anything is stored.
TEST(Outbox, ReadsATimeToSend) {
  json body = {{"target", "group"}, {"text", "x"}, {"send_at", "2026-12-07T07:00:00+07:00"}};
  auto m = parse_new_message(body);
  ASSERT_TRUE(m.send_at);
  EXPECT_EQ(iso_instant(*m.send_at), "2026-12-07T00:00:00Z");
  body["send_at"] = "2026-12-07T00:00:00Z";
  EXPECT_EQ(iso_instant(*parse_new_message(body).send_at), "2026-12-07T00:00:00Z");
  body["send_at"] = "2026-12-06T20:30:00-03:30";
  EXPECT_EQ(iso_instant(*parse_new_message(body).send_at), "2026-12-07T00:00:00Z");
  body["send_at"] = nullptr;
  EXPECT_FALSE(parse_new_message(body).send_at);
  for (const json& bad : {json("2026-12-07T07:00"), json("2026-12-07 07:00:00+07:00"),
                          json("2026-12-07T07:00:00.5Z"), json("2026-12-07T07:00:00+24:00"),
                          json("2026-02-30T07:00:00Z"), json(1765000000), json("")}) {
    body["send_at"] = bad;
    EXPECT_EQ(status(body), 400) << bad.dump();
  }
}
