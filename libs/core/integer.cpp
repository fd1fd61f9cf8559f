#include "core/integer.hpp"

#include <charconv>

namespace thidua {

std::optional<long long> parse_integer(std::string_view text) {
  // from_chars takes no '+' and no blanks already; it would take "-" alone as nothing read.
  long long value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value, 10);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::optional<long long> parse_integer_in(std::string_view text, long long min, long long max) {
  auto value = parse_integer(text);
  if (!value || *value < min || *value > max) return std::nullopt;
  return value;
}

}  // namespace thidua
