#include "notifications/domain/event_messages.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace thidua::notifications {
namespace {
// A string field, or `fallback` when absent or of another type: json::value() throws on a
// wrongly typed field, and a malformed event must be skipped, not retried.
std::string str(const nlohmann::json& j, const char* key, const std::string& fallback = "") {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::string period_label(const std::string& period) {
  if (period == "so-ket-2027") return "sơ kết giai đoạn 1 (2027)";
  if (period == "tong-ket-2030") return "tổng kết phong trào (2030)";
  return "năm " + period;
}

// A period's label as it reads inside a sentence: "Năm 2026" → "năm 2026", "Sơ kết …" →
// "sơ kết …" (the catalogue's labels are written to stand alone, capitalised).
std::string period_in_sentence(const nlohmann::json& n) {
  std::string label = str(n, "period_label", period_label(str(n, "period")));
  if (!label.empty() && label[0] >= 'A' && label[0] <= 'Z') {
    label[0] = static_cast<char>(label[0] - 'A' + 'a');
  } else if (label.rfind("\xC4\x90", 0) == 0) {  // Đ (U+0110) → đ (U+0111)
    label[1] = '\x91';
  }
  return label;
}

std::string subject_line(const nlohmann::json& n) {
  std::string who = str(n, "subject_name");
  std::string unit = str(n, "unit_name");
  if (!unit.empty() && unit != who) who += " (" + unit + ")";
  return who;
}
}  // namespace

std::string nomination_line(const nlohmann::json& n, bool numbered) {
  if (!n.is_object()) return "";
  std::string what = str(n, "award_label", str(n, "award")) + ", " + period_in_sentence(n);
  std::string line = subject_line(n) + " — " + what;
  return numbered ? "Số " + str(n, "id") + ": " + line : line;
}

std::optional<std::string> message_for_event(const nlohmann::json& event,
                                             const std::string& footer) {
  if (!event.is_object() || !event.contains("nomination")) return std::nullopt;
  const auto& n = event["nomination"];
  if (!n.is_object()) return std::nullopt;
  std::string type = str(event, "type");
  std::string award = str(n, "award_label", str(n, "award"));
  std::string period = period_in_sentence(n);
  std::string who = subject_line(n);
  std::string id = str(n, "id");
  std::string what = award + ", " + period;
  std::string text;
  // Drafts and edits stay within the unit; the group hears when a step is taken.
  if (type == "nomination.submitted") {
    text =
        "📋 Đề nghị khen thưởng số " + id + " đã được trình Hội đồng: " + who + " — " + what + ".";
  } else if (type == "nomination.approved") {
    text = "✅ Hội đồng Thi đua – Khen thưởng đã thông qua đề nghị số " + id + ": " + who + " — " +
           what + ".";
  } else if (type == "nomination.awarded") {
    text = "🎉 Chúc mừng " + who + " đã được " + award + " (" + period + ").";
  } else {
    return std::nullopt;
  }
  if (!footer.empty()) text += "\n" + footer;
  return text;
}

std::optional<std::string> personal_message_for_event(const nlohmann::json& event) {
  if (!event.is_object() || !event.contains("nomination") || !event["nomination"].is_object())
    return std::nullopt;
  const auto& n = event["nomination"];
  std::string type = str(event, "type");
  std::string what = str(n, "award_label", str(n, "award")) + ", " + period_in_sentence(n);
  std::string head =
      "Đề nghị khen thưởng số " + str(n, "id") + " (" + subject_line(n) + " — " + what + ") ";
  std::string text;
  if (type == "nomination.rejected") {
    text = head + "chưa được Hội đồng Thi đua – Khen thưởng thông qua.";
  } else if (type == "nomination.not_awarded") {
    text = head + "chưa được cấp trên quyết định khen thưởng.";
  } else {
    return std::nullopt;
  }
  auto reason = str(event, "note");
  if (!reason.empty()) {
    text += " Lý do: " + reason;
    if (text.back() != '.') text += ".";
  }
  text += " Thầy cô xem chi tiết trên trang thi đua của trường; tin này chỉ gửi riêng.";
  return text;
}

std::vector<std::string> personal_recipients(const nlohmann::json& event,
                                             const nlohmann::json& staff) {
  std::vector<std::string> out;
  if (!event.is_object() || !event.contains("nomination") || !staff.is_array()) return out;
  const auto& n = event["nomination"];
  if (!n.is_object()) return out;
  auto add = [&out](const std::string& id) {
    if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  std::string subject = str(n, "subject_kind") == "individual" ? str(n, "subject_id") : "";
  std::string unit = str(n, "unit_id");
  for (const auto& s : staff) {
    if (!s.is_object()) continue;
    if (!subject.empty() && str(s, "id") == subject) add(subject);
  }
  for (const auto& s : staff) {
    if (!s.is_object()) continue;
    if (!unit.empty() && str(s, "unit_id") == unit && str(s, "role") == "leader") add(str(s, "id"));
  }
  return out;
}

}  // namespace thidua::notifications
