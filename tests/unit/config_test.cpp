#include <gtest/gtest.h>

#include <map>

#include "core/config.hpp"

namespace thidua {
namespace {

// An Env over a fixed map, so no test touches the process environment.
Env env_of(std::map<std::string, std::string> vars) {
  return Env([vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  });
}

// The ConfigError's message, or "" when `fn` did not throw one.
template <class Fn>
std::string config_error(Fn fn) {
  try {
    fn();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(Env, MissingOrBlankValuesFallBackToDefaults) {
  auto env = env_of({{"BLANK", "   "}, {"EMPTY", ""}});
  EXPECT_EQ(env.text("UNSET", "x"), "x");
  EXPECT_EQ(env.text("BLANK", "x"), "x");
  EXPECT_EQ(env.integer("EMPTY", 42, 0, 100), 42);
  EXPECT_TRUE(env.flag("UNSET", true));
  EXPECT_EQ(env.millis("UNSET", 250, 1, 1000).count(), 250);
  EXPECT_EQ(env.choice("UNSET", "console", {"console", "zalo"}), "console");
}

TEST(Env, TextIsTrimmed) {
  auto env = env_of({{"NAME", "  thcs-vinh-phong-1 \n"}});
  EXPECT_EQ(env.text("NAME", ""), "thcs-vinh-phong-1");
}

TEST(Env, RequiredTextNamesTheMissingVariable) {
  auto env = env_of({{"THIDUA_BLANK", " "}, {"THIDUA_SET", "v"}});
  EXPECT_EQ(env.required_text("THIDUA_SET"), "v");
  EXPECT_NE(
      config_error([&] { env.required_text("THIDUA_ADMIN_TOKEN"); }).find("THIDUA_ADMIN_TOKEN"),
      std::string::npos);
  EXPECT_NE(config_error([&] { env.required_text("THIDUA_BLANK"); }).find("THIDUA_BLANK"),
            std::string::npos);
}

TEST(Env, IntegerParsesWithinRange) {
  auto env = env_of({{"PORT", "8081"}, {"NEG", "-5"}, {"EDGE", "100"}});
  EXPECT_EQ(env.integer("PORT", 0, 1, 65535), 8081);
  EXPECT_EQ(env.integer("NEG", 0, -10, 10), -5);
  EXPECT_EQ(env.integer("EDGE", 0, 0, 100), 100);
}

TEST(Env, BadIntegerNamesTheVariableAndValue) {
  for (std::string bad : {"abc", "12abc", "1.5", "0x10", "99999999999999999999999"}) {
    auto env = env_of({{"THIDUA_HTTP_PORT", bad}});
    auto message = config_error([&] { env.integer("THIDUA_HTTP_PORT", 8080, 1, 65535); });
    EXPECT_NE(message.find("THIDUA_HTTP_PORT"), std::string::npos) << bad;
    EXPECT_NE(message.find(bad), std::string::npos) << bad;
  }
}

TEST(Env, IntegerOutOfRangeIsRejected) {
  auto env = env_of({{"THIDUA_LOOPS", "0"}, {"BIG", "65536"}});
  auto message = config_error([&] { env.integer("THIDUA_LOOPS", 1, 1, 64); });
  EXPECT_NE(message.find("THIDUA_LOOPS"), std::string::npos);
  EXPECT_NE(message.find("1..64"), std::string::npos);
  EXPECT_THROW(env.integer("BIG", 1, 1, 65535), ConfigError);
  EXPECT_THROW(env.millis("BIG", 1, 1, 1000), ConfigError);
}

TEST(Env, FlagAcceptsCommonSpellingsOnly) {
  auto env = env_of({{"A", "1"},
                     {"B", "yes"},
                     {"C", "on"},
                     {"D", "true"},
                     {"E", "0"},
                     {"F", "no"},
                     {"G", "off"},
                     {"H", "false"},
                     {"BAD", "maybe"}});
  for (auto name : {"A", "B", "C", "D"}) EXPECT_TRUE(env.flag(name, false)) << name;
  for (auto name : {"E", "F", "G", "H"}) EXPECT_FALSE(env.flag(name, true)) << name;
  auto message = config_error([&] { env.flag("BAD", false); });
  EXPECT_NE(message.find("BAD"), std::string::npos);
  EXPECT_NE(message.find("maybe"), std::string::npos);
}

TEST(Env, ChoiceIsCaseSensitiveAndListsTheChoices) {
  auto env = env_of({{"THIDUA_MESSENGER", "zalo"}, {"UPPER", "Zalo"}});
  EXPECT_EQ(env.choice("THIDUA_MESSENGER", "console", {"console", "zalo"}), "zalo");
  auto message = config_error([&] { env.choice("UPPER", "console", {"console", "zalo"}); });
  EXPECT_NE(message.find("UPPER"), std::string::npos);
  EXPECT_NE(message.find("console, zalo"), std::string::npos);
}

TEST(Env, ListSplitsOnCommasAndDropsBlanks) {
  auto env = env_of({{"ORIGINS", " https://a.example , ,https://b.example,, "}});
  std::vector<std::string> expected{"https://a.example", "https://b.example"};
  EXPECT_EQ(env.list("ORIGINS", ""), expected);
  EXPECT_EQ(env.list("UNSET", "x,y"), (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(env.list("UNSET", "").empty());
}

TEST(Env, IntegersCheckEachItem) {
  auto env = env_of({{"OFFSETS", "30, 14,7,1,0"}, {"BAD", "30,x"}, {"BIG", "30,400"}});
  EXPECT_EQ(env.integers("OFFSETS", "", 0, 365), (std::vector<long long>{30, 14, 7, 1, 0}));
  EXPECT_NE(config_error([&] { env.integers("BAD", "", 0, 365); }).find("BAD"), std::string::npos);
  EXPECT_THROW(env.integers("BIG", "", 0, 365), ConfigError);
}

TEST(Env, DefaultsAreCheckedToo) {
  auto env = env_of({});
  // A default that the code's own range rejects is a programming error worth a clear stop.
  EXPECT_THROW(env.integers("UNSET", "1,500", 0, 365), ConfigError);
  EXPECT_THROW(env.choice("UNSET", "other", {"console", "zalo"}), ConfigError);
}

}  // namespace
}  // namespace thidua
