// What the bot answers (notifications/domain/replies): Vietnamese, dates as dd/mm/yyyy, each
// colleague addressed by their recorded gender, reminders turned off and on, the sign-in code,
// and the deadlines the school or the units owe.
#include <gtest/gtest.h>

#include "core/catalogue.hpp"
#include "notifications/domain/commands.hpp"
#include "notifications/domain/replies.hpp"

namespace thidua::notifications {
namespace {

// A colleague as the staff directory gives one: not in a unit, Zalo not linked.
Colleague colleague(std::string id, std::string name, std::string gender, std::string role) {
  Colleague c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.gender = std::move(gender);
  c.role = std::move(role);
  return c;
}

// A deadline's next occurrence as the reports service lists it: due on `due`, `days_left` away.
DeadlineOccurrence occurrence(std::string due, long long days_left) {
  DeadlineOccurrence o;
  o.due_date = std::move(due);
  o.days_left = days_left;
  return o;
}

Deadline deadline(std::string name, std::string owed_by, DeadlineOccurrence next) {
  Deadline d;
  d.name = std::move(name);
  d.owed_by = std::move(owed_by);
  d.occurrences.push_back(std::move(next));
  return d;
}

TEST(Replies, RemindersOffAndOnSayWhatChangedAndHowToUndoIt) {
  Colleague hoa = colleague("gv-hoa", "Nguyễn Thị Hoa", "female", "leader");
  auto off = reply_reminders(true, true, hoa);
  EXPECT_NE(off.find("Đã tắt tin nhắc hạn gửi riêng cho cô Nguyễn Thị Hoa"), std::string::npos)
      << off;
  EXPECT_NE(off.find("trong nhóm vẫn như thường"), std::string::npos) << off;
  EXPECT_NE(off.find("Muốn nhận lại, cô gõ /batnhac."), std::string::npos) << off;
  EXPECT_EQ(off.find("Tin nhắc hạn gửi riêng chỉ đến"), std::string::npos) << "a leader gets them";
  auto again = reply_reminders(true, false, hoa);
  EXPECT_NE(again.find("đã tắt từ trước"), std::string::npos) << again;
  auto on = reply_reminders(false, true, hoa);
  EXPECT_NE(on.find("Đã bật lại tin nhắc hạn gửi riêng cho cô Nguyễn Thị Hoa."), std::string::npos)
      << on;
  EXPECT_NE(on.find("Muốn thôi nhận, cô gõ /tatnhac."), std::string::npos) << on;
  EXPECT_NE(reply_reminders(false, false, hoa).find("vẫn đang bật"), std::string::npos);
  // Gender not recorded: the name alone, and "thầy cô"; someone who is not a leader is told
  // who gets them.
  Colleague an = colleague("gv-an", "Trần Văn An", "", "staff");
  auto staff = reply_reminders(true, true, an);
  EXPECT_NE(staff.find("cho Trần Văn An:"), std::string::npos) << staff;
  EXPECT_NE(staff.find("Muốn nhận lại, thầy cô gõ /batnhac."), std::string::npos) << staff;
  EXPECT_NE(staff.find("chỉ đến tổ trưởng"), std::string::npos) << staff;
  an.gender = "male";
  EXPECT_NE(reply_reminders(false, true, an).find("Muốn thôi nhận, thầy gõ"), std::string::npos);
  for (bool o : {true, false}) {
    for (bool c : {true, false}) {
      for (const auto& who : {hoa, an}) {
        auto t = reply_reminders(o, c, who);
        EXPECT_TRUE(text::lint_message(t).empty()) << t;
        EXPECT_EQ(t.find('\n'), std::string::npos) << t;
      }
    }
  }
}

TEST(Replies, VietnameseWithDatesDdMmYyyy) {
  auto o = occurrence("2026-10-30", 5);
  o.unit_due_date = "2026-10-20";
  o.unit_due_date_vn = "20/10/2026";
  o.missing = std::vector<std::string>{"Tổ Toán – Tin"};
  Deadlines list{"2026-10-25", {deadline("Báo cáo năm", "units", o)}};
  auto t = reply_deadlines(list);
  EXPECT_NE(t.find("30/10/2026"), std::string::npos) << t;
  EXPECT_NE(t.find("còn 5 ngày"), std::string::npos) << t;
  EXPECT_NE(t.find("Đơn vị chưa nộp phần của mình: Tổ Toán – Tin."), std::string::npos) << t;
  EXPECT_NE(t.find("Hạn nộp phần của các tổ: 20/10/2026 (đã qua)."), std::string::npos) << t;
  // The units could not be read: the deadline comes, the rest is said to be missing.
  list.deadlines[0].occurrences[0].missing.reset();
  EXPECT_NE(reply_deadlines(list).find("Chưa lấy được"), std::string::npos);
  EXPECT_NE(reply_deadlines(Deadlines{}).find("Chưa lấy được hạn chót"), std::string::npos);
  EXPECT_EQ(vn_date_of("2026-03-02T20:00:00Z"), "03/03/2026");  // local date, UTC+7
  QuotaItem item;
  item.award = "Giấy khen";
  item.subject_kind = "individual";
  item.used = "1";
  item.limit_kind = QuotaItem::Limit::Count;
  item.limit = 2;
  Quotas q{"năm 2026", {item}};
  EXPECT_NE(reply_quotas(q).find("Giấy khen (cá nhân): 1/2"), std::string::npos);
}

TEST(RepliesTest, ColleaguesAreAddressedByTheirRecordedGender) {
  Colleague hoa = colleague("gv-hoa", "Nguyễn Thị Hoa", "female", "staff");
  Colleague nam = colleague("gv-nam", "Lê Văn Nam", "male", "staff");
  Colleague an = colleague("gv-an", "Trần An", "", "staff");
  EXPECT_EQ(you(hoa), "cô");
  EXPECT_EQ(you(nam), "thầy");
  EXPECT_EQ(you(an), "thầy cô");
  EXPECT_EQ(you(Colleague{}), "thầy cô");
  EXPECT_EQ(addressed_name(hoa), "cô Nguyễn Thị Hoa");
  EXPECT_EQ(addressed_name(nam), "thầy Lê Văn Nam");
  EXPECT_EQ(addressed_name(an), "Trần An");
  nam.role = "leader";
  EXPECT_EQ(reply_whoami(nam), "Tài khoản Zalo này là của thầy Lê Văn Nam, vai trò: tổ trưởng.");
  an.role = "bursar";  // a code the bot does not know is never shown
  EXPECT_EQ(reply_whoami(an), "Tài khoản Zalo này là của Trần An, vai trò: chưa xác định.");
  // Linked privately, a confirmation; in the group, also that the code is spent and to send
  // it privately next time, to the person as colleagues address them.
  EXPECT_EQ(reply_linked(hoa), "✅ Đã liên kết tài khoản Zalo này với cô Nguyễn Thị Hoa.");
  EXPECT_EQ(reply_linked(hoa, true),
            "✅ Đã liên kết tài khoản Zalo này với cô Nguyễn Thị Hoa.\nMã liên kết đã dùng xong "
            "nên không ai dùng lại được; lần sau cô nhắn riêng mã cho bot.");
  EXPECT_NE(
      reply_sign_in_too_many(nam).find(
          "thầy hãy dùng mã mới nhất nếu chưa dùng, hoặc xin lại sau ít phút (chậm nhất 15 phút)."),
      std::string::npos);
  IssuedSignIn issued{"K7QM4XPR", "K7QM-4XPR", "5", "2026-11-25T03:20:00Z"};
  EXPECT_NE(reply_sign_in(issued, "", hoa).find("vào được với quyền của cô."), std::string::npos);
}

// domain.md: good news is public in the group; a rejection is told privately, and drafts stay
// within the unit. /trangthai and /denghi asked in the group show only what the group heard.
TEST(Replies, InTheGroupOnlyNominationsTheGroupHeardOfAreDescribed) {
  auto view = [](std::string id, std::string state, std::string label) {
    NominationView n;
    n.id = std::move(id);
    n.subject_name = "Lê Văn Nam";
    n.award = "Giấy khen của Chủ tịch UBND xã";
    n.period = "Năm 2026";
    n.state = std::move(state);
    n.status = std::move(label);
    return n;
  };
  auto rejected = view("7", "rejected", "Không được thông qua");
  auto draft = view("8", "draft", "Nháp");
  auto approved = view("9", "approved", "Đã thông qua");
  for (const auto& hidden : {rejected, draft, view("10", "withdrawn", "Đã rút"),
                             view("11", "not_awarded", "Không được khen"), view("12", "", "?")}) {
    EXPECT_FALSE(told_in_group(hidden)) << hidden.state;
    auto in_group = reply_nomination(hidden, true);
    EXPECT_EQ(in_group, "Đề nghị số " + hidden.id +
                            ": thầy cô nhắn riêng cho bot để xem (/trangthai " + hidden.id + ").");
    EXPECT_NE(reply_nomination(hidden).find(hidden.status), std::string::npos);
  }
  for (const char* state : {"submitted", "under_review", "approved", "forwarded", "awarded"}) {
    EXPECT_TRUE(told_in_group(view("1", state, "x"))) << state;
  }
  EXPECT_EQ(reply_nomination(approved, true), reply_nomination(approved));
  EXPECT_NE(reply_nomination(approved, true).find("Lê Văn Nam"), std::string::npos);

  std::vector<NominationView> mine{rejected, draft, approved};
  auto privately = reply_nominations(mine, "thầy Lê Văn Nam");
  EXPECT_NE(privately.find("Số 7"), std::string::npos) << privately;
  EXPECT_NE(privately.find("Số 8"), std::string::npos);
  EXPECT_EQ(privately.find("nhắn riêng"), std::string::npos);
  auto in_group = reply_nominations(mine, "thầy Lê Văn Nam", true);
  EXPECT_EQ(in_group,
            "📋 Đề nghị khen thưởng của thầy Lê Văn Nam:\n"
            "• Số 9: Giấy khen của Chủ tịch UBND xã, năm 2026 — Đã thông qua\n"
            "Đề nghị đang soạn, đã rút hoặc không được thông qua chỉ xem được khi nhắn riêng "
            "cho bot: /denghi");
  // Nothing the group heard of: said so, with the same way to the rest.
  auto none = reply_nominations({rejected}, "thầy Lê Văn Nam", true);
  EXPECT_EQ(none.find("Số 7"), std::string::npos) << none;
  EXPECT_NE(none.find("Chưa có đề nghị khen thưởng nào của thầy Lê Văn Nam đã báo trong nhóm."),
            std::string::npos)
      << none;
  EXPECT_NE(none.find("/denghi"), std::string::npos);
  // Privately, those the person wrote follow (with whom each is about), their own not twice;
  // in the group they are not told.
  NominationView wrote = approved;
  wrote.id = "21";
  wrote.subject_name = "Trần Thị Mai";
  auto with_wrote = reply_nominations({approved}, "thầy Lê Văn Nam", false, {approved, wrote});
  EXPECT_EQ(with_wrote,
            "📋 Đề nghị khen thưởng của thầy Lê Văn Nam:\n"
            "• Số 9: Giấy khen của Chủ tịch UBND xã, năm 2026 — Đã thông qua\n"
            "📝 Đề nghị thầy cô đã lập:\n"
            "• Số 21: Trần Thị Mai, Giấy khen của Chủ tịch UBND xã, năm 2026 — Đã thông qua");
  EXPECT_EQ(reply_nominations({approved}, "thầy Lê Văn Nam", true, {wrote}).find("đã lập"),
            std::string::npos);
}

TEST(SignInCommand, TheAnswerCarriesTheCodeTheLinkAndTheTimeInVietnam) {
  IssuedSignIn issued{"K7QM4XPR", "K7QM-4XPR", "5", "2026-11-25T03:20:00Z"};
  Colleague staff = colleague("gv-lan", "Lê Thị Lan", "female", "staff");
  auto text = reply_sign_in(issued, "https://thidua.example.edu.vn/admin/", staff);
  EXPECT_NE(text.find("cô Lê Thị Lan: K7QM-4XPR"), std::string::npos) << text;
  EXPECT_NE(text.find("trong 5 phút (đến 10:20)"), std::string::npos) << text;
  EXPECT_NE(text.find("https://thidua.example.edu.vn/admin/#ma=K7QM4XPR"), std::string::npos)
      << text;
  EXPECT_TRUE(text::lint_message(text, std::vector<std::string_view>{"admin"}).empty()) << text;
  // No dashboard address: the code alone, typed on the sign-in screen.
  auto bare = reply_sign_in(issued, "", staff);
  EXPECT_EQ(bare.find("#ma="), std::string::npos);
  EXPECT_NE(bare.find("gõ mã"), std::string::npos) << bare;
  // A fragment already in the address is replaced, not doubled.
  EXPECT_EQ(sign_in_link("http://127.0.0.1:8080/admin/#cu", "K7QM4XPR"),
            "http://127.0.0.1:8080/admin/#ma=K7QM4XPR");
  EXPECT_EQ(vn_time_of("2026-12-31T17:05:00Z"), "00:05");
  EXPECT_EQ(vn_time_of("không phải thời điểm"), "");
}
// Issue 14: /hanchot for the self-assessment due 31/5, which the school owes, speaks of that
// deadline: never of the yearly report, never "sent" before the board marked it done.
TEST(Replies, ASchoolOwedDeadlineSpeaksOfItsOwnCompletion) {
  auto own = occurrence("2027-05-31", 7);
  own.due_date_vn = "31/05/2027";
  Deadlines list{"2027-05-24",
                 {deadline("Báo cáo năm", "units", occurrence("2027-10-30", 159)),
                  deadline("Tự đánh giá chuyển đổi số", "school", own)}};
  auto t = reply_deadlines(list);
  EXPECT_NE(t.find("Tự đánh giá chuyển đổi số: 31/05/2027 (còn 7 ngày)."), std::string::npos) << t;
  EXPECT_NE(t.find("Việc này do nhà trường thực hiện, chưa hoàn thành."), std::string::npos) << t;
  EXPECT_EQ(t.find("Báo cáo năm"), std::string::npos) << t;
  EXPECT_EQ(t.find("nộp phần"), std::string::npos) << t;
  list.deadlines[1].occurrences[0].done = DeadlineOccurrence::Done{"2027-05-28", "28/05/2027"};
  t = reply_deadlines(list);
  EXPECT_NE(t.find("Việc này nhà trường đã hoàn thành ngày 28/05/2027."), std::string::npos) << t;
}

// /baocao with no year: the year of the units' deadline to come (the dashboard's year), not
// the calendar's; in December that is next year's report. Other deadlines do not decide it.
TEST(Replies, ReportYearIsTheUnitsDeadlineToCome) {
  Deadlines december{"2026-12-07",
                     {deadline("Đăng ký thi đua", "registrations", occurrence("2027-09-30", 297)),
                      deadline("Tự đánh giá", "school", occurrence("2026-12-20", 13)),
                      deadline("Báo cáo năm", "units", occurrence("2027-10-30", 327))}};
  EXPECT_EQ(report_year(december, 2026), 2027);
  // Still owed after its day, the year's own report stays the one to come.
  Deadlines owed{"2026-11-02", {deadline("Báo cáo năm", "units", occurrence("2026-10-30", -3))}};
  EXPECT_EQ(report_year(owed, 2026), 2026);
  Deadlines none{"2026-12-07", {deadline("Tự đánh giá", "school", occurrence("2027-01-10", 34))}};
  EXPECT_EQ(report_year(none, 2026), 2026);
  EXPECT_EQ(report_year(Deadlines{}, 2031), 2031);
}

// Issue 14: /hanchot when the registration deadline (30/9) is the next one: the units whose
// people have not all registered, with counts and no names; never the yearly report's units.
TEST(Replies, ARegistrationDeadlineNamesTheUnitsThatOweWithCounts) {
  // Only the units not done: Tổ Văn phòng has registered and is not among them.
  auto own = occurrence("2027-09-30", 5);
  own.due_date_vn = "30/09/2027";
  own.missing = std::vector<std::string>{};
  own.registration =
      std::vector<RegistrationGap>{{"Tổ Toán – Tin", 3, true}, {"Tổ Ngữ văn", 1, false}};
  Deadlines list{"2027-09-25",
                 {deadline("Báo cáo năm", "units", occurrence("2027-10-30", 35)),
                  deadline("Đăng ký danh hiệu và chỉ tiêu thi đua", "registrations", own)}};
  auto t = reply_deadlines(list);
  EXPECT_EQ(t,
            "⏰ Đăng ký danh hiệu và chỉ tiêu thi đua: 30/09/2027 (còn 5 ngày).\n"
            "Đơn vị chưa đăng ký thi đua đủ: Tổ Toán – Tin (còn 3 thầy cô), Tổ Ngữ văn (tập thể "
            "và 1 thầy cô).");
  list.deadlines[1].occurrences[0].registration->clear();
  EXPECT_NE(reply_deadlines(list).find("Tất cả các đơn vị và thầy cô đã đăng ký"),
            std::string::npos);
  list.deadlines[1].occurrences[0].registration.reset();
  EXPECT_NE(reply_deadlines(list).find("Chưa lấy được danh sách ai đã đăng ký"), std::string::npos);
}

}  // namespace
}  // namespace thidua::notifications
