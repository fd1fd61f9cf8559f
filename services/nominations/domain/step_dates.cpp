#include "nominations/domain/step_dates.hpp"

#include "core/errors.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {

void check_step_date(const DatedStep& step, LocalDate today,
                     const std::optional<DatedStep>& previous) {
  if (today < step.date) {
    throw unprocessable(
        "date_in_future",
        say("problem.date_in_future",
            {{"step", step.name}, {"date", vn_date(step.date)}, {"today", vn_date(today)}}));
  }
  if (previous && step.date < previous->date) {
    throw unprocessable(
        "date_before_previous_step",
        say("problem.date_before_previous", {{"step", step.name},
                                             {"date", vn_date(step.date)},
                                             {"previous", previous->name},
                                             {"previous_date", vn_date(previous->date)}}));
  }
}

}  // namespace thidua::nominations
