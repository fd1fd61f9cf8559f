// The council's meetings for its screen (issue 12, "Hội đồng") through the API of the real
// binary on a real Redis: GET /council/meetings carries each meeting's votes (nominee, award
// form, tally, passed) and what may still be corrected; PUT /council/meetings/{id} corrects a
// meeting as domain/meeting_correction.hpp allows, refuses in Vietnamese and changes nothing
// when it may not. Clock pinned by libfaketime to 25 November 2026.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/nominations_service.hpp"

namespace thidua {
namespace {
using nlohmann::json;
using testing::HttpReply;

class Council : public testing::NominationsServiceTest {
 protected:
  void SetUp() override {
    start_nominations(testing::faked_clock_env("2026-11-25 10:00:00"));
    if (HasFatalFailure()) return;
    add_staff("gv-an", "to-toan-tin");
    for (const char* id : {"hd-a", "hd-b", "hd-c"}) add_staff(id, "to-ngu-van", "council");
  }

  json meetings() {
    auto r = api("GET", "/council/meetings", "");
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body)["items"];
  }
};

TEST_F(Council, MeetingsCarryTheirVotesAndAreCorrectedAsTheVotesAllow) {
  auto m = api("POST", "/council/meetings", meeting_body("Phòng họp").dump());
  ASSERT_EQ(m.status, 201) << m.body;
  const std::string meeting = json::parse(m.body)["id"];

  // No vote yet: anything may be corrected, hd-c present after all.
  auto body = meeting_body("Phòng họp tầng 2");
  body["members"][2]["present"] = true;
  auto fixed = api("PUT", "/council/meetings/" + meeting, body.dump());
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  json f = json::parse(fixed.body);
  EXPECT_EQ(f["members_present"], 3);
  EXPECT_EQ(f["place"], "Phòng họp tầng 2");
  EXPECT_EQ(f["recorded_by"], "bootstrap-admin");
  EXPECT_EQ(f["corrected_by"], "bootstrap-admin");
  EXPECT_EQ(f["correction"],
            (json{{"allowed", true}, {"counts_fixed", false}, {"decided_nomination_id", nullptr}}));

  const std::string id = under_review("gv-an");
  auto vote = api("PUT", "/nominations/" + id + "/vote",
                  json{{"meeting_id", meeting}, {"yes", 3}, {"no", 0}}.dump());
  ASSERT_EQ(vote.status, 200) << vote.body;

  auto items = meetings();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["chair"]["name"], "Cán bộ hd-a");
  EXPECT_EQ(items[0]["secretary"]["name"], "Cán bộ hd-b");
  EXPECT_EQ(items[0]["quorum_met"], true);
  ASSERT_EQ(items[0]["votes"].size(), 1u);
  EXPECT_EQ(items[0]["votes"][0], (json{{"nomination_id", id},
                                        {"subject_name", "Cán bộ gv-an"},
                                        {"award_label", "Giấy khen của Chủ tịch UBND xã"},
                                        {"yes", 3},
                                        {"no", 0},
                                        {"abstain", 0},
                                        {"passed", true}}));
  EXPECT_EQ(items[0]["correction"]["counts_fixed"], true);

  // With a vote: the place and the times may change, the numbers may not.
  body["place"] = "Thư viện";
  body["start_time"] = "14:30";
  auto place = api("PUT", "/council/meetings/" + meeting, body.dump());
  ASSERT_EQ(place.status, 200) << place.body;
  EXPECT_EQ(json::parse(place.body)["place"], "Thư viện");
  auto fewer = body;
  fewer["members"][2]["present"] = false;
  auto refused = api("PUT", "/council/meetings/" + meeting, fewer.dump());
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("meeting_has_votes"), std::string::npos) << refused.body;
  EXPECT_NE(detail(refused).find("3/3 thành viên có mặt"), std::string::npos) << refused.body;
  EXPECT_EQ(meetings()[0]["members_present"], 3);

  // Decided upon its vote: closed.
  auto approve =
      api("POST", "/nominations/" + id + "/transitions", json{{"action", "approve"}}.dump());
  ASSERT_EQ(approve.status, 200) << approve.body;
  body["place"] = "Phòng hiệu trưởng";
  auto closed = api("PUT", "/council/meetings/" + meeting, body.dump());
  EXPECT_EQ(closed.status, 409) << closed.body;
  EXPECT_NE(closed.body.find("meeting_decided"), std::string::npos) << closed.body;
  EXPECT_NE(detail(closed).find("đề nghị số " + id), std::string::npos) << closed.body;
  auto after = meetings()[0];
  EXPECT_EQ(after["place"], "Thư viện");
  EXPECT_EQ(after["correction"]["allowed"], false);
  EXPECT_EQ(after["correction"]["decided_nomination_id"], id);
}

// The history says who entered the council's tally and who logged dossier copies, and what
// each gave (a newcomer's walk as the council's secretary found neither).
TEST_F(Council, TheVoteAndTheDossierCopiesAreInTheNominationsHistory) {
  auto m = api("POST", "/council/meetings", meeting_body("Phòng họp").dump());
  ASSERT_EQ(m.status, 201) << m.body;
  const std::string meeting = json::parse(m.body)["id"];
  const std::string id = under_review("gv-an");
  ASSERT_EQ(api("PUT", "/nominations/" + id + "/vote",
                json{{"meeting_id", meeting}, {"yes", 2}, {"no", 0}}.dump())
                .status,
            200);
  ASSERT_EQ(
      api("PUT", "/nominations/" + id + "/dossier/bien_ban", json{{"copies", 2}}.dump()).status,
      200);
  auto r = api("GET", "/nominations/" + id + "/history", "");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = json::parse(r.body)["history"];
  ASSERT_GE(items.size(), 2u) << r.body;
  const auto& vote = items[items.size() - 2];
  EXPECT_EQ(vote["action"], "vote");
  EXPECT_EQ(vote["by"], "bootstrap-admin");
  EXPECT_EQ(vote["from"], "under_review");
  EXPECT_EQ(vote["to"], "under_review");
  EXPECT_NE(vote["note"].get<std::string>().find("2 tán thành"), std::string::npos) << vote;
  const auto& dossier = items.back();
  EXPECT_EQ(dossier["action"], "dossier");
  EXPECT_EQ(dossier["note"], "Biên bản họp Hội đồng Thi đua – Khen thưởng: đã nhận 2 bản");
  // A vote refused (the meeting unknown) writes no history.
  ASSERT_EQ(api("PUT", "/nominations/" + id + "/vote",
                json{{"meeting_id", "999"}, {"yes", 2}, {"no", 0}}.dump())
                .status,
            422);
  auto again = json::parse(api("GET", "/nominations/" + id + "/history", "").body)["history"];
  EXPECT_EQ(again.size(), items.size());
}

TEST_F(Council, BadCorrectionsAreRefusedAndChangeNothing) {
  auto m = api("POST", "/council/meetings", meeting_body("Phòng họp").dump());
  ASSERT_EQ(m.status, 201) << m.body;
  const std::string meeting = json::parse(m.body)["id"];
  auto missing = api("PUT", "/council/meetings/999", meeting_body("X").dump());
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_NE(detail(missing).find("Không có cuộc họp số 999"), std::string::npos);
  auto body = meeting_body("Thư viện");
  body["secretary_id"] = "hd-c";  // absent
  auto absent = api("PUT", "/council/meetings/" + meeting, body.dump());
  EXPECT_EQ(absent.status, 422) << absent.body;
  EXPECT_EQ(absent.header("content-type"), "application/problem+json");
  body = meeting_body("Thư viện");
  body["start_time"] = "25:00";
  EXPECT_EQ(api("PUT", "/council/meetings/" + meeting, body.dump()).status, 400);
  EXPECT_EQ(api("PUT", "/council/meetings/" + meeting, "[1]").status, 400);
  EXPECT_EQ(meetings()[0]["place"], "Phòng họp");
  // Only the board and the council keep these records.
  add_staff("tt-lan", "to-toan-tin", "leader");
  auto leader =
      api("PUT", "/council/meetings/" + meeting, meeting_body("X").dump(), token_for("tt-lan"));
  EXPECT_EQ(leader.status, 403) << leader.body;
}

}  // namespace
}  // namespace thidua
