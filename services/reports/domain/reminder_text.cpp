#include "reports/domain/reminder_text.hpp"

namespace thidua::reports {
namespace {
std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// How colleagues address the leader, from the staff record's gender (issue 13): "thầy",
// "cô", or "thầy cô" when it is not recorded. The notifications catalogue says the same
// (you.male, you.female, you.unknown).
std::string honorific(const std::string& gender) {
  if (gender == "male") return "thầy";
  if (gender == "female") return "cô";
  return "thầy cô";
}

// "thầy" → "Thầy" at the start of a sentence (every form starts with an ASCII letter).
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
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

std::string private_reminder_text(const PrivateReminderContent& c) {
  const std::string you = honorific(c.gender);
  std::string text = "Kính gửi " + you + " " + c.name + ",\n";
  text += c.unit_name + " chưa nộp phần báo cáo cho " + c.deadline_name + " (gửi " + c.recipient +
          ").\nHạn chót: " + vn_date(c.due);
  if (c.days_before > 0) {
    text += ", còn " + std::to_string(c.days_before) + " ngày.";
  } else if (c.days_before == 0) {
    text += ", hôm nay là hạn cuối.";
  } else {
    text += ", đã quá hạn " + std::to_string(-c.days_before) + " ngày.";
  }
  text += "\n" + capitalised(you) + " soạn và nộp phần của tổ trên trang thi đua của trường";
  text += c.dashboard_url.empty() ? "." : ": " + c.dashboard_url;
  if (!c.contact.empty()) text += "\nVướng mắc xin liên hệ: " + c.contact + ".";
  text += "\nNếu không muốn nhận tin nhắc riêng này, " + you +
          " gõ /tatnhac cho bot (gõ /batnhac để nhận lại); nhắc hạn trong nhóm vẫn như thường.";
  return text;
}

}  // namespace thidua::reports
