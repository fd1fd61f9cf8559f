#include "core/roles.hpp"

#include "core/messages.hpp"
#include "core/text.hpp"

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

std::string role_in_text(Role role) {
  return common::say("role." + std::string(role_name(role)));
}

std::string role_label(Role role) {
  return text::upper_first(role_in_text(role));
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : kAllRoles) {
    if (role_name(r) == name) return r;
  }
  return std::nullopt;
}

}  // namespace thidua
