#pragma once
// When a deadline is done (issue 14). Each deadline has its own completion: a deadline the
// units owe is done when every unit that owes a part has submitted it (who_owes in the
// app); a deadline the school owes (the digital-transformation self-assessment due 31 May)
// is done when the board marks that occurrence done, and one whose `document` is the yearly
// report also when that year's report is marked sent. Never the yearly report's sent mark
// for another deadline: that once made a reminder of 31 May thank the school for a report
// nobody had sent.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "reports/domain/deadline.hpp"
#include "reports/domain/school_report.hpp"

namespace thidua::reports {

struct DoneMark {
  LocalDate done_on{};
  std::string number{};  // the document's number when there was one ("15/BC-THCSVP1")
  std::string note{};
  std::string marked_by{};
  std::string marked_at{};
  std::string via = "mark";  // mark (the board), yearly_report (the report marked sent)
};

// The completion of one occurrence of a deadline the school owes; nullopt while it is not
// done (and always for a deadline the units owe). `own`: the board's mark for this
// occurrence; `yearly_sent`: that year's report marked sent.
std::optional<DoneMark> completion_of(const Deadline& d, const std::optional<DoneMark>& own,
                                      const std::optional<SentMark>& yearly_sent);

// The board may mark `due` of `d` done on `done_on`: a deadline the school owes (422
// done_by_units; one of registrations is done by the registrations, 422
// done_by_registrations), on one of its due dates (422 no_such_occurrence), done no later than
// today (422 date_in_future). Throws ApiError with a Vietnamese detail.
void check_done_mark(const Deadline& d, LocalDate due, LocalDate done_on, LocalDate today,
                     UnitDueDay units_due = {});

}  // namespace thidua::reports
