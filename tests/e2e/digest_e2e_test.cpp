// Issue 13, end to end: a council sitting through the nominations API reaches the staff group
// as two messages (the submissions, the decisions) instead of twenty-four, while each
// rejection is told at once, privately, to the nominee and the unit's leader. The services'
// clocks are pinned by libfaketime; the ten-minute window passes by restarting
// notifications eleven minutes later, never by waiting.
#include <map>
#include <vector>

#include "e2e/e2e_system.hpp"

namespace thidua::e2e {
namespace {
using nlohmann::json;
using testing::http_call;

const std::string kDigestKey = "{" + kSchool + "}:notifications:digest:";

std::map<std::string, std::string> clock_at(const std::string& ict) {
  auto env = testing::faked_clock_env(ict);
  env["THIDUA_DIGEST_WINDOW_MS"] = "600000";
  return env;
}

TEST_F(E2eTest, ACouncilSittingIsTwoGroupMessagesAndEachRejectionIsToldPrivatelyAtOnce) {
  start_system(clock_at("2026-12-01 10:00:00"));
  if (HasFatalFailure()) return;
  auto nominations = [&](const std::string& path) {
    return url("nominations", "/api/nominations/v1" + path);
  };
  auto call = [&](const std::string& method, const std::string& path, const json& body) {
    return http_call(method, nominations(path), body.dump(), admin());
  };
  // The principal's award has no fixed quota in the plan: the board sets it open.
  json open = {{"collective", -1}, {"individual", -1}};
  json form = {{"label", "Giấy khen của Hiệu trưởng"},
               {"level", "school"},
               {"dossier_copies", 1},
               {"quotas", {{"annual", open}, {"interim", open}, {"final", open}}}};
  ASSERT_EQ(call("PUT", "/catalogue/award-forms/gk_ht", form).status, 200);
  json leader = {{"name", "Phạm Văn Cường"}, {"unit_id", "to-toan-tin"}, {"role", "leader"}};
  ASSERT_EQ(call("PUT", "/catalogue/staff/gv-cuong", leader).status, 200);
  link_zalo("gv-cuong", "zu-cuong");
  auto sitting = council_sitting("2026-12-01", "zu-");
  ASSERT_EQ(sitting.size(), 12u);

  // The rejections go out at once, while the group's digests wait for their window.
  auto by_chat = [&] {
    std::map<std::string, std::vector<std::string>> out;
    for (auto& m : delivered()) out[m.value("chat_id", "")].push_back(m.value("text", ""));
    return out;
  };
  ASSERT_TRUE(wait_for([&] { return delivered().size() >= 4; }));
  ASSERT_TRUE(wait_for([&] {
    return redis().cmd1({"HGET", kDigestKey + "submitted", "count"}) == "12" &&
           redis().cmd1({"HGET", kDigestKey + "council", "count"}) == "12";
  }));
  auto privately = by_chat();
  EXPECT_EQ(privately.count(kGroupId), 0u) << "the group heard before the window passed";
  EXPECT_EQ(privately["zu-cuong"].size(), 2u);
  for (const char* nominee : {"zu-4", "zu-9"}) {
    ASSERT_EQ(privately[nominee].size(), 1u) << nominee;
    EXPECT_NE(privately[nominee][0].find("Lý do: Chưa đủ minh chứng về sáng kiến."),
              std::string::npos)
        << privately[nominee][0];
  }

  restart_service("notifications", clock_at("2026-12-01 10:11:00"));
  if (HasFatalFailure()) return;
  ASSERT_TRUE(wait_for([&] { return queue_settled() && by_chat()[kGroupId].size() >= 2; }));
  auto group = by_chat()[kGroupId];
  ASSERT_EQ(group.size(), 2u);
  std::string submitted = "📋 12 đề nghị khen thưởng đã được trình Hội đồng Thi đua – Khen thưởng:";
  std::string council =
      "✅ Hội đồng Thi đua – Khen thưởng đã xét 12 đề nghị: 10 thông qua, 2 chưa thông qua.";
  for (const auto& n : sitting) {
    std::string line =
        "\n• Số " + n.id + ": " + n.name + " (Tổ Toán – Tin) — Giấy khen của Hiệu trưởng, năm 2026";
    submitted += line;
    if (n.passes) council += line;
  }
  EXPECT_EQ(group[0].substr(0, submitted.size()), submitted) << group[0];
  EXPECT_EQ(group[1].substr(0, council.size()), council) << group[1];
  for (const auto& n : sitting) {
    if (!n.passes) {
      EXPECT_EQ(group[1].find(n.name + " ("), std::string::npos) << n.name;
    }
  }
  EXPECT_EQ(by_chat().size(), 4u);  // the group, the leader and the two rejected, nobody else
}

}  // namespace
}  // namespace thidua::e2e
