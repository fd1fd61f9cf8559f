#pragma once
// A colleague as the bot needs them: who they are, how to address them, whom they lead. The
// app reads one from a StaffMember of nominations' catalogue (proto/openapi/nominations.yaml),
// the only source of staff and of their Zalo links (app/staff_directory.hpp).
#include <string>

namespace thidua::notifications {

struct Colleague {
  std::string id;            // staff id (core/ids.hpp ids::staff)
  std::string name;          // full name, as the catalogue writes it
  std::string gender;        // "male", "female", or "" when not recorded
  std::string role;          // nominations' role code: staff, leader, council, admin…
  std::string unit_id;       // "" when not in a unit
  std::string zalo_user_id;  // "" when the person has not linked Zalo
};

}  // namespace thidua::notifications
