// The JSON written without a tree (responses on hot paths, log lines): always valid JSON,
// whatever bytes it is given, and the same value a tree would give.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/json_writer.hpp"
#include "core/log.hpp"

namespace thidua {
namespace {
using nlohmann::json;

TEST(JsonWriter, NestsObjectsAndArraysWithCommasInPlace) {
  JsonWriter w;
  w.begin_object()
      .field("a", "x")
      .key("n")
      .number(-42)
      .key("list")
      .begin_array()
      .number(1)
      .string("hai")
      .null()
      .boolean(true)
      .end_array()
      .key("empty")
      .begin_object()
      .end_object()
      .key("tree")
      .value(json{{"k", {1, 2}}})
      .end_object();
  EXPECT_EQ(w.text(),
            R"({"a":"x","n":-42,"list":[1,"hai",null,true],"empty":{},"tree":{"k":[1,2]}})");
  EXPECT_EQ(json::parse(w.take()), (json{{"a", "x"},
                                         {"n", -42},
                                         {"list", {1, "hai", nullptr, true}},
                                         {"empty", json::object()},
                                         {"tree", {{"k", {1, 2}}}}}));
}

TEST(JsonWriter, EscapesWhatJsonRequiresAndKeepsVietnamese) {
  std::string tricky = "Tổ \"Toán\" \\ Tin\n\t\x01 \x7f – Năm 2026";
  JsonWriter w;
  w.begin_array().string(tricky).end_array();
  EXPECT_EQ(json::parse(w.text())[0], tricky);
  EXPECT_NE(w.text().find("Tổ"), std::string::npos);  // UTF-8 kept as it is, not \u escapes
  EXPECT_NE(w.text().find("\\u0001"), std::string::npos);
}

TEST(JsonWriter, ReplacesInvalidUtf8SoTheOutputStaysValid) {
  const std::string cases[] = {
      std::string("a\xff"
                  "b"),                    // never valid
      std::string("\xc3"),                 // truncated two-byte sequence
      std::string("\xe0\x80\xaf"),         // overlong
      std::string("\xed\xa0\x80"),         // UTF-16 surrogate
      std::string("\xf4\x90\x80\x80"),     // above U+10FFFF
      std::string("ok \xf0\x9f\x8e\x89"),  // a valid four-byte emoji stays
  };
  for (const auto& c : cases) {
    JsonWriter w;
    w.begin_array().string(c).end_array();
    json parsed;
    ASSERT_NO_THROW(parsed = json::parse(w.text())) << w.text();
    if (c.rfind("ok", 0) == 0) {
      EXPECT_EQ(parsed[0], c);
    } else {
      EXPECT_NE(parsed[0].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);
    }
  }
}

// Valid sequences run on into plain text and stop at the first byte that needs care: each
// replacement and escape lands exactly where its byte was.
TEST(JsonWriter, EscapesAndReplacementsLandBetweenValidSequences) {
  std::string out;
  append_json_escaped(out, "Hạn\xffnộp\"ổ\xe1\xbb\n\x7f");
  EXPECT_EQ(out, "Hạn\xEF\xBF\xBDnộp\\\"ổ\xEF\xBF\xBD\xEF\xBF\xBD\\n\\u007f");
}

TEST(LogFields, MembersFormOneValidJsonObject) {
  log::Fields f;
  f.add("path", "/api/x?\"y\"")
      .add("status", 200)
      .add("duration_ms", 1.23456)
      .add("bad", std::string("\xff"))
      .add_raw("extra", R"({"k":[1]})");
  auto j = json::parse("{" + std::string(f.members()) + "}");
  EXPECT_EQ(j["path"], "/api/x?\"y\"");
  EXPECT_EQ(j["status"], 200);
  EXPECT_DOUBLE_EQ(j["duration_ms"].get<double>(), 1.235);
  EXPECT_EQ(j["bad"], "\xEF\xBF\xBD");
  EXPECT_EQ(j["extra"]["k"][0], 1);
}

TEST(LogFields, NoMembersIsEmpty) {
  EXPECT_EQ(log::Fields().members(), "");
}

TEST(LogFields, NonFiniteNumbersBecomeNull) {
  log::Fields f;
  f.add("x", std::numeric_limits<double>::infinity());
  EXPECT_TRUE(json::parse("{" + std::string(f.members()) + "}")["x"].is_null());
}

}  // namespace
}  // namespace thidua
