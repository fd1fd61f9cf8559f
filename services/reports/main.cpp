// reports: the yearly report due 30 October, units' contributions and the reminder planner.
#include "reports/api/routes.hpp"
#include "service/service.hpp"

int main(int argc, char** argv) {
  using namespace thidua;
  return service_main(
      "reports", 8082,
      [](Service& service) {
        auto& clock = service.make<SystemClock>();
        reports::add_routes(service.router(), clock);
      },
      argc, argv);
}
