// The message catalogue mechanism and the checks every service's catalogue test runs.
#include "core/catalogue.hpp"

#include <gtest/gtest.h>

#include <array>
#include <stdexcept>

#include "core/text.hpp"

namespace thidua::text {
namespace {
constexpr std::array kSample = std::to_array<Message>({
    {"greeting", "Chào {name}, hạn chót là {date}."},
    {"braces", "Gõ {{mã}} rồi gửi {name}."},
    {"plain", "Không có gì."},
});
constexpr Catalogue kCatalogue{kSample};

TEST(CatalogueTest, FillsEveryPlaceholder) {
  EXPECT_EQ(kCatalogue.render("greeting", {{"name", "cô Lan"}, {"date", "30/10/2026"}}),
            "Chào cô Lan, hạn chót là 30/10/2026.");
  EXPECT_EQ(kCatalogue.render("braces", {{"name", "thầy"}}), "Gõ {mã} rồi gửi thầy.");
  EXPECT_EQ(kCatalogue.render("plain"), "Không có gì.");
  // A value is inserted as it is: braces in what a person typed are not placeholders.
  EXPECT_EQ(kCatalogue.render("braces", {{"name", "{date}"}}), "Gõ {mã} rồi gửi {date}.");
}

TEST(CatalogueTest, AMismatchBetweenCodeAndCatalogueIsAnError) {
  EXPECT_THROW(kCatalogue.render("nothing"), std::logic_error);
  EXPECT_THROW(kCatalogue.render("greeting", {{"name", "cô Lan"}}), std::logic_error);
  EXPECT_THROW(kCatalogue.render("plain", {{"name", "x"}}), std::logic_error);
}

TEST(CatalogueTest, ListsPlaceholdersOnce) {
  EXPECT_EQ(kCatalogue.placeholders("greeting"), (std::vector<std::string>{"name", "date"}));
  EXPECT_EQ(kCatalogue.placeholders("braces"), (std::vector<std::string>{"name"}));
  EXPECT_TRUE(kCatalogue.placeholders("plain").empty());
}

TEST(CatalogueTest, LintFindsWhatASchoolShouldNotRead) {
  EXPECT_TRUE(lint_message("Tài khoản Zalo này là của cô Lan (mã cán bộ 7).").empty());
  EXPECT_TRUE(lint_message("Báo cáo năm 2026:\n• Tổ Toán: đã nộp").empty());
  EXPECT_TRUE(lint_message("Năm ghi bằng số. Năm 2026 là năm đầu.").empty());
  EXPECT_TRUE(lint_message("Nộp tại: https://truong.edu.vn/admin/ (trang thi đua)").empty());
  EXPECT_FALSE(lint_message("Nộp tại https://truong.edu.vn/ cho admin").empty());
  for (const char* bad : {"Bạn là cô Lan.",
                          "Thiếu tham số.",
                          "Sai cú pháp lệnh.",
                          "Hết suất khen thưởng.",
                          "vai trò: staff.",
                          "Lỗi: null",
                          "mã ()",
                          "Chào  cô.",
                          "Chào {name}.",
                          "Hạn chót: .",
                          "Tổng kết Năm 2026.",
                          "Chào cô ",
                          "user id 5",
                          "Tham số sai.",
                          "Suất còn 2.",
                          "Không có cán bộ mã \"\".",
                          "Đề nghị số 12 not found.",
                          "Please thử lại sau.",
                          "Gửi tin failed; thầy cô thử lại.",
                          "Mã liên kết invalid."}) {
    EXPECT_FALSE(lint_message(bad).empty()) << bad;
  }
  // Words inside other words are not programmer's words.
  EXPECT_TRUE(lint_message("Ý tưởng (idea) của tổ: lưu trữ (userland không).").empty());
  // Unaccented Vietnamese is not English: "thế" and "không" hold no English word.
  EXPECT_TRUE(lint_message("Thầy cô có thể thử lại; cần can thiệp thì báo tổ.").empty());
}

TEST(TextTest, LowerFirstForRunningText) {
  EXPECT_EQ(lower_first("Năm 2026"), "năm 2026");
  EXPECT_EQ(lower_first("Sơ kết giai đoạn 1 (2025–2027)"), "sơ kết giai đoạn 1 (2025–2027)");
  EXPECT_EQ(lower_first("Đợt 1"), "đợt 1");
  EXPECT_EQ(lower_first("UBND xã"), "UBND xã");
  EXPECT_EQ(lower_first(""), "");
  EXPECT_EQ(lower_first("2026"), "2026");
}

TEST(TextTest, UpperFirstForALabelStandingAlone) {
  EXPECT_EQ(upper_first("tổ trưởng"), "Tổ trưởng");
  EXPECT_EQ(upper_first("đợt 1"), "Đợt 1");
  EXPECT_EQ(upper_first("Ban giám hiệu"), "Ban giám hiệu");
  EXPECT_EQ(upper_first(""), "");
  EXPECT_EQ(upper_first("2026"), "2026");
}

TEST(CatalogueTest, ACodeShownOnPurposeIsAllowedThatWordOnly) {
  std::vector<std::string_view> leader{"leader"};
  EXPECT_TRUE(lint_message("Vai trò: tổ trưởng (leader).", leader).empty());
  EXPECT_FALSE(lint_message("Vai trò: tổ trưởng (leader).").empty());
  EXPECT_FALSE(lint_message("Vai trò: cán bộ (staff).", leader).empty());
  EXPECT_FALSE(lint_message("Tổ trưởng (leader)  hết suất.", leader).empty());
}
}  // namespace
}  // namespace thidua::text
