// Issue 13, end to end: a day in the staff's Zalo group, with every real service, Redis and
// the fake Zalo Bot API. Chatter gets no answer; a command is answered where it was asked;
// the 08:00 reminder names the units that owe in the group and reaches the owing unit's
// leader privately; a council sitting with twelve decisions is two group messages, while
// each rejection is told privately. The test checks exactly which texts went where, in
// order. Clocks are pinned with libfaketime; time passes by restarting a service later.
#include <map>
#include <vector>

#include "e2e/e2e_system.hpp"

namespace thidua::e2e {
namespace {
using nlohmann::json;
using testing::http_call;

std::map<std::string, std::string> at(const std::string& ict) {
  auto env = testing::faked_clock_env(ict);
  env["THIDUA_DIGEST_WINDOW_MS"] = "600000";
  env["THIDUA_BOT_MODE"] = "polling";
  env["THIDUA_POLL_TIMEOUT_S"] = "1";
  env["THIDUA_PLANNER_TICK_MS"] = "200";
  env["THIDUA_REMINDER_TIME"] = "08:00";
  return env;
}

class DayInTheGroup : public E2eTest {
 protected:
  testing::HttpReply nominations(const std::string& method, const std::string& path,
                                 const json& body = json::object()) {
    return http_call(method, url("nominations", "/api/nominations/v1" + path), body.dump(),
                     admin());
  }
  // A message typed by `from` in the group (or privately), as Zalo delivers it to the bot.
  void say(const std::string& from, const std::string& text, bool in_group = true) {
    json update = {
        {"event_name", "message.text.received"},
        {"message",
         {{"message_id", "day-" + std::to_string(++said_)},
          {"date", 1792800000000LL + said_},
          {"text", text},
          {"from", {{"id", from}, {"display_name", "Giáo viên"}, {"is_bot", false}}},
          {"chat",
           {{"id", in_group ? kGroupId : from}, {"chat_type", in_group ? "GROUP" : "PRIVATE"}}}}}};
    auto r = http_call("POST", url("fake_zalo", "/__fake/updates"), update.dump(),
                       {{"Content-Type", "application/json"}});
    ASSERT_EQ(r.status, 200) << r.body;
  }
  std::map<std::string, std::vector<std::string>> by_chat() const {
    std::map<std::string, std::vector<std::string>> out;
    for (auto& m : delivered()) out[m.value("chat_id", "")].push_back(m.value("text", ""));
    return out;
  }
  std::size_t sent_to(const std::string& chat) const {
    auto all = by_chat();
    auto it = all.find(chat);
    return it == all.end() ? 0 : it->second.size();
  }
  int said_ = 0;
};

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(DayInTheGroup, ChatterCommandsAReminderAndACouncilSittingReachTheRightPeopleInOrder) {
  start_system(at("2026-10-23 07:30:00"));
  if (HasFatalFailure()) return;
  json leader = {{"name", "Phạm Văn Cường"},
                 {"unit_id", "to-toan-tin"},
                 {"role", "leader"},
                 {"gender", "male"}};
  ASSERT_EQ(nominations("PUT", "/catalogue/staff/gv-cuong", leader).status, 200);
  link_zalo("gv-cuong", "zu-cuong");
  if (HasFatalFailure()) return;
  json open = {{"collective", -1}, {"individual", -1}};
  json form = {{"label", "Giấy khen của Hiệu trưởng"},
               {"level", "school"},
               {"dossier_copies", 1},
               {"quotas", {{"annual", open}, {"interim", open}, {"final", open}}}};
  ASSERT_EQ(nominations("PUT", "/catalogue/award-forms/gk_ht", form).status, 200);

  // Reports knows the units once it has read them from nominations (a moment after start).
  ASSERT_TRUE(wait_for([&] {
    auto r = http_call("GET", url("reports", "/api/reports/v1/contributions/2026"), "", admin());
    return r.status == 200 && has(r.body, "to-toan-tin");
  }));

  // 07:30: the staff talk among themselves; then the leader asks for the deadline.
  say("zu-an", "Chào cả nhà, chiều mai 14h họp tổ Toán – Tin nhé");
  say("zu-binh", "Ai có mẫu báo cáo / tờ trình năm ngoái không ạ?");
  say("zu-cuong", "@Thi đua THCS Vĩnh Phong 1 /hanchot");
  ASSERT_TRUE(wait_for([&] { return sent_to(kGroupId) >= 1; }));
  say("zu-cuong", "/toila", false);
  ASSERT_TRUE(wait_for([&] { return sent_to("zu-cuong") >= 1; }));

  // 08:00: the reports planner's reminder, seven days before 30/10.
  // Only now does reports post to notifications: the fixture leaves it unset so that no other
  // test hears a reminder that the real date happens to make due.
  auto eight = at("2026-10-23 08:00:00");
  eight["THIDUA_NOTIFICATIONS_URL"] = url("notifications", "");
  restart_service("reports", eight);
  if (HasFatalFailure()) return;
  ASSERT_TRUE(wait_for([&] { return sent_to(kGroupId) >= 2 && sent_to("zu-cuong") >= 2; }));

  // Later that morning the council sits and decides twelve nominations, two rejected.
  auto sitting = council_sitting("2026-10-23", "zu-gv-");
  ASSERT_EQ(sitting.size(), 12u);
  // The rejections are told at once; the group waits for the window.
  ASSERT_TRUE(wait_for([&] {
    return sent_to("zu-cuong") >= 4 && sent_to("zu-gv-4") >= 1 && sent_to("zu-gv-9") >= 1;
  }));
  EXPECT_EQ(sent_to(kGroupId), 2u) << "the group heard of the sitting before the window passed";

  // 09:11 in the notifications service's clock: the ten-minute window has passed. Every
  // decision is taken in first: on a busy machine the last approvals may still be on their
  // way, and one read after the restart would open a batch of its own.
  ASSERT_TRUE(wait_for([&] { return events_taken_in(); }));
  restart_service("notifications", at("2026-10-23 09:11:00"));
  if (HasFatalFailure()) return;
  ASSERT_TRUE(wait_for([&] { return queue_settled() && sent_to(kGroupId) >= 4; }));

  auto chats = by_chat();
  // Nobody else heard anything: not the chatting teachers, nor anyone not concerned.
  std::vector<std::string> who;
  for (const auto& [chat, texts] : chats) who.push_back(chat);
  EXPECT_EQ(who, (std::vector<std::string>{kGroupId, "zu-cuong", "zu-gv-4", "zu-gv-9"}));

  const auto& group = chats[kGroupId];
  ASSERT_EQ(group.size(), 4u);
  // 1. The answer to /hanchot, in the group where it was asked.
  EXPECT_TRUE(has(group[0], "⏰ ") && has(group[0], "30/10/2026") && has(group[0], "(còn 7 ngày)"))
      << group[0];
  EXPECT_TRUE(has(group[0], "Đơn vị chưa nộp phần của mình: ")) << group[0];
  EXPECT_TRUE(has(group[0], "Hạn nộp phần của các tổ: 20/10/2026 (đã qua).")) << group[0];
  // 2. The reminder names the units that owe.
  EXPECT_TRUE(has(group[1], "⏰ Nhắc hạn: ") && has(group[1], "Hạn chót: 30/10/2026 (còn 7 ngày)"))
      << group[1];
  EXPECT_TRUE(has(group[1], "Đơn vị chưa nộp phần báo cáo, đã quá hạn nộp 20/10/2026 (") &&
              has(group[1], "Tổ Toán – Tin"))
      << group[1];
  // 3 and 4. The sitting: the submissions, then the decisions without the rejected names.
  EXPECT_EQ(group[2].rfind("📋 12 đề nghị khen thưởng đã được trình Hội đồng", 0), 0u) << group[2];
  EXPECT_EQ(group[3].rfind("✅ Hội đồng Thi đua – Khen thưởng đã xét 12 đề nghị: 10 thông qua, 2 "
                           "chưa thông qua.",
                           0),
            0u)
      << group[3];
  for (const auto& n : sitting) {
    if (!n.passes) {
      EXPECT_FALSE(has(group[3], n.name + " (")) << n.name;
    }
  }

  const auto& cuong = chats["zu-cuong"];
  ASSERT_EQ(cuong.size(), 4u);
  // His own question, answered privately, in a colleague's words.
  EXPECT_TRUE(has(cuong[0], "Tài khoản Zalo này là của thầy Phạm Văn Cường")) << cuong[0];
  // The private reminder of his unit's part, with how to stop it.
  EXPECT_EQ(cuong[1].rfind("Kính gửi thầy Phạm Văn Cường,\nTổ Toán – Tin chưa nộp phần báo cáo", 0),
            0u)
      << cuong[1];
  EXPECT_TRUE(has(cuong[1], "/tatnhac")) << cuong[1];
  // His unit's own due date (20/10), not the school's 30/10 (issue 14).
  EXPECT_TRUE(has(cuong[1], "Hạn chót: 20/10/2026, đã quá hạn 3 ngày.")) << cuong[1];
  // Each rejection in his unit, with its reason, told to him alone.
  for (std::size_t i = 2; i < 4; ++i) {
    EXPECT_TRUE(has(cuong[i],
                    "chưa được Hội đồng Thi đua – Khen thưởng thông qua. Lý do: Chưa đủ "
                    "minh chứng về sáng kiến."))
        << cuong[i];
    EXPECT_TRUE(has(cuong[i], "Tin này chỉ gửi riêng thầy;")) << cuong[i];
  }
  for (const char* nominee : {"zu-gv-4", "zu-gv-9"}) {
    ASSERT_EQ(chats[nominee].size(), 1u) << nominee;
    EXPECT_TRUE(has(chats[nominee][0], "Tin này chỉ gửi riêng thầy cô;")) << chats[nominee][0];
  }
}

}  // namespace
}  // namespace thidua::e2e
