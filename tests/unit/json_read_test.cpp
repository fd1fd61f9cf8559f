// The lenient readers: what another service, Zalo or an older release sent is read with the
// fallback for anything missing or mistyped, never an exception.
#include "core/json_read.hpp"

#include <gtest/gtest.h>

namespace thidua::json_read {
namespace {
using nlohmann::json;

TEST(JsonRead, TextIsAStringOrTheFallback) {
  auto j = json::parse(R"({"name":"Cô Lan","number":7,"null":null,"list":[]})");
  EXPECT_EQ(text(j, "name"), "Cô Lan");
  EXPECT_EQ(text(j, "number"), "");
  EXPECT_EQ(text(j, "null", "?"), "?");
  EXPECT_EQ(text(j, "list", "?"), "?");
  EXPECT_EQ(text(j, "absent", "?"), "?");
  EXPECT_EQ(text(json::array(), "name", "?"), "?");
  EXPECT_EQ(text(json("Cô Lan"), "name"), "");
}

TEST(JsonRead, AnIdMayArriveAsANumber) {
  auto j =
      json::parse(R"({"s":"z-42","n":42,"neg":-3,"big":18446744073709551615,"f":1.5,"b":true})");
  EXPECT_EQ(text_or_number(j, "s"), "z-42");
  EXPECT_EQ(text_or_number(j, "n"), "42");
  EXPECT_EQ(text_or_number(j, "neg"), "-3");
  // Past LLONG_MAX: the digits as sent, not a wrapped negative number.
  EXPECT_EQ(text_or_number(j, "big"), "18446744073709551615");
  EXPECT_EQ(text_or_number(j, "f", "?"), "?");
  EXPECT_EQ(text_or_number(j, "b", "?"), "?");
  EXPECT_EQ(text_or_number(json(nullptr), "s", "?"), "?");
}

TEST(JsonRead, AnIntegerOnlyWhenItFits) {
  auto j = json::parse(
      R"({"n":12,"neg":-1,"big":4294967296,"huge":18446744073709551615,"f":2.5,"s":"3"})");
  EXPECT_EQ(integer(j, "n", 0), 12);
  EXPECT_EQ(integer(j, "neg", 0), -1);
  EXPECT_EQ(integer(j, "big", 9), 9);
  EXPECT_EQ(integer(j, "huge", 9), 9);
  EXPECT_EQ(integer(j, "f", 9), 9);
  EXPECT_EQ(integer(j, "s", 9), 9);
  EXPECT_EQ(integer(j, "absent", 9), 9);
}

}  // namespace
}  // namespace thidua::json_read
