#pragma once
#include "core/clock.hpp"
#include "http/router.hpp"

namespace thidua::reports {

void add_routes(http::Router& router, const Clock& clock);

}  // namespace thidua::reports
