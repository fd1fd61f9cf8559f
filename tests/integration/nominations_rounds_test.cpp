// Nomination rounds (đợt xét, issue 14) through the API of the real binary on a real Redis,
// with the seed rounds of config/rounds.json and the service's clock pinned by libfaketime
// to Saturday 5 December 2026 (the round of 2026 open, the final review's years away).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/nominations_service.hpp"

namespace thidua {
namespace {
using nlohmann::json;
using testing::http_call;
using testing::HttpReply;

class NominationRounds : public testing::NominationsServiceTest {
 protected:
  void SetUp() override {
    auto env = testing::faked_clock_env("2026-12-05 10:00:00");
    env["THIDUA_ROUNDS_FILE"] = testing::source_dir() + "/config/rounds.json";
    env["THIDUA_ROUND_REMINDER_TICK_MS"] = "100";  // a reminder due is written at once
    start_nominations(env);
    if (HasFatalFailure()) return;
    add_staff("gv-an", "to-toan-tin");
    add_staff("tt-binh", "to-toan-tin", "leader");
    leader_ = token_for("tt-binh");
  }

  HttpReply nominate(const std::string& period, const std::string& award,
                     const std::string& token = kAdmin) {
    json body = {{"period", period},
                 {"award", award},
                 {"subject_kind", "individual"},
                 {"subject_id", "gv-an"},
                 {"reason", "Bài giảng điện tử"}};
    return api("POST", "/nominations", body.dump(), token);
  }
  std::string leader_;
};

TEST_F(NominationRounds, TheSeedOpensTheYearsRoundAndAFinalReviewNominationWaitsForItsOwn) {
  auto list = json::parse(api("GET", "/rounds", "", leader_).body);
  EXPECT_EQ(list["today"], "2026-12-05");
  ASSERT_EQ(list["items"].size(), 8u);
  EXPECT_EQ(list["items"][0]["id"], "xet-2025");
  EXPECT_EQ(list["items"][0]["state"], "closed");
  EXPECT_EQ(list["items"][1]["id"], "xet-2026");
  EXPECT_EQ(list["items"][1]["state_label"], "Đang mở");

  auto filed = nominate("2026", "gk_xa", leader_);
  ASSERT_EQ(filed.status, 201) << filed.body;
  auto id = json::parse(filed.body)["id"].get<std::string>();
  EXPECT_EQ(json::parse(api("GET", "/nominations/" + id, "").body)["round_id"], "xet-2026");

  auto early = nominate("tong-ket-2030", "gk_xa", leader_);
  EXPECT_EQ(early.status, 422) << early.body;
  EXPECT_NE(early.body.find("round_not_open"), std::string::npos);
  EXPECT_EQ(detail(early),
            "Chưa đến đợt xét Giấy khen của Chủ tịch UBND xã kỳ tổng kết phong trào (2025–2030): "
            "đợt \"Đợt xét khen thưởng tổng kết phong trào\" nhận đề nghị từ ngày 01/11/2030 đến "
            "hết ngày 31/12/2030.");

  // The website sees the rounds not yet closed, without who edited them.
  auto site = api("GET", "/public/rounds", "", "");
  ASSERT_EQ(site.status, 200);
  auto open = json::parse(site.body)["items"];
  EXPECT_EQ(open.size(), 7u);
  EXPECT_FALSE(open[0].contains("updated_by"));
}

TEST_F(NominationRounds, TheBoardOpensClosesAndRemovesRoundsAndNominationsFollow) {
  json round = {{"period", "2027"},
                {"name", "Đợt xét sớm năm 2027"},
                {"opens", "2026-12-01"},
                {"closes", "2026-12-10"},
                {"awards", {"gk_xa"}}};
  EXPECT_EQ(api("POST", "/rounds", round.dump(), leader_).status, 403);
  auto opened = api("POST", "/rounds", round.dump());
  ASSERT_EQ(opened.status, 201) << opened.body;
  auto r = json::parse(opened.body);
  const std::string rid = r["id"];
  EXPECT_EQ(r["state"], "open");
  EXPECT_EQ(r["awards"][0]["label"], "Giấy khen của Chủ tịch UBND xã");
  EXPECT_EQ(r["updated_by"], "bootstrap-admin");

  EXPECT_EQ(nominate("2027", "bk_tinh").status, 422);  // not a form of the round
  auto filed = nominate("2027", "gk_xa", leader_);
  ASSERT_EQ(filed.status, 201) << filed.body;
  const std::string nid = json::parse(filed.body)["id"];
  EXPECT_EQ(json::parse(api("GET", "/nominations/" + nid, "").body)["round_id"], rid);

  // Its nominations hold the round: not removed, its period and forms in use kept.
  auto kept = api("DELETE", "/rounds/" + rid, "");
  EXPECT_EQ(kept.status, 409);
  EXPECT_EQ(detail(kept),
            "Đợt xét \"Đợt xét sớm năm 2027\" đã có 1 đề nghị nên không xóa được; muốn kết thúc "
            "đợt, thầy cô sửa ngày đóng.");
  json moved = round;
  moved["period"] = "2028";
  EXPECT_EQ(api("PUT", "/rounds/" + rid, moved.dump()).status, 409);
  json narrower = round;
  narrower["awards"] = {"bk_tinh"};
  EXPECT_EQ(api("PUT", "/rounds/" + rid, narrower.dump()).status, 409);

  // Closed early (yesterday): the draft can no longer be submitted, and the detail names the
  // seed's round of 2027, the next to open for it.
  json closed = round;
  closed["closes"] = "2026-12-04";
  auto edited = api("PUT", "/rounds/" + rid, closed.dump());
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(json::parse(edited.body)["state"], "closed");
  auto late = api("POST", "/nominations/" + nid + "/transitions", json{{"action", "submit"}}.dump(),
                  leader_);
  EXPECT_EQ(late.status, 422) << late.body;
  EXPECT_EQ(detail(late),
            "Chưa đến đợt xét Giấy khen của Chủ tịch UBND xã kỳ năm 2027: đợt \"Đợt xét khen "
            "thưởng năm 2027\" nhận đề nghị từ ngày 01/11/2027 đến hết ngày 31/12/2027.");
  EXPECT_EQ(json::parse(api("GET", "/nominations/" + nid, "").body)["status"], "draft");

  // A round nobody filed in goes; a wrong one changes nothing.
  json unused = {
      {"period", "2028"}, {"name", "Nhầm"}, {"opens", "2028-11-01"}, {"closes", "2028-11-30"}};
  auto made = api("POST", "/rounds", unused.dump());
  ASSERT_EQ(made.status, 201);
  const std::string uid = json::parse(made.body)["id"];
  EXPECT_EQ(api("DELETE", "/rounds/" + uid, "").status, 204);
  EXPECT_EQ(api("DELETE", "/rounds/" + uid, "").status, 404);
  unused["closes"] = "2028-10-01";
  EXPECT_EQ(api("POST", "/rounds", unused.dump()).status, 422);
  unused["closes"] = "30/11/2028";
  EXPECT_EQ(api("POST", "/rounds", unused.dump()).status, 400);
  EXPECT_EQ(json::parse(api("GET", "/rounds", "").body)["items"].size(), 9u);
}

// Leaders are reminded before a round closes (issue 14): a round closing in two days (the
// clock reads 5/12/2026) gets one round.closing event on the stream the notifications
// service reads, however many replicas tick; one closing in five days gets none yet.
TEST_F(NominationRounds, ARoundClosingWithinThreeDaysIsRemindedOfOnceAcrossReplicas) {
  json soon = {{"period", "2027"},
               {"name", "Đợt xét sớm năm 2027"},
               {"opens", "2026-12-01"},
               {"closes", "2026-12-07"},
               {"awards", {"gk_xa"}}};
  json later = soon;
  later["name"] = "Đợt xét muộn năm 2027";
  later["closes"] = "2026-12-10";
  ASSERT_EQ(api("POST", "/rounds", later.dump()).status, 201);
  auto opened = api("POST", "/rounds", soon.dump());
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string rid = json::parse(opened.body)["id"];

  const std::string stream = "{thcs-vinh-phong-1}:nominations:events";
  auto reminders = [&] {
    std::vector<json> out;
    auto flat = redis_.cmd({"XRANGE", stream, "-", "+"});
    for (std::size_t i = 0; i + 1 < flat.size(); ++i) {
      if (flat[i] != "event") continue;
      auto e = json::parse(flat[i + 1], nullptr, false);
      if (e.is_object() && e.value("type", "") == "round.closing") out.push_back(e);
    }
    return out;
  };
  ASSERT_TRUE(testing::wait_until([&] { return !reminders().empty(); })) << process_.log();

  // A second replica on the same Redis ticks too, and finds it written.
  testing::Process replica;
  auto env = env_;
  int replica_port = testing::free_port();
  env["THIDUA_HTTP_PORT"] = std::to_string(replica_port);
  replica.start(binary(), {}, env, dir_ + "/replica.log");
  const std::string already = "thidua_round_reminders_total{outcome=\"already_written\"} ";
  ASSERT_TRUE(testing::wait_until([&] {
    auto m =
        http_call("GET", "http://127.0.0.1:" + std::to_string(replica_port) + "/metrics", "", {});
    auto at = m.body.find(already);
    return m.status == 200 && at != std::string::npos &&
           m.body.compare(at + already.size(), 2, "0\n") != 0;
  })) << replica.log();
  replica.stop();

  auto all = reminders();
  ASSERT_EQ(all.size(), 1u);
  const auto& e = all[0];
  EXPECT_EQ(e["round"]["id"], rid);
  EXPECT_EQ(e["round"]["name"], "Đợt xét sớm năm 2027");
  EXPECT_EQ(e["round"]["closes"], "2026-12-07");
  EXPECT_EQ(e["round"]["period_label"], "Năm 2027");
  EXPECT_EQ(e["round"]["awards"][0]["label"], "Giấy khen của Chủ tịch UBND xã");
  EXPECT_EQ(e["days_left"], 2);
  EXPECT_EQ(e["actor"], "system");
  EXPECT_FALSE(e.contains("nomination"));
}

}  // namespace
}  // namespace thidua
