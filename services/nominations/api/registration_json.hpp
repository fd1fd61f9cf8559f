#pragma once
// A registration of targets as the API shows it: on its own routes and inside a nomination's
// detail (the subject's registration of the nomination's year).
#include <nlohmann/json.hpp>

#include "nominations/domain/registration.hpp"

namespace thidua::nominations {

// `catalogue`, when at hand, names whom a submitted registration waits for (a leader's own
// waits for the board); without it only a unit's own is said to.
nlohmann::json registration_json(const Registration& r, const Catalogue* catalogue = nullptr);

}  // namespace thidua::nominations
