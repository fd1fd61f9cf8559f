#pragma once
// A registration of targets as the API shows it: on its own routes and inside a nomination's
// detail (the subject's registration of the nomination's year).
#include <nlohmann/json.hpp>

#include "nominations/domain/registration.hpp"

namespace thidua::nominations {

nlohmann::json registration_json(const Registration& r);

}  // namespace thidua::nominations
