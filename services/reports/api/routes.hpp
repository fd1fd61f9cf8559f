#pragma once
#include "http/params.hpp"
#include "http/router.hpp"
#include "reports/app/documents_app.hpp"
#include "reports/app/planner.hpp"
#include "reports/app/reports_app.hpp"

namespace thidua::reports {

inline const std::string kApiBase = "/api/reports/v1";

struct RouteDeps {
  ReportsApp& app;
  ReminderPlanner& planner;
  DocumentsApp& documents;
};

void add_deadline_routes(http::Router& router, RouteDeps deps);
void add_contribution_routes(http::Router& router, RouteDeps deps);
void add_school_report_routes(http::Router& router, RouteDeps deps);
void add_document_routes(http::Router& router, RouteDeps deps);
void add_indicator_routes(http::Router& router, RouteDeps deps);
class StatisticsApp;
// Thống kê: the Excel export of the units' submissions (api/statistics_routes.cpp).
void add_statistics_routes(http::Router& router, StatisticsApp& app);

inline void add_routes(http::Router& router, RouteDeps deps) {
  add_deadline_routes(router, deps);
  add_contribution_routes(router, deps);
  add_school_report_routes(router, deps);
  add_document_routes(router, deps);
  add_indicator_routes(router, deps);
}

// A unit id from the path: short and plain, or 400 before any lookup.
const std::string& checked_unit(const http::Request& req);
// The {year} of the path (every year route): the shared reader in http/params.hpp.
using http::path_year;

}  // namespace thidua::reports
