#include "core/roles.hpp"

namespace thidua {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::Admin:
      return "admin";
    case Role::Council:
      return "council";
    case Role::Leader:
      return "leader";
    case Role::Staff:
      return "staff";
    case Role::Service:
      return "service";
  }
  return "staff";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : {Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service}) {
    if (role_name(r) == name) return r;
  }
  return std::nullopt;
}

}  // namespace thidua
