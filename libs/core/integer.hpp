#pragma once
// Whole numbers as they arrive in text (a query string, a path, a chat command): one strict
// reading for all of them, so "2abc", " 2", "+2", "2.0" and "0x2" are never 2 anywhere.
#include <optional>
#include <string_view>

namespace thidua {

// An optional '-' and ASCII digits, nothing before or after (no blanks, no '+', no fraction,
// no exponent); leading zeros are allowed ("02" is 2). nullopt otherwise, or when the value
// does not fit a long long.
std::optional<long long> parse_integer(std::string_view text);

// parse_integer(text) when it lies in [min, max]; nullopt otherwise.
std::optional<long long> parse_integer_in(std::string_view text, long long min, long long max);

}  // namespace thidua
