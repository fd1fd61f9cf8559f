#include "core/json_read.hpp"

#include <climits>

namespace thidua::json_read {

std::string text(const nlohmann::json& j, const char* key, const std::string& fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::string text_or_number(const nlohmann::json& j, const char* key, const std::string& fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  if (it == j.end()) return fallback;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_unsigned()) return std::to_string(it->get<unsigned long long>());
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return fallback;
}

int integer(const nlohmann::json& j, const char* key, int fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  if (it == j.end()) return fallback;
  if (it->is_number_unsigned()) {
    auto v = it->get<unsigned long long>();
    return v <= static_cast<unsigned long long>(INT_MAX) ? static_cast<int>(v) : fallback;
  }
  if (!it->is_number_integer()) return fallback;
  auto v = it->get<long long>();
  return v >= INT_MIN && v <= INT_MAX ? static_cast<int>(v) : fallback;
}

}  // namespace thidua::json_read
