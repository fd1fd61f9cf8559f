#pragma once
#include "http/router.hpp"
#include "nominations/store/nomination_store.hpp"

namespace thidua::nominations {

void add_routes(http::Router& router, NominationStore& store);

}  // namespace thidua::nominations
