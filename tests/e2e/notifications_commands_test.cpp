// Chat commands end to end (notifications_commands_fixture.hpp): a staff member links their
// Zalo id with a code an admin issued, then asks who they are, their nominations and quotas;
// the bot keeps out of the group's own talk and shows a stranger in private the way.
#include <gtest/gtest.h>

#include "notifications_commands_fixture.hpp"

namespace thidua::testing::notifications_commands_test {
namespace {

TEST_F(NotificationsCommands, LinkThenAskWhoAmINominationsAndQuotas) {
  json staff = hoa();
  ASSERT_EQ(put_staff("gv-hoa", staff), 200);
  std::string code = link_code("gv-hoa");
  ASSERT_FALSE(code.empty());

  EXPECT_NE(ask("/toila").find("chưa liên kết"), std::string::npos);
  EXPECT_NE(ask("/lienket 00000000").find("không đúng"), std::string::npos);
  auto linked = ask("/liênkết " + code);
  EXPECT_NE(linked.find("Đã liên kết"), std::string::npos) << linked;
  EXPECT_NE(linked.find("Nguyễn Thị Hoa"), std::string::npos);
  // Sent in the group: the code is spent at once, and she is asked to send it privately.
  EXPECT_NE(linked.find("lần sau cô nhắn riêng mã cho bot"), std::string::npos) << linked;
  auto me = ask("/toila");
  EXPECT_NE(me.find("Tài khoản Zalo này là của cô Nguyễn Thị Hoa, vai trò: tổ trưởng."),
            std::string::npos)
      << me;
  EXPECT_NE(ask("/denghi").find("Chưa có đề nghị"), std::string::npos);
  auto quotas = ask("/chitieu 2026");
  EXPECT_NE(quotas.find("Chỉ tiêu khen thưởng năm 2026"), std::string::npos) << quotas;
  // A period in words, typed with or without diacritics (issue 13).
  auto interim = ask("/chitieu sơ kết");
  EXPECT_NE(interim.find("Chỉ tiêu khen thưởng sơ kết giai đoạn 1"), std::string::npos) << interim;
  EXPECT_NE(ask("/chitieu tong ket").find("tổng kết phong trào"), std::string::npos);
  // While a command is looked up, the bot shows it is typing in that chat.
  auto calls = json::parse(http_call("GET", url(zalo_port_, "/__fake/calls")).body);
  int typing = 0;
  for (auto& c : calls) {
    if (c.value("method", "") == "sendChatAction" && c.value("outcome", "") == "ok" &&
        c.value("chat_id", "") == "g1" && c.value("action", "") == "typing") {
      ++typing;
    }
  }
  EXPECT_GE(typing, 5) << calls.dump();
  // In the group a number no one may see gets the answer of one not told there; privately,
  // what is true.
  EXPECT_NE(ask("/trangthai 999").find("Đề nghị số 999: thầy cô nhắn riêng"), std::string::npos);
  EXPECT_NE(ask("/trangthai 999", "zu-7", "zu-7").find("Không tìm thấy đề nghị số 999"),
            std::string::npos);
  // Reports has no submissions route yet: the deadline comes, the rest is said to be missing.
  auto deadline = ask("/hanchot");
  EXPECT_NE(deadline.find("/10/"), std::string::npos) << deadline;
  EXPECT_NE(deadline.find("Chưa lấy được danh sách"), std::string::npos) << deadline;
  // A nomination round the board opens is told too, with its last day (issue 14).
  auto rounds = json::parse(
      http_call("GET", url(nominations_port_, "/api/nominations/v1/rounds"), "", admin()).body);
  const std::string today = rounds.value("today", "");
  json round = {{"name", "Đợt xét thử"},
                {"period", today.substr(0, 4)},
                {"opens", today},
                {"closes", today},
                {"awards", json::array()}};
  ASSERT_EQ(
      http_call("POST", url(nominations_port_, "/api/nominations/v1/rounds"), round.dump(), admin())
          .status,
      201);
  auto with_round = ask("/hanchot");
  EXPECT_NE(with_round.find("📝 Đợt xét thử: hôm nay ("), std::string::npos) << with_round;
  EXPECT_NE(with_round.find("là ngày cuối nhận đề nghị khen thưởng."), std::string::npos);
  // /baocao with no year answers for the units' deadline to come, as reports lists it.
  auto deadlines = json::parse(
      http_call("GET", url(reports_port_, "/api/reports/v1/deadlines"), "", admin()).body, nullptr,
      false);
  std::string to_come;
  for (const auto& d : deadlines.value("deadlines", json::array())) {
    if (d.value("owed_by", "") == "units" && !d.value("occurrences", json::array()).empty()) {
      to_come = d["occurrences"][0].value("due_date", "").substr(0, 4);
      break;
    }
  }
  ASSERT_EQ(to_come.size(), 4u) << deadlines.dump();
  auto reports = ask("/baocao");
  EXPECT_NE(reports.find("năm " + to_come), std::string::npos) << reports;
  EXPECT_NE(ask("/trogiup").find("cô Lan"), std::string::npos);
  EXPECT_NE(ask("/trangthai").find("Ví dụ: /trangthai 12"), std::string::npos);
  // A stranger's private chat gets nothing; a linked member's private chat is answered.
  EXPECT_NE(ask("/toila", "zu-7", "zu-7").find("Nguyễn Thị Hoa"), std::string::npos);
  // In a private chat any text is answered: what is no command gets a short hint (issue 13).
  EXPECT_EQ(ask("Cảm ơn bot nhé", "zu-7", "zu-7", false),
            "Mỗi lệnh của bot bắt đầu bằng dấu \"/\"; thầy cô gõ /trogiup để xem các lệnh.\n— tự "
            "động");

  // The bot acts with her rights (a leader of Tổ Toán – Tin), not the service token's: a
  // nomination in another unit is not hers to see; one in her unit is.
  auto nominate = [&](const std::string& staff_id, const std::string& unit) {
    EXPECT_EQ(
        put_staff(staff_id, {{"name", "Cán bộ " + staff_id}, {"unit_id", unit}, {"role", "staff"}}),
        200);
    json n = {{"period", "2026"},
              {"award", "gk_xa"},
              {"subject_kind", "individual"},
              {"subject_id", staff_id},
              {"reason", "Bài giảng điện tử"}};
    auto r = http_call("POST", url(nominations_port_, "/api/nominations/v1/nominations"), n.dump(),
                       admin());
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body).value("id", "");
  };
  auto other = nominate("gv-van", "to-ngu-van");
  auto own = nominate("gv-toan", "to-toan-tin");
  EXPECT_NE(ask("/trangthai " + other, "zu-7", "zu-7").find("Không tìm thấy đề nghị số " + other),
            std::string::npos);
  // The same words as for her own draft below: the group cannot tell the two apart.
  EXPECT_EQ(ask("/trangthai " + other)
                .rfind("Đề nghị số " + other + ": thầy cô nhắn riêng cho bot để xem (/trangthai " +
                           other + ").",
                       0),
            0u);
  // A draft is hers to see, but in the group it is not described (domain.md: drafts stay
  // within the unit, a rejection is told privately); in her private chat it is.
  auto in_group = ask("/trangthai " + own);
  EXPECT_EQ(in_group.find("Nháp"), std::string::npos) << in_group;
  EXPECT_NE(in_group.find("Đề nghị số " + own + ": thầy cô nhắn riêng"), std::string::npos)
      << in_group;
  EXPECT_EQ(in_group.find("gv-toan"), std::string::npos) << in_group;
  auto privately = ask("/trangthai " + own, "zu-7", "zu-7");
  EXPECT_NE(privately.find("Cán bộ gv-toan"), std::string::npos) << privately;
  EXPECT_NE(privately.find("Nháp"), std::string::npos) << privately;
  // One she wrote herself (the service acting for her, as the dashboard would): privately
  // /denghi lists it under what she wrote; the group hears nothing of it.
  ASSERT_EQ(put_staff("gv-toan2",
                      {{"name", "Cán bộ gv-toan2"}, {"unit_id", "to-toan-tin"}, {"role", "staff"}}),
            200);
  json hers = {{"period", "2026"},
               {"award", "gk_xa"},
               {"subject_kind", "individual"},
               {"subject_id", "gv-toan2"},
               {"reason", "Học liệu số"}};
  auto written =
      http_call("POST", url(nominations_port_, "/api/nominations/v1/nominations"), hers.dump(),
                {{"Authorization", "Bearer " + kService},
                 {"Content-Type", "application/json"},
                 {"X-Acting-For", "gv-hoa"}});
  ASSERT_EQ(written.status, 201) << written.body;
  const std::string hers_id = json::parse(written.body).value("id", "");
  auto listed = ask("/denghi", "zu-7", "zu-7");
  EXPECT_NE(listed.find("📝 Đề nghị thầy cô đã lập:\n• Số " + hers_id + ": Cán bộ gv-toan2"),
            std::string::npos)
      << listed;
  EXPECT_EQ(ask("/denghi").find("đã lập"), std::string::npos);
  // Demoted to staff: her own nominations only, at once.
  staff["role"] = "staff";
  ASSERT_EQ(put_staff("gv-hoa", staff), 200);
  EXPECT_NE(ask("/trangthai " + own, "zu-7", "zu-7").find("Không tìm thấy đề nghị số " + own),
            std::string::npos);
}

// Issue 13: the bot stays out of the group's own conversation, and in a private chat it
// always answers, telling someone not linked yet how to begin.
TEST_F(NotificationsCommands, ChatterInTheGroupGetsNoAnswerAndAStrangerInPrivateIsShownTheWay) {
  json chatter = {{"event_name", "message.text.received"},
                  {"message",
                   {{"message_id", "chat-1"},
                    {"date", 1764000000000LL},
                    {"text", "Chào cả nhà, chiều mai 14h họp tổ nhé"},
                    {"from", {{"id", "zu-9"}, {"display_name", "Cô Hoa"}, {"is_bot", false}}},
                    {"chat", {{"id", "g1"}, {"chat_type", "GROUP"}}}}}};
  http_call("POST", url(zalo_port_, "/__fake/updates"), chatter.dump(),
            {{"Content-Type", "application/json"}});
  // The next answer in the chat is to the next question: the chatter got none.
  EXPECT_NE(ask("/trogiup").find("Các lệnh của bot"), std::string::npos);
  auto hello = ask("xin chào", "zu-stranger", "pv-stranger", false);
  EXPECT_NE(hello.find("/lienket"), std::string::npos) << hello;
  EXPECT_NE(hello.find("nhắn riêng"), std::string::npos) << hello;
  auto help = ask("/trogiup", "zu-stranger", "pv-stranger");
  EXPECT_NE(help.find("Các lệnh của bot"), std::string::npos) << help;
  // Someone linking who types the code or the command wrong is told what to fix, not the
  // way to link they are already following.
  auto short_code = ask("/lienket 6ccfbfb", "zu-stranger", "pv-stranger");
  EXPECT_NE(short_code.find("Mã liên kết gồm 8 ký tự"), std::string::npos) << short_code;
  auto no_code = ask("/lienket", "zu-stranger", "pv-stranger");
  EXPECT_NE(no_code.find("Ví dụ: /lienket"), std::string::npos) << no_code;
  auto typo = ask("/lienkt 6ccfbfb8", "zu-stranger", "pv-stranger");
  EXPECT_NE(typo.find("Có phải thầy cô định gõ /lienket?"), std::string::npos) << typo;
  // Any other command still shows the way to link first.
  EXPECT_NE(ask("/hanchott", "zu-stranger", "pv-stranger").find("/lienket"), std::string::npos);
}

// Guessing link codes one message at a time ends after five wrong ones: the sixth, even the
// right code, is told to wait (nominations' 429), and the code stays usable.
TEST_F(NotificationsCommands, FiveWrongLinkCodesAndTheAccountIsToldToWait) {
  ASSERT_EQ(put_staff("gv-hoa", hoa()), 200);
  for (int i = 0; i < 5; ++i) {
    auto wrong = ask("/lienket 0000000" + std::to_string(i), "zu-guess", "pv-guess");
    EXPECT_NE(wrong.find("Mã liên kết không đúng"), std::string::npos) << wrong;
  }
  const std::string code = link_code("gv-hoa");
  auto limited = ask("/lienket " + code, "zu-guess", "pv-guess");
  EXPECT_NE(limited.find("đã gõ sai mã liên kết nhiều lần; thầy cô đợi một giờ"), std::string::npos)
      << limited;
  EXPECT_NE(ask("/lienket " + code, "zu-hoa", "pv-hoa").find("Đã liên kết"), std::string::npos);
}

}  // namespace
}  // namespace thidua::testing::notifications_commands_test
