#include "reports/domain/reminder_text.hpp"

namespace thidua::reports {
namespace {
std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}
}  // namespace

std::string reminder_text(const ReminderContent& c) {
  const std::string date = vn_date(c.due);
  std::string text;
  if (c.days_before < 0) {
    text = "⚠️ QUÁ HẠN " + std::to_string(-c.days_before) + " ngày — Kính gửi Ban giám hiệu";
    text +=
        c.owing.empty()
            ? "."
            : " và " + std::string(c.owed_by_school ? "nhà trường" : "các đơn vị chưa nộp") + ".";
    text += "\n" + c.deadline_name + "\nHạn chót: " + date + ", gửi " + c.recipient + ".";
  } else {
    text = "⏰ Nhắc hạn: " + c.deadline_name + "\nHạn chót: " + date;
    text += c.days_before == 0 ? " (hôm nay là hạn cuối)"
                               : " (còn " + std::to_string(c.days_before) + " ngày)";
    text += ", gửi " + c.recipient + ".";
  }
  if (c.owing.empty()) {
    text += c.owed_by_school ? "\nNhà trường đã gửi báo cáo. Cảm ơn!"
                             : "\nTất cả các đơn vị đã nộp phần báo cáo. Cảm ơn các đơn vị!";
  } else if (c.owed_by_school) {
    text += "\nNhà trường chưa gửi báo cáo.";
  } else {
    text += "\nĐơn vị chưa nộp phần báo cáo (" + std::to_string(c.owing.size()) +
            "): " + joined(c.owing) + ".";
  }
  if (!c.contact.empty()) text += "\nVướng mắc xin liên hệ: " + c.contact + ".";
  return text;
}

}  // namespace thidua::reports
