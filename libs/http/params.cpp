#include "http/params.hpp"

#include "core/errors.hpp"
#include "core/integer.hpp"

namespace thidua::http {
namespace {
ApiError not_a_whole_number(const std::string& where, const std::string& name, long long min,
                            long long max) {
  return bad_request("invalid_" + name, "Tham số \"" + name + "\" " + where +
                                            " phải là số nguyên từ " + std::to_string(min) +
                                            " đến " + std::to_string(max) + ", chỉ gồm chữ số.");
}
}  // namespace

std::optional<long long> query_integer(const Request& req, const std::string& name, long long min,
                                       long long max) {
  auto text = req.query(name);
  if (!text || text->empty()) return std::nullopt;
  auto value = parse_integer_in(*text, min, max);
  if (!value) throw not_a_whole_number("trên địa chỉ (sau dấu ?)", name, min, max);
  return value;
}

long long path_integer(const Request& req, const std::string& name, long long min, long long max) {
  auto value = parse_integer_in(req.param(name), min, max);
  if (!value) throw not_a_whole_number("trong đường dẫn", name, min, max);
  return *value;
}

}  // namespace thidua::http
