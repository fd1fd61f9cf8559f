// Every text of the notifications service's catalogue, rendered with sample values, reads as
// a school would write it (issue 13): no placeholder left or empty, no double spaces, no
// programmer's words, "thầy cô" rather than "bạn".
#include <gtest/gtest.h>

#include <set>

#include "notifications/domain/messages.hpp"
#include "support/catalogue_check.hpp"

namespace thidua::notifications {
namespace {
// One sample per placeholder name: a new placeholder needs a sample here.
const catalogue_check::Samples kSamples = {
    {"award", "Lao động tiên tiến"},
    {"awards", "Giấy khen của Chủ tịch UBND xã; Giấy khen của Hiệu trưởng"},
    {"closes", "31/12/2026"},
    {"code", "K7QM-4XPR"},
    {"command", "/hanchot"},
    {"contact", "thầy Phó Hiệu trưởng, 0912 345 678"},
    {"count", "12"},
    {"date", "28/11/2026"},
    {"days", "3"},
    {"decision", "245/QĐ-UBND"},
    {"example", "/trangthai 12"},
    {"first", "2025"},
    {"from", "17:00 ngày 30/11/2026"},
    {"groups", "1 tập thể"},
    {"id", "12"},
    {"last", "2030"},
    {"limit", "5"},
    {"link", "https://thidua.vinhphong1.edu.vn/quan-tri/#ma=K7QM4XPR"},
    {"max", "20000"},
    {"minutes", "5"},
    {"name", "Nguyễn Thị Lan"},
    {"not_passed", "2"},
    {"passed", "10"},
    {"people", "3 thầy cô"},
    {"period", "năm 2026"},
    {"reason", "Hồ sơ thiếu sáng kiến được công nhận"},
    {"role", "tổ trưởng"},
    {"round", "Đợt xét khen thưởng năm 2026"},
    {"status", "đã nộp"},
    {"subject", "cá nhân"},
    {"time", "17:00"},
    {"to", "17:00 ngày 01/12/2026"},
    {"unit", "Tổ Khoa học tự nhiên"},
    {"units", "Tổ Toán – Tin, Tổ Văn phòng"},
    {"used", "2"},
    {"what", "Thầy cô cần ghi số đề nghị."},
    {"who", "Nguyễn Thị Lan (Tổ Khoa học tự nhiên)"},
    {"year", "2026"},
    {"you", "cô"},
};

TEST(NotificationsMessagesTest, KeysAreUnique) {
  std::set<std::string_view> keys;
  for (const auto& m : messages().messages()) EXPECT_TRUE(keys.insert(m.key).second) << m.key;
  EXPECT_GT(keys.size(), 50u);
}

TEST(NotificationsMessagesTest, EveryMessageRendersCleanly) {
  std::string all;
  for (const auto& p : catalogue_check::problems(messages(), kSamples)) all += p + "\n";
  EXPECT_TRUE(all.empty()) << all;
}

TEST(NotificationsMessagesTest, AnEmptyValueIsCaught) {
  // What the lint is for: a reply built with a missing name must not pass unnoticed.
  auto text = say("answer.whoami", {{"name", ""}, {"role", "tổ trưởng"}});
  EXPECT_FALSE(text::lint_message(text).empty()) << text;
}
}  // namespace
}  // namespace thidua::notifications
