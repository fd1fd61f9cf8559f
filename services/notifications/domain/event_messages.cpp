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
  std::string unit = n.value("unit", "");
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
  std::string period = period_label(n.value("period", ""));
  std::string text;
  if (type == "nomination.created") {
    text = "📋 Đề nghị khen thưởng mới: " + subject_line(n) + " — " + award + ", " + period +
           ". Mã đề nghị: " + n.value("id", "") + ".";
  } else {
    return std::nullopt;
  }
  if (!footer.empty()) text += "\n" + footer;
  return text;
}

}  // namespace thidua::notifications
