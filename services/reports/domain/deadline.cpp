#include "reports/domain/deadline.hpp"

namespace thidua::reports {

YearlyDeadline yearly_report_deadline() {
  YearlyDeadline d;
  d.id = "bao-cao-nam";
  d.name = "Báo cáo kết quả thực hiện phong trào thi đua đổi mới sáng tạo và chuyển đổi số";
  d.recipient = "UBND xã (qua Phòng Văn hóa – Xã hội)";
  return d;
}

std::optional<Occurrence> next_occurrence(const YearlyDeadline& deadline, LocalDate today) {
  for (int year = std::max(today.year, deadline.first_year); year <= deadline.last_year; ++year) {
    LocalDate due{year, deadline.month, deadline.day};
    if (!valid_date(due)) continue;
    if (due >= today) return Occurrence{due, days_between(today, due)};
  }
  return std::nullopt;
}

}  // namespace thidua::reports
