#pragma once
// Who may do what. The roles come from the school: Ban giám hiệu (admin), the council
// (Hội đồng TĐ-KT), unit leaders (tổ trưởng), staff, and other services.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace thidua {

enum class Role : unsigned { Admin = 1, Council = 2, Leader = 4, Staff = 8, Service = 16 };

inline constexpr Role kAllRoles[] = {Role::Admin, Role::Council, Role::Leader, Role::Staff,
                                     Role::Service};

std::string_view role_name(Role role);
// Vietnamese, for people (core/messages.cpp): a label that stands alone ("Tổ trưởng", on the
// dashboard), and the same words in a sentence ("vai trò tổ trưởng").
std::string role_label(Role role);
std::string role_in_text(Role role);
std::optional<Role> parse_role(std::string_view name);

// Who is calling: set by the server from the bearer token before a handler runs.
struct Principal {
  bool authenticated = false;
  Role role = Role::Staff;
  std::string subject;  // staff id, or "bootstrap-admin" / "service"
  std::string name;
};

// What a route requires: nothing (public website routes) or one of a set of roles.
struct Access {
  bool is_public = false;
  unsigned roles = 0;

  static Access anyone() { return Access{true, 0}; }
  static Access roles_of(std::initializer_list<Role> allowed) {
    Access a;
    for (Role r : allowed) a.roles |= static_cast<unsigned>(r);
    return a;
  }
  // The roles a domain rule admits, so a route and the rule cannot disagree.
  static Access roles_where(bool (*admits)(Role)) {
    Access a;
    for (Role r : kAllRoles) {
      if (admits(r)) a.roles |= static_cast<unsigned>(r);
    }
    return a;
  }
  bool allows(Role role) const { return is_public || (roles & static_cast<unsigned>(role)) != 0; }
};

}  // namespace thidua
