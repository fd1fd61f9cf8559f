#include <gtest/gtest.h>

#include <map>

#include "service/service.hpp"

namespace thidua {
namespace {

Env env_of(std::map<std::string, std::string> vars) {
  return Env([vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  });
}

std::string config_error(const std::map<std::string, std::string>& vars) {
  try {
    CommonSettings::load(env_of(vars), "nominations", 8081);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(CommonSettings, DefaultsMakeALocalRunWork) {
  auto s = CommonSettings::load(env_of({}), "nominations", 8081);
  EXPECT_EQ(s.service, "nominations");
  EXPECT_EQ(s.host, "127.0.0.1");
  EXPECT_EQ(s.port, 8081);
  EXPECT_EQ(s.redis.host, "127.0.0.1");
  EXPECT_EQ(s.redis.port, 6379);
  EXPECT_EQ(s.school_id, "thcs-vinh-phong-1");
  EXPECT_EQ(s.threads, 1u);
  EXPECT_EQ(s.log_level, "info");
  EXPECT_TRUE(s.access_log);
  EXPECT_TRUE(s.tokens.admin.empty());
  EXPECT_EQ(s.contact, "Ban giám hiệu");
}

TEST(CommonSettings, ReadsEverySetting) {
  auto s = CommonSettings::load(env_of({{"THIDUA_HTTP_PORT", "9000"},
                                        {"THIDUA_REDIS_URL", "redis://redis:6380/1"},
                                        {"THIDUA_SCHOOL_ID", "thcs-vinh-phong-2"},
                                        {"THIDUA_HTTP_THREADS", "2"},
                                        {"THIDUA_CORS_ORIGINS", "https://a.example"},
                                        {"THIDUA_LOG_LEVEL", "debug"},
                                        {"THIDUA_ACCESS_LOG", "off"},
                                        {"THIDUA_ADMIN_TOKEN", "0123456789abcdef"},
                                        {"THIDUA_CONTACT", "cô Lan (phó hiệu trưởng)"}}),
                                "reports", 8082);
  EXPECT_EQ(s.contact, "cô Lan (phó hiệu trưởng)");
  EXPECT_EQ(s.port, 9000);
  EXPECT_EQ(s.redis.host, "redis");
  EXPECT_EQ(s.redis.db, 1);
  EXPECT_EQ(s.school_id, "thcs-vinh-phong-2");
  EXPECT_EQ(s.threads, 2u);
  EXPECT_EQ(s.cors_origins, std::vector<std::string>{"https://a.example"});
  EXPECT_EQ(s.log_level, "debug");
  EXPECT_FALSE(s.access_log);
  EXPECT_EQ(s.tokens.admin, "0123456789abcdef");
}

TEST(CommonSettings, BadValuesNameTheirVariable) {
  for (auto [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"THIDUA_HTTP_PORT", "http"},
           {"THIDUA_HTTP_PORT", "70000"},
           {"THIDUA_REDIS_URL", "localhost:6379"},
           {"THIDUA_HTTP_THREADS", "0"},
           {"THIDUA_SCHOOL_ID", "thcs}vinh"},  // would break the Redis Cluster hash tag
           {"THIDUA_SCHOOL_ID", "trường"},
           {"THIDUA_LOG_LEVEL", "verbose"},
           {"THIDUA_ACCESS_LOG", "sometimes"},
           {"THIDUA_REDIS_TIMEOUT_MS", "10"},
           {"THIDUA_ADMIN_TOKEN", "short"},
           {"THIDUA_SERVICE_TOKEN", "short"}}) {
    auto message = config_error({{name, value}});
    EXPECT_NE(message.find(name), std::string::npos) << name << "=" << value << ": " << message;
  }
}

TEST(CommonSettings, ShortTokenErrorDoesNotShowTheToken) {
  auto message = config_error({{"THIDUA_ADMIN_TOKEN", "hunter2"}});
  EXPECT_EQ(message.find("hunter2"), std::string::npos);
}

}  // namespace
}  // namespace thidua
