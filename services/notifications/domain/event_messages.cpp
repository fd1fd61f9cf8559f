#include "notifications/domain/event_messages.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "notifications/domain/messages.hpp"
#include "notifications/domain/replies.hpp"

namespace thidua::notifications {
namespace {

// The period as running text says it: "năm 2026", "sơ kết giai đoạn 1 (2025–2027)".
// Events carry period_label; an older event without it is named from the period's id.
std::string period_of(const NominationSummary& n) {
  if (!n.period_label.empty()) return text::lower_first(n.period_label);
  const std::string& id = n.period;
  if (id.starts_with("so-ket-")) return say("period.interim", {{"year", id.substr(7)}});
  if (id.starts_with("tong-ket-")) return say("period.final", {{"year", id.substr(9)}});
  return say("period.annual", {{"year", id}});
}

std::string subject_line(const NominationSummary& n) {
  const std::string& who = n.subject_name;
  const std::string& unit = n.unit_name;
  if (!unit.empty() && unit != who)
    return say("event.who_in_unit", {{"name", who}, {"unit", unit}});
  return who;
}
}  // namespace

std::string nomination_line(const NominationSummary& n, bool numbered) {
  std::string who = subject_line(n);
  std::string period = period_of(n);
  if (!numbered)
    return say("digest.line", {{"who", who}, {"award", n.award_label}, {"period", period}});
  return say("digest.line_numbered",
             {{"id", n.id}, {"who", who}, {"award", n.award_label}, {"period", period}});
}

void address_nominee(NominationSummary& nominee, const Colleague& record) {
  if (nominee.subject_kind != "individual" || nominee.subject_id.empty() ||
      nominee.subject_id != record.id) {
    return;
  }
  Colleague named = record;
  named.name = nominee.subject_name;  // the event's name, as every other line of it
  nominee.subject_name = addressed_name(named);
}

std::optional<std::string> round_closing_message(const NominationEvent& event) {
  const auto& round = event.round;
  auto closes = parse_iso_date(round.closes);
  if (round.name.empty() || !closes || !event.days_left) return std::nullopt;
  int left = *event.days_left;
  std::string text =
      left <= 0 ? say("event.round_closing_today",
                      {{"round", text::lower_first(round.name)}, {"closes", vn_date(*closes)}})
                : say("event.round_closing", {{"round", round.name},
                                              {"closes", vn_date(*closes)},
                                              {"days", std::to_string(left)}});
  std::string awards;
  for (const auto& label : round.award_labels) {
    if (!label.empty()) awards += (awards.empty() ? "" : "; ") + label;
  }
  if (!awards.empty()) text += "\n" + say("event.round_awards", {{"awards", awards}});
  return text;
}

std::optional<std::string> message_for_event(const NominationEvent& event,
                                             const std::string& footer) {
  if (event.type == "round.closing") {
    auto text = round_closing_message(event);
    if (text && !footer.empty()) *text += "\n" + footer;
    return text;
  }
  if (!event.nomination) return std::nullopt;
  const auto& n = *event.nomination;
  const std::string& type = event.type;
  std::string period = period_of(n);
  std::string who = subject_line(n);
  std::string text;
  // Drafts and edits stay within the unit; the group hears when a step is taken.
  if (type == "nomination.submitted" || type == "nomination.approved") {
    text = say(type == "nomination.submitted" ? "event.submitted" : "event.approved",
               {{"id", n.id}, {"who", who}, {"award", n.award_label}, {"period", period}});
  } else if (type == "nomination.awarded") {
    const std::string& number = event.decision.number;
    auto day = parse_iso_date(event.decision.date);
    if (!number.empty() && day) {
      text = say("event.awarded", {{"who", who},
                                   {"award", n.award_label},
                                   {"period", period},
                                   {"decision", number},
                                   {"date", vn_date(*day)}});
    } else {
      text = say("event.awarded_no_decision",
                 {{"who", who}, {"award", n.award_label}, {"period", period}});
    }
  } else {
    return std::nullopt;
  }
  if (!footer.empty()) text += "\n" + footer;
  return text;
}

std::optional<std::string> personal_message_for_event(const NominationEvent& event,
                                                      const std::string& you) {
  if (!event.nomination) return std::nullopt;
  const auto& n = *event.nomination;
  const std::string& type = event.type;
  if (type != "nomination.rejected" && type != "nomination.not_awarded") return std::nullopt;
  std::string text = say(
      type == "nomination.rejected" ? "personal.rejected" : "personal.not_awarded",
      {{"id", n.id}, {"who", subject_line(n)}, {"award", n.award_label}, {"period", period_of(n)}});
  if (!event.note.empty()) {
    text += " " + say("personal.reason", {{"reason", event.note}});
    if (text.back() != '.') text += ".";
  }
  return text + " " + say("personal.closing", {{"you", you}});
}

std::vector<std::string> personal_recipients(const NominationEvent& event,
                                             const std::vector<Colleague>& staff) {
  std::vector<std::string> out;
  if (!event.nomination) return out;
  const auto& n = *event.nomination;
  auto add = [&out](const std::string& id) {
    if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  std::string subject = n.subject_kind == "individual" ? n.subject_id : "";
  const std::string& unit = n.unit_id;
  for (const auto& s : staff) {
    if (!subject.empty() && s.id == subject) add(subject);
  }
  for (const auto& s : staff) {
    if (!unit.empty() && s.unit_id == unit && s.role == "leader") add(s.id);
  }
  return out;
}

}  // namespace thidua::notifications
