#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/backoff.hpp"
#include "core/catalogue.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "notifications/domain/bot_update.hpp"
#include "notifications/domain/commands.hpp"
#include "notifications/domain/outbox.hpp"
#include "notifications/domain/quiet_hours.hpp"
#include "notifications/domain/replies.hpp"
#include "notifications/domain/split.hpp"

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

using nlohmann::json;
const std::vector<std::string> kBot = {"Thi đua THCS Vĩnh Phong 1", "bot.thidua"};

TEST(CommandParse, DiacriticsCaseAndAliases) {
  for (std::string t : {"/hanchot", "/hạnchót", "/HẠNCHÓT", "/deadline", "  /hanchot  "}) {
    auto c = parse_command(t, kBot);
    ASSERT_TRUE(c.ok) << t;
    EXPECT_EQ(c.kind, CommandKind::Deadlines) << t;
  }
  EXPECT_EQ(parse_command("/trợgiúp", kBot).kind, CommandKind::Help);
  EXPECT_EQ(parse_command("/toila", kBot).kind, CommandKind::WhoAmI);
  EXPECT_EQ(parse_command("/tôilà", kBot).kind, CommandKind::WhoAmI);
  EXPECT_EQ(parse_command("/liênkết ab12cd34", kBot).kind, CommandKind::Link);
  EXPECT_EQ(parse_command("/denghi", kBot).kind, CommandKind::Nominations);
}

TEST(CommandParse, NfcAndDecomposedInputMeanTheSame) {
  // "chỉtiêu" typed with combining marks (NFD) as some phone keyboards send it.
  std::string nfd = "/chi\xCC\x89ti\xC3\xAA\xCC\x82u";  // i + U+0309, ê as e + U+0302 mixed
  std::string decomposed = "/chi\xCC\x89tie\xCC\x82u";
  EXPECT_EQ(parse_command(decomposed, kBot).kind, CommandKind::Quotas);
  EXPECT_TRUE(parse_command(decomposed, kBot).ok);
  (void)nfd;
}

TEST(CommandParse, StripsLeadingMentionOfTheBot) {
  auto c = parse_command("@Thi đua THCS Vĩnh Phong 1 /trangthai 42", kBot);
  ASSERT_TRUE(c.ok);
  EXPECT_EQ(c.kind, CommandKind::Status);
  EXPECT_EQ(c.args, std::vector<std::string>{"42"});
  EXPECT_TRUE(parse_command("@thi dua thcs vinh phong 1 /hanchot", kBot).ok);
  EXPECT_TRUE(parse_command("@bot.thidua /baocao", kBot).ok);
  // Another name before the command is dropped up to the slash.
  EXPECT_TRUE(parse_command("@Bot Thi Đua /chitieu 2026", kBot).ok);
  EXPECT_EQ(strip_mention("@thi dua thcs vinh phong 1   /toila", {"Thi đua THCS Vĩnh Phong 1"}),
            "/toila");
}

TEST(CommandParse, ArgumentErrorsGiveAOneLineHint) {
  auto missing = parse_command("/trangthai", kBot);
  EXPECT_FALSE(missing.ok);
  EXPECT_NE(missing.hint.find("Thầy cô cần ghi số đề nghị. Ví dụ: /trangthai 12"),
            std::string::npos)
      << missing.hint;
  EXPECT_EQ(missing.hint.find('\n'), std::string::npos);
  EXPECT_FALSE(parse_command("/trangthai abc", kBot).ok);
  EXPECT_FALSE(parse_command("/trangthai 1 2", kBot).ok);
  // Nomination ids have at most 18 digits, as nominations and its OpenAPI document say.
  EXPECT_TRUE(parse_command("/trangthai " + std::string(18, '9'), kBot).ok);
  EXPECT_FALSE(parse_command("/trangthai " + std::string(19, '9'), kBot).ok);
  EXPECT_FALSE(parse_command("/lienket", kBot).ok);
  EXPECT_FALSE(parse_command("/lienket xyz!", kBot).ok);
  EXPECT_FALSE(parse_command("/baocao 26", kBot).ok);
  // A year outside the movement is told so, not sent on for reports to refuse.
  for (const char* typed : {"/baocao 2099", "/baocao 2024", "/baocao 2o26", "/baocao -202"}) {
    auto wrong_year = parse_command(typed, kBot);
    EXPECT_FALSE(wrong_year.ok) << typed;
    EXPECT_NE(wrong_year.hint.find("2025 đến 2030"), std::string::npos) << wrong_year.hint;
  }
  EXPECT_TRUE(parse_command("/baocao 2030", kBot).ok);
  // A year with a leading zero is the same year, handed on as its four digits (found by fuzzing).
  auto zero_led = parse_command("/baocao 02026", kBot);
  ASSERT_TRUE(zero_led.ok);
  EXPECT_EQ(zero_led.args, std::vector<std::string>{"2026"});
  EXPECT_FALSE(parse_command("/toila extra", kBot).ok);
  auto unknown = parse_command("/xinchao", kBot);
  EXPECT_FALSE(unknown.ok);
  EXPECT_NE(unknown.hint.find("/trogiup"), std::string::npos);
  auto free_text = parse_command("@bot.thidua chào bot", kBot);
  EXPECT_FALSE(free_text.ok);
  EXPECT_FALSE(free_text.hint.empty());
  EXPECT_FALSE(parse_command(std::string("/hanchot\xff"), kBot).ok);  // not UTF-8
}

TEST(CommandParse, HelpNamesTheContact) {
  auto t = help_text("cô Lan, phó hiệu trưởng");
  EXPECT_NE(t.find("/hanchot"), std::string::npos);
  EXPECT_NE(t.find("cô Lan"), std::string::npos);
  // Issue 13: the two commands about private reminders, each on its own line.
  EXPECT_NE(t.find("\n/tatnhac — "), std::string::npos) << t;
  EXPECT_NE(t.find("\n/batnhac — "), std::string::npos) << t;
}

// Issue 13: a person turns private reminders off and on again, typed as people type.
TEST(CommandParse, RemindersOffAndOnWithOrWithoutDiacriticsAndInEnglish) {
  for (std::string t : {"/tatnhac", "/tắtnhắc", "/TẮT NHẮC", "/tat nhac", "/remindersoff", "/mute",
                        "@bot.thidua /tắt nhắc", "/tatnhac@bot.thidua", "/tatnhac."}) {
    auto c = parse_command(t, kBot);
    EXPECT_TRUE(c.ok) << t << " → " << c.hint;
    EXPECT_EQ(c.kind, CommandKind::RemindersOff) << t;
  }
  for (std::string t : {"/batnhac", "/bậtnhắc", "/bật nhắc", "/reminderson", "/unmute"}) {
    auto c = parse_command(t, kBot);
    EXPECT_TRUE(c.ok) << t << " → " << c.hint;
    EXPECT_EQ(c.kind, CommandKind::RemindersOn) << t;
  }
  // They take nothing after them; "/tat" alone is no command.
  auto extra = parse_command("/tatnhac 2026", kBot);
  EXPECT_FALSE(extra.ok);
  EXPECT_EQ(extra.kind, CommandKind::RemindersOff);
  EXPECT_NE(extra.hint.find("Ví dụ: /tatnhac"), std::string::npos) << extra.hint;
  EXPECT_FALSE(parse_command("/tat", kBot).ok);
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

TEST(Split, ShortTextIsOnePart) {
  EXPECT_EQ(split_message("Xin chào"), std::vector<std::string>{"Xin chào"});
  EXPECT_TRUE(split_message("  \n ").empty());
}

TEST(Split, CountsCharactersNotBytes) {
  // 2000 Vietnamese characters of 2-3 bytes each fit in one message.
  std::string t;
  for (int i = 0; i < 2000; ++i) t += "ệ";
  auto parts = split_message(t);
  ASSERT_EQ(parts.size(), 1u);
  t += "ệ";
  parts = split_message(t);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(text::length(parts[0]), 2000u);
  EXPECT_EQ(parts[1], "ệ");
}

TEST(Split, CutsAtLinesThenWordsInOrder) {
  std::string line(1500, 'a');
  std::string text = line + "\n" + line + "\n" + "cuối";
  auto parts = split_message(text);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], line);
  EXPECT_EQ(parts[1], line + "\n" + "cuối");
  std::string words;
  for (int i = 0; i < 700; ++i) words += "đổi ";  // 2800 characters
  parts = split_message(words, 2000);
  ASSERT_EQ(parts.size(), 2u);
  for (const auto& p : parts) {
    EXPECT_LE(text::length(p), 2000u);
    EXPECT_NE(p.back(), ' ');
    EXPECT_EQ(p.rfind("đổi", 0), 0u);  // no word cut in two
  }
  std::string joined = parts[0] + " " + parts[1];
  EXPECT_EQ(joined + " ", words);
}

TEST(Split, WithoutBreaksCutsAtCharacterBoundary) {
  std::string t;
  for (int i = 0; i < 4100; ++i) t += "ơ";
  auto parts = split_message(t);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(text::length(parts[0]), 2000u);
  EXPECT_EQ(text::length(parts[2]), 100u);
  for (const auto& p : parts) EXPECT_TRUE(text::valid_utf8(p));
}

TEST(Backoff, ScheduleDoublesIsCappedAndJittered) {
  BackoffPolicy p{std::chrono::milliseconds(1000), std::chrono::milliseconds(8000), 6};
  EXPECT_EQ(backoff_delay(p, 1, 0.0).count(), 500);
  EXPECT_EQ(backoff_delay(p, 1, 0.999).count(), 999);
  EXPECT_EQ(backoff_delay(p, 3, 0.0).count(), 2000);
  EXPECT_EQ(backoff_delay(p, 10, 0.0).count(), 4000);  // capped at 8000, half fixed
  EXPECT_LT(backoff_delay(p, 10, 0.999).count(), 8000);
}

TEST(QuietHoursTest, HoldsUntilMorningAcrossMidnight) {
  auto q = QuietHours::parse("21:00-06:30", "X");
  LocalDate d{2026, 11, 25};
  EXPECT_FALSE(q.held_until(local_time(d, 20, 59)));
  auto late = q.held_until(local_time(d, 22, 15));
  ASSERT_TRUE(late);
  EXPECT_EQ(*late, local_time({2026, 11, 26}, 6, 30));
  auto early = q.held_until(local_time(d, 5, 0));
  ASSERT_TRUE(early);
  EXPECT_EQ(*early, local_time(d, 6, 30));
  EXPECT_FALSE(q.held_until(local_time(d, 6, 30)));
  EXPECT_FALSE(QuietHours::parse("off", "X").held_until(local_time(d, 23, 0)));
  EXPECT_THROW(QuietHours::parse("21-6", "X"), ConfigError);
  EXPECT_THROW(QuietHours::parse("25:00-06:00", "X"), ConfigError);
}

// Issue 12, "send at a time": later than now, at most kMaxScheduleDays ahead.
TEST(Outbox, ATimeToSendIsInTheFutureAndWithinTheLimit) {
  Instant now = local_time({2026, 12, 5}, 16, 0);
  auto code = [&](Instant at) {
    try {
      check_send_at(at, now);
    } catch (const ApiError& e) {
      return e.code();
    }
    return std::string();
  };
  EXPECT_EQ(code(now + std::chrono::minutes(1)), "");
  EXPECT_EQ(code(now), "send_at_past");
  EXPECT_EQ(code(now - std::chrono::hours(1)), "send_at_past");
  EXPECT_EQ(code(now + std::chrono::days(kMaxScheduleDays)), "");
  EXPECT_EQ(code(now + std::chrono::days(kMaxScheduleDays) + std::chrono::seconds(1)),
            "send_at_too_far");
}

// The time to send belongs to the request an Idempotency-Key stands for.
TEST(Outbox, TheFingerprintCountsTheTimeToSendWhenSet) {
  NewMessage m;
  m.text = "Họp hội đồng";
  auto now = request_fingerprint(m);
  m.send_at = local_time({2026, 12, 7}, 7, 0);
  auto at_seven = request_fingerprint(m);
  EXPECT_NE(at_seven, now);
  m.send_at = local_time({2026, 12, 7}, 8, 0);
  EXPECT_NE(request_fingerprint(m), at_seven);
}

// Issue 13: who turned private reminders off gets none; nothing else is withheld.
TEST(Outbox, OnlyAPrivateReminderToSomeoneWhoTurnedThemOffIsWithheld) {
  NewMessage m;
  m.target = {Target::Kind::Staff, "gv-01"};
  m.text = "Nhắc hạn";
  m.category = Category::Reminder;
  EXPECT_TRUE(withheld_for_reminders_off(m, true));
  EXPECT_FALSE(withheld_for_reminders_off(m, false));
  m.category = Category::Ordinary;  // a rejection told privately, an admin's message
  EXPECT_FALSE(withheld_for_reminders_off(m, true));
  m.category = Category::Reminder;
  m.target = {Target::Kind::Group, ""};  // the group's reminder reaches everyone
  EXPECT_FALSE(withheld_for_reminders_off(m, true));
}

// The marker is part of the request an Idempotency-Key stands for, and an ordinary message
// keeps the fingerprint it had before the marker existed.
TEST(Outbox, TheFingerprintCountsTheCategoryOnlyWhenSet) {
  NewMessage m;
  m.target = {Target::Kind::Staff, "gv-01"};
  m.text = "Nhắc hạn";
  auto ordinary = request_fingerprint(m);
  EXPECT_EQ(ordinary, crypto::sha256_hex("staff:gv-01\n0\nNhắc hạn"));
  m.category = Category::Reminder;
  EXPECT_NE(request_fingerprint(m), ordinary);
}

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

TEST(Replies, VietnameseWithDatesDdMmYyyy) {
  json yearly = {
      {"id", "bao-cao-nam"},
      {"name", "Báo cáo năm"},
      {"owed_by", "units"},
      {"occurrences",
       json::array(
           {{{"due_date", "2026-10-30"},
             {"days_left", 5},
             {"unit_due_date", "2026-10-20"},
             {"unit_due_date_vn", "20/10/2026"},
             {"missing", json::array({{{"id", "to-toan-tin"}, {"name", "Tổ Toán – Tin"}}})}}})}};
  json list = {{"today", "2026-10-25"}, {"deadlines", json::array({yearly})}};
  auto t = reply_deadlines(list);
  EXPECT_NE(t.find("30/10/2026"), std::string::npos) << t;
  EXPECT_NE(t.find("còn 5 ngày"), std::string::npos) << t;
  EXPECT_NE(t.find("Đơn vị chưa nộp phần của mình: Tổ Toán – Tin."), std::string::npos) << t;
  EXPECT_NE(t.find("Hạn nộp phần của các tổ: 20/10/2026 (đã qua)."), std::string::npos) << t;
  // The units could not be read: the deadline comes, the rest is said to be missing.
  list["deadlines"][0]["occurrences"][0]["missing"] = nullptr;
  EXPECT_NE(reply_deadlines(list).find("Chưa lấy được"), std::string::npos);
  EXPECT_NE(reply_deadlines(nullptr).find("Chưa lấy được hạn chót"), std::string::npos);
  EXPECT_EQ(vn_date_of("2026-03-02T20:00:00Z"), "03/03/2026");  // local date, UTC+7
  json q = {{"period_label", "năm 2026"},
            {"items", json::array({{{"award_label", "Giấy khen"},
                                    {"subject_kind", "individual"},
                                    {"used", 1},
                                    {"limit", 2}}})}};
  EXPECT_NE(reply_quotas(q).find("Giấy khen (cá nhân): 1/2"), std::string::npos);
}

}  // namespace
}  // namespace thidua::notifications

namespace thidua::notifications {
namespace {
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
  EXPECT_EQ(reply_whoami(nam),
            "Tài khoản Zalo này là của thầy Lê Văn Nam (mã cán bộ gv-nam), vai trò: tổ trưởng.");
  an.role = "bursar";  // a code the bot does not know is never shown
  EXPECT_EQ(reply_whoami(an),
            "Tài khoản Zalo này là của Trần An (mã cán bộ gv-an), vai trò: chưa xác định.");
}

}  // namespace
}  // namespace thidua::notifications

namespace thidua::notifications {
namespace {
// As config/catalogue.json lists them.
const nlohmann::json kPeriods = nlohmann::json::parse(R"([
  {"id": "2025", "kind": "annual", "year": 2025}, {"id": "2026", "kind": "annual", "year": 2026},
  {"id": "2027", "kind": "annual", "year": 2027},
  {"id": "so-ket-2027", "kind": "interim", "year": 2027},
  {"id": "2030", "kind": "annual", "year": 2030},
  {"id": "tong-ket-2030", "kind": "final", "year": 2030}])");

std::string period_typed(const std::string& text) {
  auto c = parse_command(text, {});
  if (!c.ok) return "!" + c.hint;
  return match_period(c.args, kPeriods);
}

TEST(CommandsTest, PeriodsAreReadAsPeopleTypeThem) {
  EXPECT_EQ(period_typed("/chitieu sơ kết"), "so-ket-2027");
  EXPECT_EQ(period_typed("/chitieu so ket"), "so-ket-2027");
  EXPECT_EQ(period_typed("/chi tieu Sơ Kết 2027"), "so-ket-2027");
  EXPECT_EQ(period_typed("/chitieu soket"), "so-ket-2027");
  EXPECT_EQ(period_typed("/chitieu so-ket-2027"), "so-ket-2027");
  EXPECT_EQ(period_typed("/chitieu tong ket"), "tong-ket-2030");
  EXPECT_EQ(period_typed("/chitieu tổng kết"), "tong-ket-2030");
  EXPECT_EQ(period_typed("/chitieu 2026"), "2026");
  EXPECT_EQ(period_typed("/chitieu năm 2026"), "2026");
  EXPECT_EQ(period_typed("/chitieu nam2025"), "2025");
  // Periods the catalogue does not have: nothing matches, and the bot says so.
  EXPECT_EQ(period_typed("/chitieu 2031"), "");
  EXPECT_EQ(period_typed("/chitieu sơ kết 2026"), "");
  EXPECT_EQ(period_typed("/chitieu học kỳ"), "");
  EXPECT_EQ(match_period({"2026"}, nlohmann::json()), "");
  // Too many words, or signs that are no period, get the example.
  EXPECT_NE(period_typed("/chitieu so ket giai doan 1").find("/chitieu sơ kết"), std::string::npos);
  EXPECT_NE(period_typed("/chitieu 20#26").find("Ví dụ"), std::string::npos);
}

// Issue 12: /dangnhap as people type it, and the answer that carries the code.
TEST(SignInCommand, ReadWithOrWithoutDiacriticsAndAsWords) {
  for (std::string t : {"/dangnhap", "/đăngnhập", "/Đăng nhập", "/dang nhap", "/login",
                        "@Thi đua THCS Vĩnh Phong 1 /dangnhap", "/dangnhap."}) {
    auto c = parse_command(t, kBot);
    ASSERT_TRUE(c.ok) << t << ": " << c.hint;
    EXPECT_EQ(c.kind, CommandKind::SignIn) << t;
  }
  EXPECT_FALSE(parse_command("/dangnhap 123", kBot).ok);  // nothing to add
  EXPECT_NE(help_text("").find("/dangnhap"), std::string::npos);
}

TEST(SignInCommand, TheAnswerCarriesTheCodeTheLinkAndTheTimeInVietnam) {
  json issued = {{"code", "K7QM4XPR"},
                 {"display", "K7QM-4XPR"},
                 {"valid_minutes", 5},
                 {"expires_at", "2026-11-25T03:20:00Z"}};
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
  json self = {{"id", "tu-danh-gia-cds"},
               {"name", "Tự đánh giá chuyển đổi số"},
               {"owed_by", "school"},
               {"occurrences", json::array({{{"due_date", "2027-05-31"},
                                             {"due_date_vn", "31/05/2027"},
                                             {"days_left", 7},
                                             {"done", nullptr}}})}};
  json yearly = {{"id", "bao-cao-nam"},
                 {"name", "Báo cáo năm"},
                 {"owed_by", "units"},
                 {"occurrences", json::array({{{"due_date", "2027-10-30"}, {"days_left", 159}}})}};
  json list = {{"today", "2027-05-24"}, {"deadlines", json::array({yearly, self})}};
  auto t = reply_deadlines(list);
  EXPECT_NE(t.find("Tự đánh giá chuyển đổi số: 31/05/2027 (còn 7 ngày)."), std::string::npos) << t;
  EXPECT_NE(t.find("Việc này do nhà trường thực hiện, chưa hoàn thành."), std::string::npos) << t;
  EXPECT_EQ(t.find("Báo cáo năm"), std::string::npos) << t;
  EXPECT_EQ(t.find("nộp phần"), std::string::npos) << t;
  list["deadlines"][1]["occurrences"][0]["done"] = {{"done_on", "2027-05-28"},
                                                    {"done_on_vn", "28/05/2027"}};
  t = reply_deadlines(list);
  EXPECT_NE(t.find("Việc này nhà trường đã hoàn thành ngày 28/05/2027."), std::string::npos) << t;
}

// Issue 14: /hanchot when the registration deadline (30/9) is the next one: the units whose
// people have not all registered, with counts and no names; never the yearly report's units.
TEST(Replies, ARegistrationDeadlineNamesTheUnitsThatOweWithCounts) {
  json units = json::array({{{"id", "to-toan-tin"},
                             {"name", "Tổ Toán – Tin"},
                             {"done", false},
                             {"unit_registered", true},
                             {"unregistered", 3}},
                            {{"id", "to-ngu-van"},
                             {"name", "Tổ Ngữ văn"},
                             {"done", false},
                             {"unit_registered", false},
                             {"unregistered", 1}},
                            {{"id", "to-van-phong"},
                             {"name", "Tổ Văn phòng"},
                             {"done", true},
                             {"unit_registered", true},
                             {"unregistered", 0}}});
  json reg = {
      {"id", "dang-ky-thi-dua"},
      {"name", "Đăng ký danh hiệu và chỉ tiêu thi đua"},
      {"owed_by", "registrations"},
      {"occurrences", json::array({{{"due_date", "2027-09-30"},
                                    {"due_date_vn", "30/09/2027"},
                                    {"days_left", 5},
                                    {"missing", json::array()},
                                    {"registration", {{"available", true}, {"units", units}}}}})}};
  json yearly = {{"id", "bao-cao-nam"},
                 {"name", "Báo cáo năm"},
                 {"owed_by", "units"},
                 {"occurrences", json::array({{{"due_date", "2027-10-30"}, {"days_left", 35}}})}};
  json list = {{"today", "2027-09-25"}, {"deadlines", json::array({yearly, reg})}};
  auto t = reply_deadlines(list);
  EXPECT_EQ(t,
            "⏰ Đăng ký danh hiệu và chỉ tiêu thi đua: 30/09/2027 (còn 5 ngày).\n"
            "Đơn vị chưa đăng ký thi đua đủ: Tổ Toán – Tin (còn 3 thầy cô), Tổ Ngữ văn (tập thể "
            "và 1 thầy cô).");
  list["deadlines"][1]["occurrences"][0]["registration"]["units"] = json::array();
  EXPECT_NE(reply_deadlines(list).find("Tất cả các đơn vị và thầy cô đã đăng ký"),
            std::string::npos);
  list["deadlines"][1]["occurrences"][0]["registration"] = {{"available", false},
                                                            {"units", nullptr}};
  EXPECT_NE(reply_deadlines(list).find("Chưa lấy được danh sách ai đã đăng ký"), std::string::npos);
}

}  // namespace
}  // namespace thidua::notifications
