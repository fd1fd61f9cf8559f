#include "notifications/domain/event_messages.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/json_read.hpp"
#include "core/text.hpp"
#include "notifications/domain/messages.hpp"

namespace thidua::notifications {
namespace {

// The period as running text says it: "năm 2026", "sơ kết giai đoạn 1 (2025–2027)".
// Events carry period_label; an older event without it is named from the period's id.
std::string period_of(const nlohmann::json& n) {
  if (auto label = json_read::text(n, "period_label"); !label.empty())
    return text::lower_first(label);
  std::string id = json_read::text(n, "period");
  if (id.starts_with("so-ket-")) return say("period.interim", {{"year", id.substr(7)}});
  if (id.starts_with("tong-ket-")) return say("period.final", {{"year", id.substr(9)}});
  return say("period.annual", {{"year", id}});
}

std::string subject_line(const nlohmann::json& n) {
  std::string who = json_read::text(n, "subject_name");
  std::string unit = json_read::text(n, "unit_name");
  if (!unit.empty() && unit != who)
    return say("event.who_in_unit", {{"name", who}, {"unit", unit}});
  return who;
}
}  // namespace

std::string nomination_line(const nlohmann::json& n, bool numbered) {
  if (!n.is_object()) return "";
  std::string who = subject_line(n);
  std::string award = json_read::text(n, "award_label", json_read::text(n, "award"));
  std::string period = period_of(n);
  if (!numbered) return say("digest.line", {{"who", who}, {"award", award}, {"period", period}});
  std::string id = json_read::text(n, "id");
  return say("digest.line_numbered",
             {{"id", id}, {"who", who}, {"award", award}, {"period", period}});
}

namespace {
// round.closing (issue 14): "⏰ Đợt xét … nhận đề nghị khen thưởng đến hết ngày …". nullopt
// when the event lacks the round's name or a valid closing day.
std::optional<std::string> round_closing_message(const nlohmann::json& event) {
  const auto& round = event.contains("round") ? event["round"] : nlohmann::json();
  std::string name = json_read::text(round, "name");
  auto closes = parse_iso_date(json_read::text(round, "closes"));
  auto days = event.find("days_left");
  if (name.empty() || !closes || days == event.end() || !days->is_number_integer()) {
    return std::nullopt;
  }
  int left = days->get<int>();
  std::string text =
      left <= 0
          ? say("event.round_closing_today",
                {{"round", text::lower_first(name)}, {"closes", vn_date(*closes)}})
          : say("event.round_closing",
                {{"round", name}, {"closes", vn_date(*closes)}, {"days", std::to_string(left)}});
  std::string awards;
  if (round.contains("awards") && round["awards"].is_array()) {
    for (const auto& a : round["awards"]) {
      std::string label = json_read::text(a, "label");
      if (!label.empty()) awards += (awards.empty() ? "" : "; ") + label;
    }
  }
  if (!awards.empty()) text += "\n" + say("event.round_awards", {{"awards", awards}});
  return text;
}
}  // namespace

std::optional<std::string> message_for_event(const nlohmann::json& event,
                                             const std::string& footer) {
  if (event.is_object() && json_read::text(event, "type") == "round.closing") {
    auto text = round_closing_message(event);
    if (text && !footer.empty()) *text += "\n" + footer;
    return text;
  }
  if (!event.is_object() || !event.contains("nomination")) return std::nullopt;
  const auto& n = event["nomination"];
  if (!n.is_object()) return std::nullopt;
  std::string type = json_read::text(event, "type");
  std::string award = json_read::text(n, "award_label", json_read::text(n, "award"));
  std::string period = period_of(n);
  std::string who = subject_line(n);
  std::string id = json_read::text(n, "id");
  std::string text;
  // Drafts and edits stay within the unit; the group hears when a step is taken.
  if (type == "nomination.submitted" || type == "nomination.approved") {
    text = say(type == "nomination.submitted" ? "event.submitted" : "event.approved",
               {{"id", id}, {"who", who}, {"award", award}, {"period", period}});
  } else if (type == "nomination.awarded") {
    const auto d = event.contains("decision") ? event["decision"] : nlohmann::json();
    std::string number = json_read::text(d, "number");
    std::string date = json_read::text(d, "date");
    auto day = parse_iso_date(date);
    if (!number.empty() && day) {
      text = say("event.awarded", {{"who", who},
                                   {"award", award},
                                   {"period", period},
                                   {"decision", number},
                                   {"date", vn_date(*day)}});
    } else {
      text = say("event.awarded_no_decision", {{"who", who}, {"award", award}, {"period", period}});
    }
  } else {
    return std::nullopt;
  }
  if (!footer.empty()) text += "\n" + footer;
  return text;
}

std::optional<std::string> personal_message_for_event(const nlohmann::json& event,
                                                      const std::string& you) {
  if (!event.is_object() || !event.contains("nomination") || !event["nomination"].is_object())
    return std::nullopt;
  const auto& n = event["nomination"];
  std::string type = json_read::text(event, "type");
  if (type != "nomination.rejected" && type != "nomination.not_awarded") return std::nullopt;
  std::string text =
      say(type == "nomination.rejected" ? "personal.rejected" : "personal.not_awarded",
          {{"id", json_read::text(n, "id")},
           {"who", subject_line(n)},
           {"award", json_read::text(n, "award_label", json_read::text(n, "award"))},
           {"period", period_of(n)}});
  auto reason = json_read::text(event, "note");
  if (!reason.empty()) {
    text += " " + say("personal.reason", {{"reason", reason}});
    if (text.back() != '.') text += ".";
  }
  return text + " " + say("personal.closing", {{"you", you}});
}

std::vector<std::string> personal_recipients(const nlohmann::json& event,
                                             const std::vector<Colleague>& staff) {
  std::vector<std::string> out;
  if (!event.is_object() || !event.contains("nomination")) return out;
  const auto& n = event["nomination"];
  if (!n.is_object()) return out;
  auto add = [&out](const std::string& id) {
    if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  std::string subject =
      json_read::text(n, "subject_kind") == "individual" ? json_read::text(n, "subject_id") : "";
  std::string unit = json_read::text(n, "unit_id");
  for (const auto& s : staff) {
    if (!subject.empty() && s.id == subject) add(subject);
  }
  for (const auto& s : staff) {
    if (!unit.empty() && s.unit_id == unit && s.role == "leader") add(s.id);
  }
  return out;
}

}  // namespace thidua::notifications
