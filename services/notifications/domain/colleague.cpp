#include "notifications/domain/colleague.hpp"

#include <nlohmann/json.hpp>

namespace thidua::notifications {
namespace {
std::string text_of(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

Colleague colleague_from_json(const nlohmann::json& staff) {
  Colleague c;
  if (!staff.is_object()) return c;
  c.id = text_of(staff, "id");
  c.name = text_of(staff, "name");
  c.gender = text_of(staff, "gender");
  c.role = text_of(staff, "role");
  c.zalo_user_id = text_of(staff, "zalo_user_id");
  return c;
}

}  // namespace thidua::notifications
