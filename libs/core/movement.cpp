#include "core/movement.hpp"

namespace thidua {

const std::vector<ContentArea>& content_areas() {
  // The plan's own headings (section II), which the yearly report quotes: data about the
  // movement, like the award forms in config/catalogue.json, not the software's wording, so
  // they stay here rather than in core/messages.cpp (issue 13).
  static const std::vector<ContentArea> kAreas{
      {"II.1", "Nâng cao nhận thức, đổi mới tư duy, quản lý và điều hành dựa trên dữ liệu số"},
      {"II.2", "Nâng cấp, hoàn thiện hạ tầng số, công nghệ số"},
      {"II.3", "Đẩy mạnh chuyển đổi số, khai thác tài nguyên số, dữ liệu số"},
      {"II.4",
       "Mô hình giáo dục mới dựa trên công nghệ số, trí tuệ nhân tạo; kỹ năng số cho học sinh"},
      {"II.5", "Học tập, nghiên cứu khoa học của học sinh về công nghệ số"},
      {"II.6", "Phát triển xã hội số, nguồn nhân lực; phong trào \"Bình dân học vụ số\""},
  };
  return kAreas;
}

bool is_content_area(const std::string& code) {
  for (const auto& a : content_areas()) {
    if (a.code == code) return true;
  }
  return false;
}

}  // namespace thidua
