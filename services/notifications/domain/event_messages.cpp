#include "notifications/domain/event_messages.hpp"

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

std::string subject_line(const nlohmann::json& n) {
  std::string who = str(n, "subject_name");
  std::string unit = str(n, "unit");
  if (!unit.empty() && unit != who) who += " (" + unit + ")";
  return who;
}
}  // namespace

std::optional<std::string> message_for_event(const nlohmann::json& event,
                                             const std::string& footer) {
  if (!event.is_object() || !event.contains("nomination")) return std::nullopt;
  const auto& n = event["nomination"];
  if (!n.is_object()) return std::nullopt;
  std::string type = str(event, "type");
  std::string award = str(n, "award_label", str(n, "award"));
  std::string period = period_label(str(n, "period"));
  std::string text;
  if (type == "nomination.created") {
    text = "📋 Đề nghị khen thưởng mới: " + subject_line(n) + " — " + award + ", " + period +
           ". Mã đề nghị: " + str(n, "id") + ".";
  } else {
    return std::nullopt;
  }
  if (!footer.empty()) text += "\n" + footer;
  return text;
}

}  // namespace thidua::notifications
