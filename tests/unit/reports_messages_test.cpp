// Every text of the reports service's catalogue, rendered with sample values, reads as a
// school would write it (issue 13).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
// One sample per placeholder name: a new placeholder needs a sample here.
const std::map<std::string, std::string> kSamples = {
    {"area", "II.7"},
    {"contact", "thầy Phó Hiệu trưởng, 0912 345 678"},
    {"count", "2"},
    {"date", "30/10/2026"},
    {"days", "3"},
    {"field", "month"},
    {"id", "2026-bc-01"},
    {"indicator", "e_lessons"},
    {"max", "12"},
    {"min", "1"},
    {"deadline", "Báo cáo kết quả phong trào thi đua năm 2026"},
    {"document_number", "01/BC-THCSVP1"},
    {"name", "Nguyễn Thị Hoa"},
    {"number", "12/BC-THCSVP1"},
    {"numbers", "01/BC-THCSVP1, 02/BC-THCSVP1"},
    {"recipient", "UBND xã (qua Phòng Văn hóa – Xã hội)"},
    {"unit", "Tổ Ngữ văn"},
    {"units", "Tổ Toán – Tin, Tổ Ngữ văn"},
    {"url", "https://thidua.thcsvinhphong1.edu.vn/admin/"},
    {"year", "2026"},
    {"you", "cô"},
    {"you_first", "Cô"},
};

TEST(ReportsMessagesTest, EveryMessageRendersCleanly) {
  std::set<std::string_view> keys;
  for (const auto& m : messages().messages()) {
    EXPECT_TRUE(keys.insert(m.key).second) << m.key;
    std::vector<std::pair<std::string, std::string>> vars;
    for (const auto& p : messages().placeholders(m.key)) {
      auto it = kSamples.find(p);
      ASSERT_NE(it, kSamples.end()) << m.key << ": no sample for {" << p << "}";
      vars.emplace_back(p, it->second);
    }
    auto text = messages().render(m.key, vars);
    std::string all;
    for (const auto& p : text::lint_message(text)) all += p + "; ";
    EXPECT_TRUE(all.empty()) << m.key << ": " << all << "\n" << text;
  }
}
}  // namespace
}  // namespace thidua::reports
