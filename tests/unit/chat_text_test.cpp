// Chat text as people really type it (issue 9, section 4): the bot's display name with spaces,
// punctuation after a mention, command names split by a space.
#include <gtest/gtest.h>

#include "core/text.hpp"
#include "notifications/domain/commands.hpp"

namespace thidua::notifications {
namespace {
// THIDUA_BOT_NAME as set for the school's group: a display name with spaces and diacritics.
const std::vector<std::string> kBot = {"Bot Thi đua VP1"};

ParsedCommand expect_ok(const std::string& text, CommandKind kind) {
  auto c = parse_command(text, kBot);
  EXPECT_TRUE(c.ok) << text << " → " << c.hint;
  EXPECT_EQ(c.kind, kind) << text;
  return c;
}

TEST(ChatText, MentionAfterTheCommandMayHaveSpaces) {
  expect_ok("/trogiup@Bot Thi đua VP1", CommandKind::Help);
  EXPECT_EQ(expect_ok("/baocao@Bot Thi đua VP1 2026", CommandKind::Reports).args,
            std::vector<std::string>{"2026"});
  // Case and diacritics of the name do not matter.
  expect_ok("/hanchot@bot thi dua vp1", CommandKind::Deadlines);
  expect_ok("/hanchot@BOT THI ĐUA VP1", CommandKind::Deadlines);
  EXPECT_EQ(expect_ok("/trangthai@Bot Thi đua VP1 42", CommandKind::Status).args,
            std::vector<std::string>{"42"});
  // A mention of the bot at the end of the message is dropped too.
  expect_ok("/hanchot @Bot Thi đua VP1", CommandKind::Deadlines);
}

TEST(ChatText, PunctuationAfterTheMention) {
  expect_ok("@Bot Thi đua VP1, /trogiup", CommandKind::Help);
  expect_ok("@Bot Thi đua VP1: /hanchot", CommandKind::Deadlines);
  expect_ok("@Bot Thi đua VP1 - /hanchot", CommandKind::Deadlines);
  expect_ok("@bot thi dua vp1,/hanchot", CommandKind::Deadlines);
  EXPECT_EQ(expect_ok("@Bot Thi đua VP1; /chitieu 2026", CommandKind::Quotas).args,
            std::vector<std::string>{"2026"});
  // A sentence's full stop after the command is not part of it.
  expect_ok("@Bot Thi đua VP1, /hanchot.", CommandKind::Deadlines);
  EXPECT_EQ(expect_ok("/baocao 2026.", CommandKind::Reports).args,
            std::vector<std::string>{"2026"});
  // A longer name that only starts with the bot's name is someone else.
  EXPECT_FALSE(parse_command("@Bot Thi đua VP12 chào", kBot).ok);
}

TEST(ChatText, CommandNameTypedWithSpaces) {
  expect_ok("/hạn chót", CommandKind::Deadlines);
  expect_ok("/han chot", CommandKind::Deadlines);
  expect_ok("/Trợ giúp", CommandKind::Help);
  expect_ok("/toi la", CommandKind::WhoAmI);
  expect_ok("/đề nghị", CommandKind::Nominations);
  EXPECT_EQ(expect_ok("/bao cao 2026", CommandKind::Reports).args,
            std::vector<std::string>{"2026"});
  EXPECT_EQ(expect_ok("/chi tieu 2026", CommandKind::Quotas).args,
            std::vector<std::string>{"2026"});
  EXPECT_EQ(expect_ok("/trang thai 12", CommandKind::Status).args, std::vector<std::string>{"12"});
  EXPECT_EQ(expect_ok("/lien ket ABCD1234", CommandKind::Link).args,
            std::vector<std::string>{"abcd1234"});
  EXPECT_EQ(expect_ok("/hạn chót@Bot Thi đua VP1", CommandKind::Deadlines).args.size(), 0u);
  expect_ok("@Bot Thi đua VP1, /bao cao", CommandKind::Reports);
}

TEST(ChatText, JoiningNeverSwallowsArguments) {
  EXPECT_EQ(expect_ok("/baocao 2026", CommandKind::Reports).args, std::vector<std::string>{"2026"});
  EXPECT_EQ(expect_ok("/report 2026", CommandKind::Reports).args, std::vector<std::string>{"2026"});
  EXPECT_EQ(expect_ok("/trangthai 12", CommandKind::Status).args, std::vector<std::string>{"12"});
  // A whole name followed by a wrong argument stays a wrong argument, not another command.
  auto c = parse_command("/toila extra", kBot);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.kind, CommandKind::WhoAmI);
  // Words that join into no command are an unknown command named by its first word.
  auto unknown = parse_command("/xin chao ban", kBot);
  EXPECT_FALSE(unknown.ok);
  EXPECT_NE(unknown.hint.find("\"/xin\""), std::string::npos) << unknown.hint;
}

TEST(ChatText, OtherSpacesAndInvisibleCharacters) {
  expect_ok("/hanchot\xC2\xA0", CommandKind::Deadlines);      // no-break space
  expect_ok("/hanchot\xE2\x80\x8B", CommandKind::Deadlines);  // zero-width space
  expect_ok("@Bot\xC2\xA0Thi đua VP1, /hanchot", CommandKind::Deadlines);
  EXPECT_EQ(expect_ok("/baocao\xC2\xA0"
                      "2026",
                      CommandKind::Reports)
                .args,
            std::vector<std::string>{"2026"});
}

// No byte of a C0 control or DEL, no C1 control, line or paragraph separator, bidi override.
bool has_control(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) return true;
  }
  for (const char* bad : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAE"}) {
    if (s.find(bad) != std::string::npos) return true;
  }
  return false;
}

TEST(ChatText, AnUnknownCommandIsQuotedShort) {
  const auto base = text::length(parse_command("/x", kBot).hint) - 1;
  auto hint = parse_command("/" + std::string(5000, 'x'), kBot).hint;
  EXPECT_LE(text::length(hint), base + kQuotedMaxChars) << hint.size();
  EXPECT_NE(hint.find("\"/" + std::string(kQuotedMaxChars - 1, 'x') + "…\""), std::string::npos);
  // Cut by characters, never inside a UTF-8 sequence.
  std::string emoji;
  for (int i = 0; i < 5000; ++i) emoji += "📋";
  hint = parse_command("/" + emoji, kBot).hint;
  EXPECT_TRUE(text::valid_utf8(hint));
  EXPECT_LE(text::length(hint), base + kQuotedMaxChars);
  EXPECT_NE(hint.find("📋…\""), std::string::npos);
}

// A name one or two keys off a command's is answered with the command meant (a slip on a
// phone keyboard), with the number or period typed after it; never with a link code.
TEST(ChatText, AMistypedCommandIsAnsweredWithTheOneMeant) {
  auto meant = [](const std::string& typed) {
    auto c = parse_command(typed, kBot);
    EXPECT_FALSE(c.ok) << typed;
    auto at = c.hint.find("Có phải thầy cô định gõ ");
    if (at == std::string::npos) return std::string();
    at += std::string_view("Có phải thầy cô định gõ ").size();
    return c.hint.substr(at, c.hint.find('?', at) - at);
  };
  EXPECT_EQ(meant("/hanchott"), "/hanchot");
  EXPECT_EQ(meant("/hạnchộtt"), "/hanchot");
  EXPECT_EQ(meant("/trangthia 12"), "/trangthai 12");
  EXPECT_EQ(meant("/trang thia số 12"), "/trangthai so 12");
  EXPECT_EQ(meant("/chitiue sơ kết"), "/chitieu so ket");
  EXPECT_EQ(meant("/bao caoo 2026"), "/baocao 2026");
  EXPECT_EQ(meant("/dangnhapp"), "/dangnhap");
  EXPECT_EQ(meant("/lienkte 3fa9c2"), "/lienket");  // the code is not repeated
  EXPECT_EQ(meant("/hepl"), "/trogiup");            // "help", two letters swapped
  auto hint = parse_command("/hanchott", kBot).hint;
  EXPECT_EQ(hint,
            "Không có lệnh \"/hanchott\". Có phải thầy cô định gõ /hanchot? Gõ /trogiup để xem "
            "các lệnh.");
  // Nothing close: the plain answer.
  EXPECT_EQ(meant("/xinchao"), "");
  EXPECT_EQ(meant("/abc"), "");
  EXPECT_NE(parse_command("/xinchao", kBot).hint.find("Không có lệnh \"/xinchao\"; thầy cô gõ"),
            std::string::npos);
}

TEST(ChatText, ControlCharactersNeverReachAReply) {
  // SOH, ESC, NEL, a line separator and a right-to-left override inside the command name.
  auto hint = parse_command(
                  "/xin\x01"
                  "chao\x1b[31m\xC2\x85\xE2\x80\xA8\xE2\x80\xAE!",
                  kBot)
                  .hint;
  EXPECT_FALSE(has_control(hint)) << hint;
  EXPECT_EQ(hint.find('\n'), std::string::npos);
  // An argument as a reply quotes it ("Không có kỳ khen thưởng "…"."): one short line.
  const std::string arg = "2026\n\nNgười gửi: Ban giám hiệu\x07\r\n\tchuyển khoản ngay\xE2\x80\xAE";
  auto q = quoted(arg);
  EXPECT_FALSE(has_control(q)) << q;
  EXPECT_EQ(q, "2026 Người gửi: Ban giám hiệu c…");
  EXPECT_EQ(text::length(q), kQuotedMaxChars);
  EXPECT_EQ(quoted("20\t26\x01"), "20 26");
  EXPECT_EQ(quoted("  12\n"), "12");
  // A wrong argument's hint stays one line whatever the argument held.
  auto bad = parse_command(
      "/trangthai 12\xE2\x80\xA8"
      "abc\x07",
      kBot);
  EXPECT_FALSE(bad.ok);
  EXPECT_FALSE(has_control(bad.hint)) << bad.hint;
}

// Issue 13: in the group the bot answers commands and mentions of itself, not chatter.
TEST(ChatText, TheGroupsOwnConversationIsNotForTheBot) {
  EXPECT_FALSE(addressed_to_bot("Chào cả nhà, chiều mai 14h họp tổ Toán – Tin nhé", kBot));
  EXPECT_FALSE(addressed_to_bot("Ai có file báo cáo / tờ trình mẫu không ạ?", kBot));
  EXPECT_FALSE(addressed_to_bot("@Cô Hoa chị gửi giúp em nhé", kBot));
  EXPECT_FALSE(addressed_to_bot("", kBot));
  EXPECT_TRUE(addressed_to_bot("/hanchot", kBot));
  EXPECT_TRUE(addressed_to_bot("  /hạn chót", kBot));
  EXPECT_TRUE(addressed_to_bot("@Bot Thi đua VP1, /trogiup", kBot));
  EXPECT_TRUE(addressed_to_bot("@bot thi dua vp1 chào bot", kBot));
  EXPECT_TRUE(addressed_to_bot("Hỏi @Bot Thi đua VP1 xem hạn chót", kBot));
  EXPECT_TRUE(addressed_to_bot("@Tên cũ của bot /trogiup", kBot));
  EXPECT_FALSE(addressed_to_bot("@Bot Thi đua VP12 chào", kBot));
}

}  // namespace
}  // namespace thidua::notifications
