#include <gtest/gtest.h>

#include <climits>

#include "core/integer.hpp"

namespace thidua {
namespace {

TEST(ParseInteger, ReadsDigitsWithAnOptionalMinus) {
  EXPECT_EQ(parse_integer("0"), 0);
  EXPECT_EQ(parse_integer("2"), 2);
  EXPECT_EQ(parse_integer("2026"), 2026);
  EXPECT_EQ(parse_integer("-1"), -1);
  EXPECT_EQ(parse_integer("02"), 2);  // what a JSON Schema integer "02" is as well
  EXPECT_EQ(parse_integer("9223372036854775807"), LLONG_MAX);
}

// What atoi, strtol and stoi take and this does not: each of these once passed somewhere.
TEST(ParseInteger, RefusesAnythingElseWhole) {
  for (const char* text : {"", "-", "2abc", " 2", "2 ", "+2", "2.0", "2e0", "0x2", "٢", "2\n",
                           "1 000", "9223372036854775808", "-9223372036854775809"}) {
    EXPECT_EQ(parse_integer(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(ParseInteger, InRangeOrNothing) {
  EXPECT_EQ(parse_integer_in("2025", 2025, 2030), 2025);
  EXPECT_EQ(parse_integer_in("2030", 2025, 2030), 2030);
  EXPECT_EQ(parse_integer_in("2024", 2025, 2030), std::nullopt);
  EXPECT_EQ(parse_integer_in("2031", 2025, 2030), std::nullopt);
  EXPECT_EQ(parse_integer_in("20260", 2025, 2030), std::nullopt);
}

}  // namespace
}  // namespace thidua
