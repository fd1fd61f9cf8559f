// Every text of the reports service's catalogue, rendered with sample values, reads as a
// school would write it (issue 13).
#include <gtest/gtest.h>

#include "reports/domain/messages.hpp"
#include "support/catalogue_check.hpp"

namespace thidua::reports {
namespace {
// One sample per placeholder name: a new placeholder needs a sample here.
const catalogue_check::Samples kSamples = {
    {"area", "II.7"},
    {"code", "e_lessons"},
    {"codes", "e_lessons, rooms"},
    {"contact", "thầy Phó Hiệu trưởng, 0912 345 678"},
    {"count", "2"},
    {"date", "30/10/2026"},
    {"days", "3"},
    {"field", "month"},
    {"gap", "còn 3 thầy cô chưa đăng ký"},
    {"id", "2026-bc-01"},
    {"indicator", "e_lessons"},
    {"max", "12"},
    {"min", "1"},
    {"deadline", "Báo cáo kết quả phong trào thi đua năm 2026"},
    {"document_number", "01/BC-THCSVP1"},
    {"name", "Nguyễn Thị Hoa"},
    {"names", "Trần Văn An, Phạm Thị Bình"},
    {"number", "12/BC-THCSVP1"},
    {"numbers", "01/BC-THCSVP1, 02/BC-THCSVP1"},
    {"reason", "Thiếu số liệu nội dung II.2."},
    {"recipient", "UBND xã (qua Phòng Văn hóa – Xã hội)"},
    {"school_date", "30/10/2026"},
    {"unit", "Tổ Ngữ văn"},
    {"units", "Tổ Toán – Tin, Tổ Ngữ văn"},
    {"url", "https://thidua.thcsvinhphong1.edu.vn/admin/"},
    {"year", "2026"},
    {"you", "cô"},
    {"you_first", "Cô"},
};

TEST(ReportsMessagesTest, EveryMessageRendersCleanly) {
  std::string all;
  for (const auto& p : catalogue_check::problems(messages(), kSamples)) all += p + "\n";
  EXPECT_TRUE(all.empty()) << all;
}
}  // namespace
}  // namespace thidua::reports
