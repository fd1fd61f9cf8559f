// A council meeting corrected while a vote is recorded at it (issue 12, "Hội đồng"), both sent
// at the same moment to the real binary (two event-loop threads) on a real Redis, 50 times.
//
// The invariant, after every round: a vote recorded at a meeting was counted against the
// meeting as it is stored — its date, and the quorum and the bar that the stored number of
// members and of members present give (a vote is a tally, so "never counted on a member the
// stored meeting says was absent" means exactly this). Either order is allowed: the vote
// first (then the correction, which would change the number present, is refused) or the
// correction first (then the vote is counted on the corrected meeting, or refused because the
// meeting changed under it). Each loser gets a 409 problem+json in Vietnamese; at least one
// of the two succeeds. No timing assertions: the outcomes are counted and printed only.
#include <gtest/gtest.h>

#include <iostream>
#include <latch>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "support/nominations_service.hpp"

namespace thidua {
namespace {
using nlohmann::json;
using testing::HttpReply;

constexpr int kRounds = 50;

class CouncilRace : public testing::NominationsServiceTest {
 protected:
  void SetUp() override {
    auto env = testing::faked_clock_env("2026-11-25 10:00:00");
    env["THIDUA_HTTP_THREADS"] = "2";  // the two requests really run at once
    start_nominations(env);
    if (HasFatalFailure()) return;
    add_staff("gv-an", "to-toan-tin");
    for (const char* id : {"hd-a", "hd-b", "hd-c"}) add_staff(id, "to-ngu-van", "council");
  }

  json stored_meeting(const std::string& id) {
    auto r = api("GET", "/council/meetings", "");
    EXPECT_EQ(r.status, 200) << r.body;
    const json list = json::parse(r.body);
    for (const auto& m : list["items"]) {
      if (m["id"] == id) return m;
    }
    return nullptr;
  }

  // A loser's answer: 409 problem+json with a Vietnamese detail and one of `codes`.
  static void expect_refusal(const HttpReply& r, const std::set<std::string>& codes) {
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json") << r.body;
    json p = json::parse(r.body, nullptr, false);
    EXPECT_TRUE(codes.count(p.value("code", ""))) << r.body;
    EXPECT_NE(p.value("detail", "").find("uộc họp"), std::string::npos)
        << r.body;  // "Cuộc", "cuộc"
  }
};

TEST_F(CouncilRace, AVoteIsAlwaysCountedOnTheMeetingAsStored) {
  const std::string nomination = under_review("gv-an");
  ASSERT_FALSE(HasFailure());
  std::map<std::string, int> seen;  // "vote <status> / correction <status>" → rounds
  for (int round = 0; round < kRounds; ++round) {
    auto m = api("POST", "/council/meetings", meeting_body("Phòng họp", true).dump());
    ASSERT_EQ(m.status, 201) << m.body;
    const std::string meeting = json::parse(m.body)["id"];

    // Two of three present after the correction: 2 "yes" pass then (bar 2), not before (bar 3).
    HttpReply vote, correction;
    std::latch go(2);
    std::thread voter([&] {
      go.arrive_and_wait();
      vote = api("PUT", "/nominations/" + nomination + "/vote",
                 json{{"meeting_id", meeting}, {"yes", 2}, {"no", 0}}.dump());
    });
    std::thread corrector([&] {
      go.arrive_and_wait();
      correction = api("PUT", "/council/meetings/" + meeting, meeting_body("Phòng họp").dump());
    });
    voter.join();
    corrector.join();
    seen["vote " + std::to_string(vote.status) + " / correction " +
         std::to_string(correction.status)]++;

    EXPECT_TRUE(vote.status == 200 || correction.status == 200)
        << "round " << round << ": both refused\n"
        << vote.body << "\n"
        << correction.body;
    if (vote.status != 200) expect_refusal(vote, {"meeting_changed"});
    if (correction.status != 200) {
      expect_refusal(correction, {"meeting_has_votes", "meeting_votes_changed"});
    }

    // The invariant, on what is stored now.
    auto n = api("GET", "/nominations/" + nomination, "");
    ASSERT_EQ(n.status, 200) << n.body;
    json v = json::parse(n.body)["vote"];
    if (!v.is_object()) {  // no vote kept yet: only when this round's was refused
      EXPECT_NE(vote.status, 200) << n.body;
      continue;
    }
    json stored = stored_meeting(v["meeting_id"]);
    ASSERT_TRUE(stored.is_object()) << v;
    const int total = stored["members_total"], present = stored["members_present"];
    const int quorum = (total * 2 + 2) / 3, bar = (present * 70 + 99) / 100;  // 2/3, 70 %
    EXPECT_EQ(v["meeting_date"], stored["date"]) << "round " << round;
    EXPECT_EQ(v["quorum_met"], present >= quorum) << "round " << round << ": " << v;
    EXPECT_EQ(v["approvals_needed"], bar)
        << "round " << round << ": vote " << v << " counted on another meeting than " << stored;
    EXPECT_EQ(v["passed"], present >= quorum && v["yes"].get<int>() >= bar) << v;
    // The vote of this round was kept exactly when it was acknowledged.
    EXPECT_EQ(v["meeting_id"] == meeting, vote.status == 200) << "round " << round << ": " << v;
  }
  for (const auto& [outcome, rounds] : seen) {
    std::cout << "[ outcomes ] " << outcome << ": " << rounds << " of " << kRounds << "\n";
  }
}

}  // namespace
}  // namespace thidua
