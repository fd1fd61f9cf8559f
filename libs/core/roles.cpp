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

std::string_view role_label(Role role) {
  switch (role) {
    case Role::Admin:
      return "Ban giám hiệu";
    case Role::Council:
      return "Hội đồng Thi đua – Khen thưởng";
    case Role::Leader:
      return "Tổ trưởng";
    case Role::Staff:
      return "Cán bộ, giáo viên";
    case Role::Service:
      return "Dịch vụ nội bộ";
  }
  return "";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : kAllRoles) {
    if (role_name(r) == name) return r;
  }
  return std::nullopt;
}

}  // namespace thidua
