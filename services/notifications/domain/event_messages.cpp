#include "notifications/domain/event_messages.hpp"

#include <nlohmann/json.hpp>

namespace thidua::notifications {
namespace {
std::string period_label(const std::string& period) {
  if (period == "so-ket-2027") return "sơ kết giai đoạn 1 (2027)";
  if (period == "tong-ket-2030") return "tổng kết phong trào (2030)";
  return "năm " + period;
}

std::string subject_line(const nlohmann::json& n) {
  std::string who = n.value("subject_name", "");
  std::string unit = n.value("unit_name", "");
  if (!unit.empty() && unit != who) who += " (" + unit + ")";
  return who;
}
}  // namespace

std::optional<std::string> message_for_event(const nlohmann::json& event,
                                             const std::string& footer) {
  if (!event.is_object() || !event.contains("nomination")) return std::nullopt;
  const auto& n = event["nomination"];
  std::string type = event.value("type", "");
  std::string award = n.value("award_label", n.value("award", ""));
  std::string period = n.value("period_label", period_label(n.value("period", "")));
  std::string who = subject_line(n);
  std::string id = n.value("id", "");
  std::string what = award + ", " + period;
  std::string text;
  // Drafts and edits stay within the unit; the group hears when a step is taken.
  if (type == "nomination.submitted") {
    text = "📋 Đề nghị khen thưởng số " + id + " đã được trình Hội đồng: " + who + " — " + what + ".";
  } else if (type == "nomination.approved") {
    text = "✅ Hội đồng Thi đua – Khen thưởng đã thông qua đề nghị số " + id + ": " + who + " — " +
           what + ".";
  } else if (type == "nomination.rejected") {
    text = "Đề nghị số " + id + " (" + who + " — " + what + ") không được Hội đồng thông qua.";
    if (!event.value("note", "").empty()) text += " Lý do: " + event.value("note", "") + ".";
  } else if (type == "nomination.awarded") {
    text = "🎉 Chúc mừng " + who + " đã được " + award + " (" + period + ").";
  } else {
    return std::nullopt;
  }
  if (!footer.empty()) text += "\n" + footer;
  return text;
}

}  // namespace thidua::notifications
