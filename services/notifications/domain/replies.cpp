#include "notifications/domain/replies.hpp"

#include <nlohmann/json.hpp>

#include "core/address.hpp"
#include "core/clock.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

std::string str(const json& j, const char* key, const std::string& fallback = "") {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  if (it == j.end()) return fallback;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return fallback;
}

const json& items_of(const json& j, const char* key) {
  static const json empty = json::array();
  if (!j.is_object()) return empty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

std::string submission_status(const std::string& s) {
  if (s == "submitted") return "đã nộp";
  if (s == "draft") return "đang soạn";
  if (s == "missing") return "chưa nộp";
  return s;
}

// Names of units that still owe the report: the "owing" list, or those not submitted.
std::vector<std::string> owing_units(const json& submissions) {
  std::vector<std::string> out;
  for (const auto& o : items_of(submissions, "owing")) {
    if (o.is_string())
      out.push_back(o.get<std::string>());
    else
      out.push_back(str(o, "unit_name", str(o, "unit_id")));
  }
  if (!out.empty() || (submissions.is_object() && submissions.contains("owing"))) return out;
  for (const auto& u : items_of(submissions, "units")) {
    if (str(u, "status") != "submitted") out.push_back(str(u, "unit_name", str(u, "unit_id")));
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}
}  // namespace

std::string vn_date_of(const std::string& iso) {
  if (auto d = parse_iso_date(iso.substr(0, 10)); d && iso.size() == 10) return vn_date(*d);
  if (auto t = parse_iso_instant(iso)) return vn_date(local_date(*t));
  return iso;
}

std::string role_label(const std::string& role) {
  if (role == "admin") return "Ban giám hiệu";
  if (role == "council") return "Hội đồng Thi đua – Khen thưởng";
  if (role == "leader") return "tổ trưởng";
  if (role == "staff") return "cán bộ, giáo viên";
  return role;
}

std::string reply_deadlines(const json& next, const json& submissions) {
  std::string t;
  if (next.is_object() && next.contains("due_date")) {
    std::string due = str(next, "due_date_vn", vn_date_of(str(next, "due_date")));
    t = "⏰ " + str(next, "name", "Hạn chót") + ": " + due;
    auto days = next.find("days_left");
    if (days != next.end() && days->is_number_integer()) {
      long long d = days->get<long long>();
      t += d == 0 ? " (hôm nay)." : " (còn " + std::to_string(d) + " ngày).";
    } else {
      t += ".";
    }
  } else {
    t = "Chưa lấy được hạn chót sắp tới (dịch vụ báo cáo không trả lời).";
  }
  if (submissions.is_null()) {
    t += "\nChưa lấy được danh sách đơn vị còn nợ báo cáo (dịch vụ báo cáo chưa sẵn sàng).";
    return t;
  }
  auto owing = owing_units(submissions);
  t += owing.empty() ? "\nTất cả đơn vị đã nộp báo cáo năm."
                     : "\nĐơn vị chưa nộp báo cáo năm: " + joined(owing) + ".";
  return t;
}

std::string reply_reports(const json& submissions, int year) {
  const auto& units = items_of(submissions, "units");
  std::string t = "📊 Báo cáo năm " + std::to_string(year) + ":";
  if (units.empty()) return t + " chưa có đơn vị nào.";
  for (const auto& u : units) {
    t += "\n• " + str(u, "unit_name", str(u, "unit_id")) + ": " +
         submission_status(str(u, "status"));
    std::string at = str(u, "submitted_at");
    if (!at.empty()) t += " ngày " + vn_date_of(at);
    auto late = u.find("late");
    if (late != u.end() && late->is_boolean() && late->get<bool>()) t += " (trễ hạn)";
  }
  return t;
}

std::string reply_quotas(const json& quotas) {
  std::string label = str(quotas, "period_label", str(quotas, "period"));
  const auto& items = items_of(quotas, "items");
  std::string t = "🏅 Chỉ tiêu khen thưởng " + label + ":";
  if (items.empty()) return t + " chưa có hình thức nào.";
  for (const auto& i : items) {
    std::string limit = "không giới hạn";
    if (auto l = i.find("limit"); l != i.end() && l->is_number_integer()) {
      limit = std::to_string(l->get<long long>());
    } else if (l != i.end() && l->is_null()) {
      limit = "chưa quy định";
    }
    std::string kind = str(i, "subject_kind");
    std::string who = kind == "collective"   ? " (tập thể)"
                      : kind == "individual" ? " (cá nhân)"
                                             : "";
    t += "\n• " + str(i, "award_label", str(i, "award")) + who + ": " + str(i, "used", "0") + "/" +
         limit;
  }
  return t;
}

std::string reply_nominations(const json& list, const std::string& staff_name) {
  const auto& items = items_of(list, "items");
  if (items.empty()) return "Chưa có đề nghị khen thưởng nào cho " + staff_name + ".";
  std::string t = "📋 Đề nghị khen thưởng của " + staff_name + ":";
  for (const auto& n : items) {
    t += "\n• Số " + str(n, "id") + ": " + str(n, "award_label", str(n, "award")) + ", " +
         str(n, "period_label", str(n, "period")) + " — " +
         str(n, "status_label", str(n, "status"));
  }
  return t;
}

std::string reply_nomination(const json& n) {
  std::string t = "Đề nghị số " + str(n, "id") + ": " + str(n, "subject_name") + " — " +
                  str(n, "award_label", str(n, "award")) + ", " +
                  str(n, "period_label", str(n, "period")) +
                  ".\nTrạng thái: " + str(n, "status_label", str(n, "status"));
  std::string updated = str(n, "updated_at");
  if (!updated.empty()) t += " (cập nhật " + vn_date_of(updated) + ")";
  return t + ".";
}

std::string reply_whoami(const json& staff) {
  return "Bạn là " + str(staff, "name") + " (mã " + str(staff, "id") +
         "), vai trò: " + role_label(str(staff, "role")) + ".";
}

std::string reply_linked(const json& staff) {
  return "✅ Đã liên kết tài khoản Zalo này với " + str(staff, "name") + " (mã " + str(staff, "id") +
         ").";
}

std::string reply_reminders(bool off, bool changed, const json& staff) {
  const std::string who = honorific(str(staff, "gender"));
  const std::string whom = who + " " + str(staff, "name");
  std::string t;
  if (off) {
    t = changed ? "Đã tắt tin nhắc hạn gửi riêng cho " + whom +
                      ": bot sẽ không nhắn riêng nhắc hạn nộp báo cáo nữa; nhắc hạn trong nhóm "
                      "vẫn như thường."
                : "Tin nhắc hạn gửi riêng cho " + whom + " đã tắt từ trước.";
    t += " Muốn nhận lại, " + who + " gõ /batnhac.";
  } else {
    t = changed ? "Đã bật lại tin nhắc hạn gửi riêng cho " + whom + "."
                : "Tin nhắc hạn gửi riêng cho " + whom + " vẫn đang bật.";
    t += " Muốn thôi nhận, " + who + " gõ /tatnhac.";
  }
  // Only leaders of units that still owe their part get them; say so to everyone else.
  if (str(staff, "role") != "leader") {
    t += " (Tin nhắc hạn gửi riêng chỉ đến tổ trưởng của tổ còn nợ báo cáo.)";
  }
  return t;
}

}  // namespace thidua::notifications
