#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace thidua {
namespace {

// "Tiếng Việt" written decomposed (NFD): base letters followed by combining marks, as some
// phone keyboards and macOS file names send it.
const std::string kNfd = "Ti\x65\xCC\x82\xCC\x81ng Vi\x65\xCC\xA3\xCC\x82t";
const std::string kNfc = "Tiếng Việt";

// A required name made only of spaces, a no-break space or a zero-width space is missing.
TEST(Text, BlankIsWhatAReaderWouldNotSee) {
  for (const char* s : {"", "   ", "\t\n", "\xC2\xA0", " \xE2\x80\x8B "}) {
    EXPECT_TRUE(text::blank(s)) << s;
  }
  for (const char* s : {"a", " Tổ ", "\xC2\xA0x"}) EXPECT_FALSE(text::blank(s)) << s;
}

TEST(Text, NfcComposesDecomposedVietnamese) {
  ASSERT_NE(kNfd, kNfc);
  EXPECT_EQ(text::nfc(kNfd), kNfc);
  EXPECT_EQ(text::nfc(kNfc), kNfc);
  EXPECT_EQ(text::nfc(""), "");
  EXPECT_EQ(text::nfc("plain ascii"), "plain ascii");
}

TEST(Text, NfcRejectsInvalidUtf8WithApiError) {
  try {
    text::nfc("abc\xff");
    FAIL() << "no exception";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.code(), "invalid_utf8");
  }
}

TEST(Text, FoldLowersAndStripsDiacritics) {
  EXPECT_EQ(text::fold("Hạn Chót"), "han chot");
  EXPECT_EQ(text::fold("Đề nghị"), "de nghi");
  EXPECT_EQ(text::fold("đường"), "duong");
  EXPECT_EQ(text::fold("/HẠNCHÓT"), "/hanchot");
  EXPECT_EQ(text::fold(kNfd), "tieng viet");
  EXPECT_EQ(text::fold(kNfd), text::fold(kNfc));
  EXPECT_EQ(text::fold("Bằng khen của Bộ trưởng"), "bang khen cua bo truong");
  EXPECT_EQ(text::fold("Ưu tiên Ơn"), "uu tien on");
}

TEST(Text, ValidUtf8AcceptsWellFormedText) {
  EXPECT_TRUE(text::valid_utf8(""));
  EXPECT_TRUE(text::valid_utf8("ascii"));
  EXPECT_TRUE(text::valid_utf8(kNfc));
  EXPECT_TRUE(text::valid_utf8("\xF0\x9F\x93\x8B"));      // 📋, four bytes
  EXPECT_TRUE(text::valid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
  EXPECT_TRUE(text::valid_utf8("\xEF\xBF\xBD"));          // U+FFFD
  EXPECT_TRUE(text::valid_utf8(std::string("a\0b", 3)));  // NUL is a valid code point
}

TEST(Text, ValidUtf8RejectsMalformedText) {
  EXPECT_FALSE(text::valid_utf8("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(text::valid_utf8("\xC1\xBF"));              // overlong
  EXPECT_FALSE(text::valid_utf8("\xE0\x80\xAF"));          // overlong, three bytes
  EXPECT_FALSE(text::valid_utf8("\xF0\x80\x80\xAF"));      // overlong, four bytes
  EXPECT_FALSE(text::valid_utf8("\xED\xA0\x80"));          // U+D800, a surrogate
  EXPECT_FALSE(text::valid_utf8("\xED\xBF\xBF"));          // U+DFFF
  EXPECT_FALSE(text::valid_utf8("\xF4\x90\x80\x80"));      // past U+10FFFF
  EXPECT_FALSE(text::valid_utf8("\xF8\x88\x80\x80\x80"));  // five-byte form
  EXPECT_FALSE(text::valid_utf8("\x80"));                  // lone continuation byte
  EXPECT_FALSE(text::valid_utf8("\xFF"));
  EXPECT_FALSE(text::valid_utf8("Vi\xE1\xBB"));  // truncated "ệ" at the end
  EXPECT_FALSE(text::valid_utf8("\xE1\xBB"));
  EXPECT_FALSE(text::valid_utf8("\xC3"));
  EXPECT_FALSE(text::valid_utf8("\xE1\xBBxyz"));  // continuation missing mid-text
}

TEST(Text, LengthCountsCodePoints) {
  EXPECT_EQ(text::length(""), 0u);
  EXPECT_EQ(text::length("abc"), 3u);
  EXPECT_EQ(text::length(kNfc), 10u);
  EXPECT_EQ(text::length(kNfd), 14u);  // combining marks are code points of their own
  EXPECT_EQ(text::length("\xF0\x9F\x93\x8B"), 1u);
  EXPECT_EQ(text::length("Đề nghị"), 7u);
}

TEST(Text, BoundaryBeforeNeverSplitsACodePoint) {
  const std::string s = "aệb";  // a, ệ (3 bytes), b
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(text::boundary_before(s, 0), 0u);
  EXPECT_EQ(text::boundary_before(s, 1), 1u);
  EXPECT_EQ(text::boundary_before(s, 2), 1u);
  EXPECT_EQ(text::boundary_before(s, 3), 1u);
  EXPECT_EQ(text::boundary_before(s, 4), 4u);
  EXPECT_EQ(text::boundary_before(s, 5), 5u);
  EXPECT_EQ(text::boundary_before(s, 100), 5u);
  auto cut = s.substr(0, text::boundary_before(s, 3));
  EXPECT_TRUE(text::valid_utf8(cut));
}

TEST(Text, OffsetAfterCountsCodePointsNotBytes) {
  const std::string s = "Lê Thị Hồng";  // ê, ị and ồ are two or three bytes each
  EXPECT_EQ(text::offset_after(s, 0), 0u);
  EXPECT_EQ(s.substr(0, text::offset_after(s, 2)), "Lê");
  EXPECT_EQ(s.substr(0, text::offset_after(s, 6)), "Lê Thị");
  EXPECT_EQ(text::offset_after(s, 100), s.size());
}

TEST(Text, OneLineDropsControlsAndJoinsSpaces) {
  EXPECT_EQ(text::one_line(""), "");
  EXPECT_EQ(text::one_line("  Hạn \t chót\r\n  30/10 "), "Hạn chót 30/10");
  EXPECT_EQ(text::one_line("a\x01\x1b\x7f"
                           "b"),
            "ab");  // C0 controls, DEL
  EXPECT_EQ(text::one_line("a\xC2\xA0"
                           "b\xE2\x80\xA8"
                           "c"),
            "a b c");  // NBSP, U+2028
  EXPECT_EQ(text::one_line("a\xE2\x80\x8B"
                           "b\xE2\x80\xAE"
                           "c"),
            "abc");                       // ZWSP, RLO
  EXPECT_EQ(text::one_line(kNfd), kNfd);  // combining marks stay
  EXPECT_EQ(text::one_line("a\xFF"
                           "b"),
            "a\xEF\xBF\xBD"
            "b");  // not UTF-8: U+FFFD
}

TEST(Text, ExcerptCutsByCharacters) {
  EXPECT_EQ(text::excerpt("Hạn chót", 8), "Hạn chót");
  EXPECT_EQ(text::excerpt("Hạn chót", 7), "Hạn ch…");
  EXPECT_EQ(text::excerpt("Hạn chót", 5), "Hạn…");  // no space before the ellipsis
  EXPECT_EQ(text::excerpt("ệệệ", 2), "ệ…");
  EXPECT_EQ(text::excerpt("abc", 0), "");
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "📋";
  auto cut = text::excerpt(many, 32);
  EXPECT_TRUE(text::valid_utf8(cut));
  EXPECT_EQ(text::length(cut), 32u);
  EXPECT_EQ(text::excerpt("a\nb\x01"
                          "c",
                          10),
            "a bc");
}

}  // namespace
}  // namespace thidua
