#include "nominations/domain/step_dates.hpp"

#include "core/errors.hpp"

namespace thidua::nominations {

void check_step_date(const DatedStep& step, LocalDate today,
                     const std::optional<DatedStep>& previous) {
  if (today < step.date) {
    throw unprocessable("date_in_future", "Ô \"" + step.name + "\" ghi " + vn_date(step.date) +
                                              ", sau hôm nay (" + vn_date(today) +
                                              "); hãy ghi ngày đã diễn ra.");
  }
  if (previous && step.date < previous->date) {
    throw unprocessable("date_before_previous_step",
                        "Ô \"" + step.name + "\" ghi " + vn_date(step.date) + ", trước " +
                            previous->name + " (" + vn_date(previous->date) +
                            "); hãy kiểm tra lại ngày.");
  }
}

}  // namespace thidua::nominations
