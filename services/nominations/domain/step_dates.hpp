#pragma once
// The dates the board records for steps taken outside the system: the day the tờ trình was
// sent to the issuing level (forward) and the date of the award decision (award). A
// recorded step has happened, so its date is no later than today in Vietnam, and steps come
// in order: approval, then forwarding, then the decision (issue 14: a decision dated
// 01/05/2027 was accepted on 29/11/2026).
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace thidua::nominations {

struct DatedStep {
  LocalDate date;
  std::string name;  // "ngày gửi tờ trình", "ngày quyết định", "ngày Hội đồng thông qua"
};

// Throws ApiError 422 date_in_future when `step` is after `today`, and 422
// date_before_previous_step when it is before `previous` (when known; a record made before
// approvals were dated has none). Details in Vietnamese with dd/mm/yyyy dates.
void check_step_date(const DatedStep& step, LocalDate today,
                     const std::optional<DatedStep>& previous);

}  // namespace thidua::nominations
