// Issue 13, end to end, the last step of a nomination: the commune's decision. An award is
// good news for the whole staff group ("được tặng … theo Quyết định số … ngày …"); a "not
// awarded", with its reason, is told only to the nominee and the unit's leader in private
// chats, and the group hears nothing of it. Every real service, Redis and the fake Zalo;
// the services' clocks pinned (libfaketime), each event announced alone (window 0).
#include <map>
#include <vector>

#include "e2e/e2e_system.hpp"

namespace thidua::e2e {
namespace {
using nlohmann::json;
using testing::http_call;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(E2eTest, AnAwardIsCongratulatedInTheGroupAndANotAwardedIsToldOnlyToThoseConcerned) {
  start_system(testing::faked_clock_env("2026-12-01 10:00:00"));
  if (HasFatalFailure()) return;
  auto call = [&](const std::string& method, const std::string& path, const json& body) {
    auto r =
        http_call(method, url("nominations", "/api/nominations/v1" + path), body.dump(), admin());
    EXPECT_EQ(r.status / 100, 2) << method << " " << path << ": " << r.body;
    return json::parse(r.body, nullptr, false);
  };
  json open = {{"collective", -1}, {"individual", -1}};
  call("PUT", "/catalogue/award-forms/gk_ht",
       {{"label", "Giấy khen của Hiệu trưởng"},
        {"level", "school"},
        {"dossier_copies", 1},
        {"quotas", {{"annual", open}, {"interim", open}, {"final", open}}}});
  call("PUT", "/catalogue/staff/gv-cuong",
       {{"name", "Phạm Văn Cường"},
        {"unit_id", "to-toan-tin"},
        {"role", "leader"},
        {"gender", "male"}});
  link_zalo("gv-cuong", "zu-cuong");
  if (HasFatalFailure()) return;

  // Two nominations of the unit, both passed by the council and forwarded to the commune.
  json meeting = call("POST", "/council/meetings",
                      {{"date", "2026-12-01"}, {"members_total", 9}, {"members_present", 9}});
  std::map<std::string, std::string> id_of;
  for (const auto& [name, zalo] : {std::pair<std::string, std::string>{"Nguyễn Văn An", "zu-an"},
                                   std::pair<std::string, std::string>{"Lê Thị Bình", "zu-binh"}}) {
    auto body = sample_nomination(name);
    body["award"] = "gk_ht";
    auto created = post_nomination(body);
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = json::parse(created.body).at("id");
    id_of[name] = id;
    link_zalo(add_staff(name), zalo);
    if (HasFatalFailure()) return;
    ASSERT_EQ(submit(id).status, 200);
    std::string at = "/nominations/" + id;
    call("POST", at + "/transitions", {{"action", "review"}});
    call("PUT", at + "/vote", {{"meeting_id", meeting.value("id", "")}, {"yes", 9}, {"no", 0}});
    call("POST", at + "/transitions", {{"action", "approve"}});
    for (const char* item : {"to_trinh", "bien_ban", "bao_cao_thanh_tich"}) {
      call("PUT", at + "/dossier/" + item, {{"copies", 1}});
    }
    call("POST", at + "/transitions",
         {{"action", "forward"}, {"date", "2026-12-01"}, {"reference", "15/TTr-THCSVP1"}});
  }
  if (HasFailure()) return;
  // An's record gives his gender, Bình's none: the group congratulates "thầy Nguyễn Văn An",
  // and Bình is named alone.
  ASSERT_FALSE(add_staff("Nguyễn Văn An", "male").empty());
  // The decision: An is awarded, Bình is not.
  call("POST", "/nominations/" + id_of["Nguyễn Văn An"] + "/transitions",
       {{"action", "award"}, {"decision_number", "245/QĐ-UBND"}, {"decision_date", "2026-12-01"}});
  call("POST", "/nominations/" + id_of["Lê Thị Bình"] + "/transitions",
       {{"action", "not_award"}, {"reason", "Hết chỉ tiêu của huyện"}});
  if (HasFailure()) return;

  auto by_chat = [&] {
    std::map<std::string, std::vector<std::string>> out;
    for (auto& m : delivered()) out[m.value("chat_id", "")].push_back(m.value("text", ""));
    return out;
  };
  // Two submissions, two approvals and the award in the group; the "not awarded" privately.
  ASSERT_TRUE(wait_for([&] {
    auto chats = by_chat();
    return queue_settled() && events_taken_in() && chats[kGroupId].size() >= 5 &&
           chats["zu-binh"].size() >= 1 && chats["zu-cuong"].size() >= 1;
  }));
  auto chats = by_chat();
  std::vector<std::string> who;
  for (const auto& [chat, texts] : chats) who.push_back(chat);
  // Not An privately (good news goes to the group), nobody else at all.
  EXPECT_EQ(who, (std::vector<std::string>{kGroupId, "zu-binh", "zu-cuong"}));

  const auto& group = chats[kGroupId];
  ASSERT_EQ(group.size(), 5u);
  // The announcement, then the bot's footer line.
  EXPECT_EQ(
      group[4].rfind("🎉 Chúc mừng thầy Nguyễn Văn An (Tổ Toán – Tin) đã được tặng Giấy khen của "
                     "Hiệu trưởng (năm 2026) theo Quyết định số 245/QĐ-UBND ngày "
                     "01/12/2026.\n",
                     0),
      0u)
      << group[4];
  for (const auto& text : group) {
    EXPECT_FALSE(has(text, "Hết chỉ tiêu") || has(text, "cấp trên")) << text;
  }

  std::string told = "Đề nghị khen thưởng số " + id_of["Lê Thị Bình"] +
                     " (Lê Thị Bình (Tổ Toán – Tin) — Giấy khen của Hiệu trưởng, năm 2026) chưa "
                     "được cấp trên quyết định khen thưởng. Lý do: Hết chỉ tiêu của huyện. Tin "
                     "này chỉ gửi riêng ";
  ASSERT_EQ(chats["zu-binh"].size(), 1u);
  EXPECT_EQ(chats["zu-binh"][0].rfind(told + "thầy cô;", 0), 0u) << chats["zu-binh"][0];
  ASSERT_EQ(chats["zu-cuong"].size(), 1u);
  EXPECT_EQ(chats["zu-cuong"][0].rfind(told + "thầy;", 0), 0u) << chats["zu-cuong"][0];
}

}  // namespace
}  // namespace thidua::e2e
