// The bot's commands as people type them (notifications/domain/commands): diacritics or none,
// aliases, a mention of the bot, the hint for a wrong argument, periods and /dangnhap. The
// replies are in notifications_replies_test.cpp, the outbox's rules in
// notifications_sending_rules_test.cpp.
#include <gtest/gtest.h>

#include "notifications/domain/commands.hpp"

namespace thidua::notifications {
namespace {

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

// The word a colleague says before the number is read with it: "số 12", "năm 2026".
TEST(CommandParse, NumberAfterItsWord) {
  for (const char* typed : {"/trangthai số 12", "/trạng thái so 12", "/TRANGTHAI Số 12"}) {
    auto c = parse_command(typed, kBot);
    ASSERT_TRUE(c.ok) << typed << ": " << c.hint;
    EXPECT_EQ(c.args, std::vector<std::string>{"12"}) << typed;
  }
  auto year = parse_command("/baocao năm 2027", kBot);
  ASSERT_TRUE(year.ok) << year.hint;
  EXPECT_EQ(year.args, std::vector<std::string>{"2027"});
  EXPECT_FALSE(parse_command("/trangthai số", kBot).ok);
  EXPECT_FALSE(parse_command("/trangthai năm 12", kBot).ok);
  EXPECT_FALSE(parse_command("/baocao số 2027", kBot).ok);
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

// As config/catalogue.json lists them.
const std::vector<Period> kPeriods = {{"2025", "annual", 2025}, {"2026", "annual", 2026},
                                      {"2027", "annual", 2027}, {"so-ket-2027", "interim", 2027},
                                      {"2030", "annual", 2030}, {"tong-ket-2030", "final", 2030}};

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
  EXPECT_EQ(match_period({"2026"}, {}), "");
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

}  // namespace
}  // namespace thidua::notifications
