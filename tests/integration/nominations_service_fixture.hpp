#pragma once
// The nominations binary against a real redis-server, as the dashboard and chat use it: the
// fixture the nominations_service_*_test.cpp files share (one service, one redis-server per
// test), with the calls they all make.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/nominations_service.hpp"

namespace thidua::nominations_service_test {
using nlohmann::json;
using testing::http_call;
using testing::HttpReply;

class NominationsService : public testing::NominationsServiceTest {
 protected:
  void SetUp() override { start_nominations(); }

  HttpReply get(const std::string& path, const std::string& token) {
    return call("GET", path, "", token);
  }
  std::string draft(const std::string& subject, const std::string& award, const std::string& period,
                    const std::string& token = kAdmin) {
    json body = {{"period", period},
                 {"award", award},
                 {"subject_kind", "individual"},
                 {"subject_id", subject},
                 {"reason", "Nhiều sáng kiến chuyển đổi số"}};
    auto r = api("POST", "/nominations", body.dump(), token);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? json::parse(r.body)["id"].get<std::string>() : "";
  }
  HttpReply act(const std::string& id, json body, const std::string& token = kAdmin) {
    return api("POST", "/nominations/" + id + "/transitions", body.dump(), token);
  }
  json quota(const std::string& period, const std::string& award, const std::string& kind) {
    auto all = json::parse(api("GET", "/quotas?period=" + period, "").body);
    for (const auto& i : all["items"]) {
      if (i["award"] == award && i["subject_kind"] == kind) return i;
    }
    return nullptr;
  }
};

}  // namespace thidua::nominations_service_test
