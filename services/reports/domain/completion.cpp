#include "reports/domain/completion.hpp"

#include "core/errors.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {

std::optional<DoneMark> completion_of(const Deadline& d, const std::optional<DoneMark>& own,
                                      const std::optional<SentMark>& yearly_sent) {
  if (d.owed_by != Owner::School) return std::nullopt;
  if (own) return own;
  if (d.document == "yearly_report" && yearly_sent) {
    const auto& s = *yearly_sent;
    return DoneMark{s.sent_on, s.number, "", s.marked_by, s.marked_at, "yearly_report"};
  }
  return std::nullopt;
}

void check_done_mark(const Deadline& d, LocalDate due, LocalDate done_on, LocalDate today,
                     UnitDueDay units_due) {
  if (d.owed_by == Owner::Registrations) {
    throw unprocessable("done_by_registrations",
                        say("problem.done_by_registrations", {{"name", d.name}}));
  }
  if (d.owed_by != Owner::School) {
    throw unprocessable("done_by_units", say("problem.done_by_units", {{"name", d.name}}));
  }
  auto dues = occurrences_between(d, due, due, units_due);
  if (dues.empty()) {
    throw unprocessable("no_such_occurrence", say("problem.no_such_occurrence",
                                                  {{"name", d.name}, {"date", vn_date(due)}}));
  }
  if (done_on > today) {
    throw unprocessable("date_in_future", say("problem.done_in_future"));
  }
}

}  // namespace thidua::reports
