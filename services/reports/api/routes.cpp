#include "reports/api/routes.hpp"

#include "core/errors.hpp"
#include "http/json_io.hpp"
#include "reports/domain/deadline.hpp"

namespace thidua::reports {
namespace {
const std::string kBase = "/api/reports/v1";
}

void add_routes(http::Router& router, const Clock& clock) {
  router.add(http::Method::Get, kBase + "/deadlines/next", Access::anyone(),
             [&clock](http::Request&) -> Task<http::Response> {
               auto deadline = yearly_report_deadline();
               auto today = local_date(clock.now());
               auto next = next_occurrence(deadline, today);
               if (!next) {
                 throw not_found("no_upcoming_deadline",
                                 "Không còn hạn chót nào: phong trào kết thúc năm " +
                                     std::to_string(deadline.last_year) + ".");
               }
               co_return http::json(200, {{"id", deadline.id},
                                          {"name", deadline.name},
                                          {"recipient", deadline.recipient},
                                          {"due_date", iso_date(next->due)},
                                          {"due_date_vn", vn_date(next->due)},
                                          {"days_left", next->days_left},
                                          {"today", iso_date(today)},
                                          {"timezone", "Asia/Ho_Chi_Minh"}});
             });
}

}  // namespace thidua::reports
