// nominations: awards, quotas, the council's workflow and the public honours list.
#include "nominations/api/routes.hpp"
#include "service/service.hpp"

int main(int argc, char** argv) {
  using namespace thidua;
  return service_main(
      "nominations", 8081,
      [](Service& service) {
        auto& store = service.make<nominations::NominationStore>(service.redis(), service.keys());
        nominations::add_routes(service.router(), store);
      },
      argc, argv);
}
