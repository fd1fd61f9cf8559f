#include "reports/domain/reminder_audience.hpp"

#include <algorithm>

namespace thidua::reports {

std::optional<ReminderAudience> parse_reminder_audience(std::string_view name) {
  if (name == "group") return ReminderAudience::Group;
  if (name == "private") return ReminderAudience::Private;
  if (name == "both") return ReminderAudience::Both;
  return std::nullopt;
}

ReminderRouting route_reminder(const ReminderSituation& s) {
  ReminderRouting out;
  if (s.owing.empty() && s.overdue) {
    out.skip = "nothing_owed";
    return out;
  }
  if (s.owing.empty() && !s.say_when_all_submitted) {
    out.skip = "all_submitted";
    return out;
  }
  const bool late_units = s.stage == ReminderStage::Units && s.overdue;
  if (late_units && s.audience == ReminderAudience::Group) {
    out.skip = "group_only";
    return out;
  }
  out.group = !late_units && (s.audience != ReminderAudience::Private || s.owed_by_school ||
                              s.stage == ReminderStage::Board);
  if (!out.group && s.owing.empty()) {
    out.skip = "all_submitted";  // the thanks go to the group, which hears nothing here
    return out;
  }
  if (s.audience == ReminderAudience::Group || s.owed_by_school ||
      s.stage == ReminderStage::Board) {
    return out;
  }
  for (const auto& unit : s.owing) {
    for (const auto& person : s.staff) {
      if (person.unit_id != unit.id || person.role != "leader") continue;
      LeaderReminder r{person.id, person.name, person.gender, unit.id, unit.name};
      (person.linked ? out.leaders : out.unlinked).push_back(std::move(r));
    }
  }
  return out;
}

Settled settle(const std::vector<Delivery>& deliveries) {
  auto any = [&deliveries](const char* what) {
    return std::any_of(deliveries.begin(), deliveries.end(),
                       [what](const Delivery& d) { return d.outcome == what; });
  };
  if (any(outcome::kSent)) return {"sent", ""};
  return {"skipped", any(outcome::kRejected) ? "rejected" : "no_recipient"};
}

}  // namespace thidua::reports
