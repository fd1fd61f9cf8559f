#pragma once
// A colleague as the bot needs them: who they are and how to address them. Read from a
// StaffMember of nominations' catalogue (proto/openapi/nominations.yaml), the only source of
// staff and of their Zalo links.
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace thidua::notifications {

struct Colleague {
  std::string id;            // staff id (core/ids.hpp ids::staff)
  std::string name;          // full name, as the catalogue writes it
  std::string gender;        // "male", "female", or "" when not recorded
  std::string role;          // nominations' role code: staff, leader, council, admin…
  std::string zalo_user_id;  // "" when the person has not linked Zalo
};

// A StaffMember object as nominations sends it; missing or mistyped fields stay "".
Colleague colleague_from_json(const nlohmann::json& staff);

}  // namespace thidua::notifications
