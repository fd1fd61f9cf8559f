// Evidence links on a nomination's achievements (issue 12) through the real service and
// Redis: the nominee adds to her own, others are refused, nothing is erased by a concurrent
// addition, and the dossier closes when the nomination leaves the council's table.
#include <gtest/gtest.h>

#include <latch>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/nominations_service.hpp"

namespace thidua {
namespace {
using nlohmann::json;
using testing::HttpReply;

class NominationEvidence : public testing::NominationsServiceTest {
 protected:
  void SetUp() override {
    start_nominations();
    add_staff("tt-toan", "to-toan-tin", "leader");
    add_staff("an", "to-toan-tin");
    add_staff("binh", "to-toan-tin");
    add_staff("hd-minh", "to-toan-tin", "council");
    leader_ = token_for("tt-toan");
    an_ = token_for("an");
    json body = {{"period", "2026"},
                 {"award", "gk_xa"},
                 {"subject_kind", "individual"},
                 {"subject_id", "an"},
                 {"reason", "Dạy học số"},
                 {"achievements",
                  {{{"text", "Giáo viên dạy giỏi cấp huyện"}, {"areas", {"II.1"}}},
                   {{"text", "Bài giảng điện tử"},
                    {"areas", {"II.3"}},
                    {"evidence", {"https://a.example/bai-giang"}}}}}};
    auto r = api("POST", "/nominations", body.dump(), leader_);
    ASSERT_EQ(r.status, 201) << r.body;
    id_ = json::parse(r.body)["id"].get<std::string>();
  }
  HttpReply add(const json& body, const std::string& token) {
    return api("POST", "/nominations/" + id_ + "/evidence", body.dump(), token);
  }
  json achievements() {
    return json::parse(api("GET", "/nominations/" + id_, "").body)["achievements"];
  }
  std::size_t history_size() {
    return json::parse(api("GET", "/nominations/" + id_ + "/history", "").body)["history"].size();
  }

  std::string leader_, an_, id_;
};

// A nomination goes to the council with its grounds: a blank reason and no achievement is
// refused at submission (it may stay a draft), with either it goes.
TEST_F(NominationEvidence, ANominationWithoutGroundsIsNotSubmitted) {
  auto make = [&](const std::string& subject, json extra) {
    json body = {{"period", "2026"},
                 {"award", "gk_xa"},
                 {"subject_kind", "individual"},
                 {"subject_id", subject}};
    body.update(extra);
    auto r = api("POST", "/nominations", body.dump(), leader_);
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body)["id"].get<std::string>();
  };
  auto submit = [&](const std::string& id) {
    return api("POST", "/nominations/" + id + "/transitions", json{{"action", "submit"}}.dump(),
               leader_);
  };
  auto blank = make("binh", {{"reason", " \n\u00a0 "}});
  auto refused = submit(blank);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(json::parse(refused.body)["code"], "missing_grounds");
  EXPECT_NE(json::parse(refused.body)["detail"].get<std::string>().find("lý do, thành tích"),
            std::string::npos);
  EXPECT_EQ(json::parse(api("GET", "/nominations/" + blank, "").body)["status"], "draft");
  EXPECT_EQ(submit(id_).status, 200);  // a reason and achievements
}

TEST_F(NominationEvidence, TheNomineeAddsALinkOnceAndItIsRecorded) {
  auto spaced = add({{"achievement", 0}, {"link", " https://a.example/quyet-dinh.pdf"}}, an_);
  EXPECT_EQ(spaced.status, 400) << "a link is taken as it is: " << spaced.body;
  auto r = add({{"achievement", 0}, {"link", "https://a.example/quyet-dinh.pdf"}}, an_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["achievements"][0]["evidence"],
            json({"https://a.example/quyet-dinh.pdf"}));
  auto before = history_size();
  auto again = add({{"achievement", 0}, {"link", "https://a.example/quyet-dinh.pdf"}}, an_);
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(history_size(), before) << "the same link twice is one addition";
  auto history = json::parse(api("GET", "/nominations/" + id_ + "/history", "").body)["history"];
  EXPECT_EQ(history.back()["action"], "evidence");
  EXPECT_EQ(history.back()["by"], "an");
  EXPECT_EQ(history.back()["note"], "https://a.example/quyet-dinh.pdf");
  // The leader adds too; the other achievement keeps its link.
  ASSERT_EQ(add({{"achievement", 1}, {"link", "https://a.example/video"}}, leader_).status, 200);
  EXPECT_EQ(achievements()[1]["evidence"],
            json({"https://a.example/bai-giang", "https://a.example/video"}));
}

TEST_F(NominationEvidence, OthersAndBadInputAreRefusedAndChangeNothing) {
  auto before = achievements();
  auto colleague = add({{"achievement", 0}, {"link", "https://a.example/x"}}, token_for("binh"));
  EXPECT_EQ(colleague.status, 404) << "a colleague does not see another's nomination";
  auto council = add({{"achievement", 0}, {"link", "https://a.example/x"}}, token_for("hd-minh"));
  EXPECT_EQ(council.status, 403);
  EXPECT_EQ(json::parse(council.body)["code"], "evidence_not_yours");
  auto script = add({{"achievement", 0}, {"link", "javascript:alert(1)"}}, an_);
  EXPECT_EQ(script.status, 400);
  EXPECT_EQ(json::parse(script.body)["code"], "invalid_evidence_link");
  EXPECT_NE(detail(script).find("https://"), std::string::npos) << detail(script);
  auto none = add({{"link", "https://a.example/x"}}, an_);
  EXPECT_EQ(none.status, 400);
  auto third = add({{"achievement", 2}, {"link", "https://a.example/x"}}, an_);
  EXPECT_EQ(third.status, 422);
  EXPECT_EQ(json::parse(third.body)["code"], "no_such_achievement");
  EXPECT_EQ(achievements(), before);
}

TEST_F(NominationEvidence, ConcurrentAdditionsLoseNothingAcknowledged) {
  constexpr int kWriters = 8;
  std::vector<int> status(kWriters);
  std::latch go(kWriters);
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      go.arrive_and_wait();
      json body = {{"achievement", 0}, {"link", "https://a.example/" + std::to_string(i)}};
      status[i] = add(body, i % 2 ? an_ : leader_).status;
    });
  }
  for (auto& t : writers) t.join();
  auto links = achievements()[0]["evidence"];
  for (int i = 0; i < kWriters; ++i) {
    std::string link = "https://a.example/" + std::to_string(i);
    bool kept = std::find(links.begin(), links.end(), link) != links.end();
    // 409 evidence_busy says "try again"; a 200 is a promise that the link is kept.
    EXPECT_TRUE(status[i] == 200 || status[i] == 409) << status[i];
    if (status[i] == 200) {
      EXPECT_TRUE(kept) << link << " was acknowledged and lost";
    } else {
      EXPECT_FALSE(kept) << link << " was refused and kept";
    }
  }
}

TEST_F(NominationEvidence, TheDossierStaysOpenWhileTheCouncilConsidersAndThenCloses) {
  ASSERT_EQ(
      api("POST", "/nominations/" + id_ + "/transitions", R"({"action":"submit"})", leader_).status,
      200);
  EXPECT_EQ(add({{"achievement", 0}, {"link", "https://a.example/sau-khi-trinh"}}, an_).status,
            200);
  ASSERT_EQ(api("POST", "/nominations/" + id_ + "/transitions", R"({"action":"withdraw"})", leader_)
                .status,
            200);
  auto closed = add({{"achievement", 0}, {"link", "https://a.example/qua-muon"}}, an_);
  EXPECT_EQ(closed.status, 409);
  EXPECT_EQ(json::parse(closed.body)["code"], "evidence_closed");
  EXPECT_NE(detail(closed).find("Đã rút"), std::string::npos) << detail(closed);
}

}  // namespace
}  // namespace thidua
