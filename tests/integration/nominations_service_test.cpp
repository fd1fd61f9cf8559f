// The nominations binary against a real redis-server, as the dashboard and chat use it:
// quotas under concurrency, places given back, a Redis crash, ownership and the role matrix.
#include <gtest/gtest.h>

#include <latch>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "support/nominations_service.hpp"

namespace thidua {
namespace {
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

TEST_F(NominationsService, FiftyConcurrentSubmissionsAgainstTwoPlacesAdmitExactlyTwo) {
  std::vector<std::string> ids;
  for (int i = 0; i < 50; ++i) {
    add_staff("gv-" + std::to_string(i), "to-ngu-van");
    ids.push_back(draft("gv-" + std::to_string(i), "bk_tinh", "2027"));
  }
  std::vector<int> statuses(ids.size());
  std::vector<std::string> codes(ids.size());
  std::latch start(static_cast<std::ptrdiff_t>(ids.size()));
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      auto r = act(ids[i], {{"action", "submit"}});
      statuses[i] = r.status;
      if (r.status != 200) codes[i] = json::parse(r.body).value("code", "");
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 2);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "quota_exceeded"), 48);
  auto q = quota("2027", "bk_tinh", "individual");
  EXPECT_EQ(q["used"], 2);
  EXPECT_EQ(q["remaining"], 0);

  // A rejection gives its place back; the next submission takes it.
  auto admitted = std::find(statuses.begin(), statuses.end(), 200) - statuses.begin();
  ASSERT_EQ(act(ids[admitted], {{"action", "review"}}).status, 200);
  auto rejected = act(ids[admitted], {{"action", "reject"}, {"reason", "Chưa đủ minh chứng"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(quota("2027", "bk_tinh", "individual")["used"], 1);
  auto waiting = std::find(statuses.begin(), statuses.end(), 409) - statuses.begin();
  EXPECT_EQ(act(ids[waiting], {{"action", "submit"}}).status, 200);
  EXPECT_EQ(act(ids[(waiting + 1) % 50 == admitted ? (waiting + 2) % 50 : (waiting + 1) % 50],
                {{"action", "submit"}})
                .status,
            409);
}

TEST_F(NominationsService, AcknowledgedWritesSurviveARedisCrash) {
  add_staff("an", "to-toan-tin");
  auto id = draft("an", "gk_xa", "2026");
  ASSERT_EQ(act(id, {{"action", "submit"}}).status, 200);
  redis_.kill();  // SIGKILL: only what AOF (appendfsync always) wrote survives
  EXPECT_NE(api("GET", "/nominations/" + id, "").status, 200);
  redis_.start();
  ASSERT_TRUE(
      testing::wait_until([&] { return api("GET", "/nominations/" + id, "").status == 200; }));
  auto n = json::parse(api("GET", "/nominations/" + id, "").body);
  EXPECT_EQ(n["status"], "submitted");
  auto history = json::parse(api("GET", "/nominations/" + id + "/history", "").body)["history"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1]["from"], "draft");
  EXPECT_EQ(history[1]["to"], "submitted");
  EXPECT_EQ(quota("2026", "gk_xa", "individual")["used"], 1);
  EXPECT_EQ(redis_.cmd1({"XLEN", "{thcs-vinh-phong-1}:nominations:events"}), "2");
}

TEST_F(NominationsService, LeadersActForTheirOwnUnitAndHoldsBlockNominations) {
  add_staff("tt-toan", "to-toan-tin", "leader");
  add_staff("an", "to-toan-tin");
  add_staff("chi", "to-ngu-van");
  std::string leader = token_for("tt-toan");
  EXPECT_FALSE(draft("an", "gk_xa", "2026", leader).empty());
  json other = {{"period", "2026"},
                {"award", "gk_xa"},
                {"subject_kind", "individual"},
                {"subject_id", "chi"}};
  auto r = api("POST", "/nominations", other.dump(), leader);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(json::parse(r.body)["code"], "not_own_unit");

  json held = {{"name", "Cán bộ chi"},
               {"unit_id", "to-ngu-van"},
               {"on_hold", true},
               {"hold_reason", "đang giải quyết khiếu nại"}};
  ASSERT_EQ(api("PUT", "/catalogue/staff/chi", held.dump()).status, 200);
  r = api("POST", "/nominations", other.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(json::parse(r.body)["detail"].get<std::string>().find("khiếu nại"), std::string::npos);

  // The leader sees their unit's nomination; a staff member sees only their own.
  std::string staff = token_for("chi");
  EXPECT_EQ(json::parse(api("GET", "/nominations", "", leader).body)["items"].size(), 1u);
  EXPECT_EQ(json::parse(api("GET", "/nominations", "", staff).body)["items"].size(), 0u);
  EXPECT_EQ(api("GET", "/nominations/1", "", staff).status, 404);

  // "Trang của tôi": what a person wrote (proposer), still within what they may see.
  auto count = [&](const std::string& query, const std::string& token) {
    auto page = api("GET", "/nominations?" + query, "", token);
    EXPECT_EQ(page.status, 200) << page.body;
    return json::parse(page.body)["items"].size();
  };
  EXPECT_EQ(count("proposer=tt-toan", leader), 1u);
  EXPECT_EQ(count("proposer=tt-toan", kAdmin), 1u);
  EXPECT_EQ(count("proposer=an", kAdmin), 0u);
  EXPECT_EQ(count("proposer=tt-toan", staff), 0u);
  EXPECT_EQ(count("subject=an", token_for("an")), 1u);
  auto bad = api("GET", "/nominations?proposer=a%20b", "");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["code"], "invalid_proposer");
}

TEST_F(NominationsService, EachCallerIsOfferedOnlyTheActionsTheirRoleMayTake) {
  add_staff("tt", "to-toan-tin", "leader");
  add_staff("hd", "truong", "council");
  add_staff("gv", "to-toan-tin", "staff");
  std::string leader = token_for("tt"), council = token_for("hd");

  auto me = json::parse(api("GET", "/me", "", leader).body);
  EXPECT_EQ(me["subject"], "tt");
  EXPECT_EQ(me["role"], "leader");
  EXPECT_EQ(me["role_label"], "Tổ trưởng");
  EXPECT_EQ(me["unit_id"], "to-toan-tin");
  EXPECT_EQ(me["unit_name"], "Tổ Toán – Tin");
  EXPECT_EQ(me["writes_nominations"], true);
  EXPECT_EQ(me["keeps_council_records"], false);
  me = json::parse(api("GET", "/me", "", council).body);
  EXPECT_EQ(me["role"], "council");
  EXPECT_EQ(me["writes_nominations"], false);
  EXPECT_EQ(me["keeps_council_records"], true);
  me = json::parse(api("GET", "/me", "").body);
  EXPECT_EQ(me["subject"], "bootstrap-admin");
  EXPECT_TRUE(me["unit_id"].is_null());

  std::string id = draft("gv", "gk_xa", "2026", leader);
  auto offered = [&](const std::string& token) {
    return json::parse(api("GET", "/nominations/" + id, "", token).body)["allowed_actions"];
  };
  EXPECT_EQ(offered(leader), json({"submit", "withdraw"}));
  EXPECT_EQ(offered(council), json::array());
  auto submitted = act(id, {{"action", "submit"}}, leader);
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  // The answer to an action already offers what comes next, for the role that acted.
  EXPECT_EQ(json::parse(submitted.body)["allowed_actions"], json({"withdraw"}));
  EXPECT_EQ(offered(council), json({"review", "reject"}));
  EXPECT_EQ(offered(kAdmin), json({"review", "reject", "withdraw"}));
}

TEST_F(NominationsService, EveryRouteChecksTokenAndRole) {
  add_staff("bgh", "truong", "admin");
  add_staff("hd", "truong", "council");
  add_staff("tt", "to-toan-tin", "leader");
  add_staff("gv", "to-toan-tin", "staff");
  std::map<std::string, std::string> tokens{{"admin", token_for("bgh")},
                                            {"council", token_for("hd")},
                                            {"leader", token_for("tt")},
                                            {"staff", token_for("gv")},
                                            {"service", kService}};
  struct Case {
    std::string method, path;
    std::set<std::string> allowed;  // empty: public
  };
  const std::set<std::string> all{"admin", "council", "leader", "staff", "service"};
  const std::vector<Case> cases{
      {"GET", "/public/honours", {}},
      {"GET", "/nominations", all},
      {"POST", "/nominations", {"admin", "leader"}},
      {"GET", "/nominations/1", all},
      {"PUT", "/nominations/1", {"admin", "leader"}},
      {"GET", "/nominations/1/history", all},
      {"POST", "/nominations/1/transitions", {"admin", "council", "leader"}},
      {"PUT", "/nominations/1/vote", {"admin", "council"}},
      {"GET", "/nominations/1/dossier", all},
      {"PUT", "/nominations/1/dossier/to_trinh", {"admin", "council"}},
      {"GET", "/quotas?period=2026", all},
      {"GET", "/me", all},
      {"POST", "/council/meetings", {"admin", "council"}},
      {"GET", "/council/meetings", {"admin", "council"}},
      {"PUT", "/council/meetings/1", {"admin", "council"}},
      {"GET", "/catalogue", all},
      {"GET", "/catalogue/staff/gv", all},
      {"PUT", "/catalogue/units/to-moi", {"admin"}},
      {"PUT", "/catalogue/periods/2026", {"admin"}},
      {"PUT", "/catalogue/award-forms/gk_xa", {"admin"}},
      {"PUT", "/catalogue/staff/gv", {"admin"}},
      {"DELETE", "/catalogue/staff/nobody", {"admin"}},
      {"POST", "/tokens", {"admin"}},
      {"DELETE", "/tokens/abc", {"admin"}},
      {"POST", "/staff/gv/link-codes", {"admin"}},
      {"POST", "/zalo-links", {"admin", "service"}},
      {"GET", "/staff/by-zalo/z1", {"admin", "service"}},
  };
  for (const auto& c : cases) {
    std::string body = c.method == "GET" || c.method == "DELETE" ? "" : "{}";
    auto anonymous = api(c.method, c.path, body, "");
    if (c.allowed.empty()) {
      EXPECT_EQ(anonymous.status, 200) << c.method << " " << c.path;
      continue;
    }
    EXPECT_EQ(anonymous.status, 401) << c.method << " " << c.path;
    EXPECT_EQ(api(c.method, c.path, body, "not-a-real-token-at-all").status, 401) << c.path;
    for (const auto& [role, token] : tokens) {
      int status = api(c.method, c.path, body, token).status;
      if (c.allowed.count(role)) {
        EXPECT_NE(status, 401) << role << " " << c.method << " " << c.path;
        EXPECT_NE(status, 403) << role << " " << c.method << " " << c.path;
      } else {
        EXPECT_EQ(status, 403) << role << " " << c.method << " " << c.path;
      }
    }
  }
  // A revoked token stops working at once.
  auto issued = json::parse(api("POST", "/tokens", json{{"staff_id", "gv"}}.dump()).body);
  EXPECT_EQ(api("GET", "/catalogue", "", issued["token"]).status, 200);
  EXPECT_EQ(api("DELETE", "/tokens/" + issued["id"].get<std::string>(), "").status, 204);
  EXPECT_EQ(api("GET", "/catalogue", "", issued["token"]).status, 401);
}

// "Trang của tôi" in one call (issue 12, Fast): the nominations about a person and those they
// wrote, each with its outcome, as the lists would show them to that person; and the
// initiatives they authored.
// What notifications asks before a message to one person: that person as the catalogue has
// them now, the same entry the whole catalogue gives.
TEST_F(NominationsService, OneStaffMemberIsReadAsTheCatalogueHasThemNow) {
  add_staff("an", "to-toan-tin");
  std::string staff = token_for("an");
  auto one = api("GET", "/catalogue/staff/an", "", staff);
  ASSERT_EQ(one.status, 200) << one.body;
  json whole = json::parse(api("GET", "/catalogue", "", staff).body);
  for (const auto& m : whole["staff"]) {
    if (m["id"] == "an") {
      EXPECT_EQ(json::parse(one.body), m);
    }
  }
  json moved = {{"name", "Nguyễn Văn An"}, {"unit_id", "to-ngu-van"}};
  ASSERT_EQ(api("PUT", "/catalogue/staff/an", moved.dump()).status, 200);
  EXPECT_EQ(json::parse(api("GET", "/catalogue/staff/an", "", staff).body)["unit_id"],
            "to-ngu-van");

  auto unknown = api("GET", "/catalogue/staff/nobody", "", staff);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.header("content-type"), "application/problem+json");
  EXPECT_EQ(json::parse(unknown.body)["code"], "unknown_staff");
  auto bad = api("GET", "/catalogue/staff/%E1%BA%A1!", "", staff);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["code"], "invalid_id");
}

TEST_F(NominationsService, MyOverviewGivesMyNominationsWithTheirOutcomeAndMyInitiatives) {
  add_staff("tt-toan", "to-toan-tin", "leader");
  add_staff("an", "to-toan-tin");
  add_staff("chi", "to-ngu-van");
  const std::string leader = token_for("tt-toan"), an = token_for("an"), chi = token_for("chi");
  const std::string id = draft("an", "gk_xa", "2026", leader);
  draft("chi", "gk_xa", "2026");  // by the board: in no one's "wrote" but the board's
  ASSERT_EQ(act(id, {{"action", "submit"}}, leader).status, 200);
  ASSERT_EQ(act(id, {{"action", "review"}}).status, 200);
  ASSERT_EQ(act(id, {{"action", "reject"}, {"reason", "Chưa đủ minh chứng"}}).status, 200);
  json entry = {{"title", "Kho học liệu số của tổ"},
                {"author_ids", {"an"}},
                {"unit_id", "to-toan-tin"},
                {"content_area", "II.4"},
                {"year", 2025}};
  ASSERT_EQ(api("POST", "/initiatives", entry.dump()).status, 201);

  auto overview = [&](const std::string& token) {
    auto r = api("GET", "/me/overview", "", token);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  };
  auto mine = overview(an);
  ASSERT_EQ(mine["about"]["items"].size(), 1u) << mine.dump();
  EXPECT_EQ(mine["about"]["items"][0]["id"], id);
  EXPECT_EQ(mine["about"]["items"][0]["outcome"]["rejection"]["reason"], "Chưa đủ minh chứng");
  EXPECT_TRUE(mine["wrote"].is_null()) << "a teacher writes no nominations";
  ASSERT_EQ(mine["initiatives"]["items"].size(), 1u);
  EXPECT_EQ(mine["initiatives"]["items"][0]["title"], "Kho học liệu số của tổ");

  auto theirs = overview(leader);
  EXPECT_EQ(theirs["about"]["items"].size(), 0u);
  ASSERT_EQ(theirs["wrote"]["items"].size(), 1u) << theirs.dump();
  EXPECT_EQ(theirs["wrote"]["items"][0]["outcome"]["rejection"]["reason"], "Chưa đủ minh chứng");
  EXPECT_EQ(theirs["initiatives"]["items"].size(), 0u);

  // Another unit's teacher: their own nomination, written by the board, and nothing of an's.
  auto other = overview(chi);
  ASSERT_EQ(other["about"]["items"].size(), 1u);
  EXPECT_EQ(other["about"]["items"][0]["outcome"], json::object());
  EXPECT_EQ(other.dump().find("Chưa đủ minh chứng"), std::string::npos);
  EXPECT_EQ(other["initiatives"]["items"].size(), 0u);

  // The bootstrap token names no one on the staff list: nothing is theirs.
  auto board = overview(kAdmin);
  EXPECT_TRUE(board["about"].is_null() && board["wrote"].is_null() &&
              board["initiatives"].is_null())
      << board.dump();
}

// A link code is what POST /staff/{id}/link-codes issues, 8 hex digits (ids::link_code):
// anything else is refused as such, and a well-formed code never issued is the 422.
TEST_F(NominationsService, ALinkCodeNotAsIssuedIsRefusedBeforeItIsLookedUp) {
  for (const std::string code : {"ABCD1234", "abcd123", "abcd12345", "ghij1234", "abcd 234"}) {
    auto r = api("POST", "/zalo-links", json{{"code", code}, {"zalo_user_id", "zalo-1"}}.dump(),
                 kService);
    ASSERT_EQ(r.status, 400) << code << ": " << r.body;
    EXPECT_EQ(json::parse(r.body)["code"], "invalid_id");
    EXPECT_EQ(json::parse(r.body)["detail"],
              "Mã liên kết gồm 8 ký tự (chữ số và chữ a–f), do Ban giám hiệu cấp.");
  }
  auto unissued = api("POST", "/zalo-links",
                      json{{"code", "abcd1234"}, {"zalo_user_id", "zalo-1"}}.dump(), kService);
  EXPECT_EQ(unissued.status, 422) << unissued.body;
  EXPECT_EQ(json::parse(unissued.body)["code"], "invalid_link_code");
}

}  // namespace
}  // namespace thidua

namespace thidua {
namespace {
// Issue 14: the website lists only what was awarded, and the dates the board records for
// steps taken outside the system are real (not after today, not before the step before).
TEST_F(NominationsService, HonoursListOnlyAwardsAndRecordedDatesFollowTheSteps) {
  add_staff("gv-lan", "to-toan-tin");
  add_staff("gv-minh", "to-ngu-van");
  auto meeting =
      api("POST", "/council/meetings",
          json{{"date", "2026-11-20"}, {"members_total", 7}, {"members_present", 6}}.dump());
  ASSERT_EQ(meeting.status, 201) << meeting.body;
  std::string meeting_id = json::parse(meeting.body)["id"];
  // Both to approved, with their dossiers complete.
  std::map<std::string, json> approved;
  for (const std::string subject : {"gv-lan", "gv-minh"}) {
    auto id = draft(subject, "gk_xa", "2026");
    ASSERT_EQ(act(id, {{"action", "submit"}}).status, 200);
    ASSERT_EQ(act(id, {{"action", "review"}}).status, 200);
    auto vote = api("PUT", "/nominations/" + id + "/vote",
                    json{{"meeting_id", meeting_id}, {"yes", 6}, {"no", 0}}.dump());
    ASSERT_EQ(vote.status, 200) << vote.body;
    auto ok = act(id, {{"action", "approve"}});
    ASSERT_EQ(ok.status, 200) << ok.body;
    approved[id] = json::parse(ok.body);
    for (const std::string item : {"to_trinh", "bien_ban", "bao_cao_thanh_tich"}) {
      auto r = api("PUT", "/nominations/" + id + "/dossier/" + item, json{{"copies", 5}}.dump());
      ASSERT_EQ(r.status, 200) << r.body;
    }
  }
  auto lan = approved.begin()->first;
  auto minh = std::next(approved.begin())->first;
  // The service's own today, as approval recorded it (never the test machine's clock).
  std::string today = approved[lan]["outcome"]["approval"]["date"];
  ASSERT_EQ(today.size(), 10u);

  auto future = act(lan, {{"action", "forward"}, {"date", "2099-01-01"}, {"reference", "12/TTr"}});
  EXPECT_EQ(future.status, 422) << future.body;
  EXPECT_NE(future.body.find("date_in_future"), std::string::npos) << future.body;
  auto early = act(lan, {{"action", "forward"}, {"date", "2025-01-02"}, {"reference", "12/TTr"}});
  EXPECT_EQ(early.status, 422) << early.body;
  EXPECT_NE(early.body.find("date_before_previous_step"), std::string::npos) << early.body;
  EXPECT_NE(early.body.find("ngày Hội đồng thông qua"), std::string::npos) << early.body;
  for (const auto& id : {lan, minh}) {
    auto r = act(id, {{"action", "forward"}, {"date", today}, {"reference", "12/TTr"}});
    ASSERT_EQ(r.status, 200) << r.body;
  }
  auto signed_late = act(
      lan,
      {{"action", "award"}, {"decision_number", "245/QĐ-UBND"}, {"decision_date", "2099-05-01"}});
  EXPECT_EQ(signed_late.status, 422) << signed_late.body;
  auto signed_early = act(
      lan,
      {{"action", "award"}, {"decision_number", "245/QĐ-UBND"}, {"decision_date", "2025-01-02"}});
  EXPECT_EQ(signed_early.status, 422) << signed_early.body;
  auto awarded = act(lan, {{"action", "award"},
                           {"decision_number", "245/QĐ-UBND"},
                           {"decision_date", today},
                           {"public_achievement", "Bài giảng điện tử đạt giải cấp huyện"}});
  ASSERT_EQ(awarded.status, 200) << awarded.body;

  // gv-minh is forwarded, not awarded: not an honour yet.
  auto honours = json::parse(get("/api/nominations/v1/public/honours?year=2026", "").body);
  ASSERT_EQ(honours["items"].size(), 1u) << honours.dump();
  const auto& h = honours["items"][0];
  EXPECT_EQ(h["id"], lan);
  EXPECT_EQ(h["status"], "awarded");
  EXPECT_EQ(h["decision"], (json{{"number", "245/QĐ-UBND"}, {"date", today}}));
  EXPECT_EQ(h["achievement"], "Bài giảng điện tử đạt giải cấp huyện");
  EXPECT_FALSE(h.contains("reason"));
  ASSERT_EQ(honours["counts"].size(), 1u);
  EXPECT_EQ(honours["counts"][0]["count"], 1);
}

// Issue 14: one achievement, one award form. The second form for the same person in the same
// period is refused unless the board records an exception, and two submissions racing each
// other cannot both take a place.
TEST_F(NominationsService, ASubjectGetsOneAwardFormPerPeriodUnlessTheBoardRecordsAnException) {
  add_staff("gv-ha", "to-toan-tin");
  add_staff("tt-toan", "to-toan-tin", "leader");
  auto first = draft("gv-ha", "gk_xa", "2026");
  auto second = draft("gv-ha", "bk_tinh", "2026");
  auto later_year = draft("gv-ha", "bk_tinh", "2027");
  ASSERT_EQ(act(first, {{"action", "submit"}}).status, 200);
  auto refused = act(second, {{"action", "submit"}});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("one_award_per_period"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("số " + first), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("năm 2026"), std::string::npos) << refused.body;
  // The other nomination's award, and how the board records an exception.
  EXPECT_NE(refused.body.find("(Giấy khen của Chủ tịch UBND xã)"), std::string::npos)
      << refused.body;
  EXPECT_NE(refused.body.find("Ban giám hiệu trình kèm lý do ngoại lệ"), std::string::npos)
      << refused.body;
  EXPECT_EQ(quota("2026", "bk_tinh", "individual")["used"], 0);  // no place was taken
  // Another period is another achievement.
  EXPECT_EQ(act(later_year, {{"action", "submit"}}).status, 200);
  // Only the board records an exception.
  auto leader = token_for("tt-toan");
  auto by_leader =
      act(second, {{"action", "submit"}, {"exception_reason", "Thành tích khác"}}, leader);
  EXPECT_EQ(by_leader.status, 403) << by_leader.body;
  auto excepted = act(second, {{"action", "submit"},
                               {"exception_reason",
                                "Giải nhất thi giáo viên giỏi cấp tỉnh, "
                                "thành tích khác với đề nghị số " +
                                    first}});
  ASSERT_EQ(excepted.status, 200) << excepted.body;
  EXPECT_EQ(json::parse(excepted.body)["outcome"]["award_exception"]["by"], "bootstrap-admin");
  // The history keeps the reason with the submission.
  auto history = json::parse(api("GET", "/nominations/" + second + "/history", "").body)["history"];
  ASSERT_EQ(history.back()["action"], "submit") << history.dump();
  EXPECT_NE(history.back().value("exception_reason", "").find("giáo viên giỏi"), std::string::npos)
      << history.dump();
  EXPECT_FALSE(json::parse(api("GET", "/nominations/" + first + "/history", "").body)["history"]
                   .back()
                   .contains("exception_reason"));

  // Racing submissions of two forms: one place is taken, the other refused.
  add_staff("gv-khoa", "to-ngu-van");
  auto a = draft("gv-khoa", "gk_xa", "2026");
  auto b = draft("gv-khoa", "bk_tinh", "2026");
  std::vector<int> statuses(2);
  std::latch start(2);
  std::vector<std::thread> threads;
  const std::vector<std::string> ids{a, b};
  for (std::size_t i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      statuses[i] = act(ids[i], {{"action", "submit"}}).status;
    });
  }
  for (auto& t : threads) t.join();
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses, (std::vector<int>{200, 409}));
  for (const auto& id : ids) {
    // The one refused is still a draft: both may be withdrawn, which frees the subject.
    EXPECT_EQ(act(id, {{"action", "withdraw"}}).status, 200);
  }
  auto again = draft("gv-khoa", "gk_xa", "2026");
  EXPECT_EQ(act(again, {{"action", "submit"}}).status, 200);
}

// Issue 13: a detail names a period in running text in lower case ("kỳ năm 2026"), a role in
// Vietnamese (its code only where a script must send it), and places as "chỉ tiêu".
TEST_F(NominationsService, DetailsSpeakOfPeriodsRolesAndQuotasAsASchoolDoes) {
  for (const auto* id : {"gv-1", "gv-2", "gv-3", "gv-4"}) add_staff(id, "to-toan-tin");
  add_staff("tt", "to-toan-tin", "leader");
  std::string leader = token_for("tt"), staff = token_for("gv-4");
  std::vector<std::string> details;
  auto detail = [&](const HttpReply& r) {
    details.push_back(json::parse(r.body).value("detail", ""));
    return details.back();
  };
  auto first = draft("gv-1", "bk_tinh", "2026");
  json again = {{"period", "2026"},
                {"award", "bk_tinh"},
                {"subject_kind", "individual"},
                {"subject_id", "gv-1"}};
  auto duplicate = api("POST", "/nominations", again.dump());
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_NE(detail(duplicate).find("Bằng khen của Chủ tịch UBND tỉnh kỳ năm 2026 đang được xét"),
            std::string::npos)
      << duplicate.body;

  ASSERT_EQ(act(first, {{"action", "submit"}}).status, 200);
  ASSERT_EQ(act(draft("gv-2", "bk_tinh", "2026"), {{"action", "submit"}}).status, 200);
  auto full = act(draft("gv-3", "bk_tinh", "2026"), {{"action", "submit"}});
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(detail(full),
            "Bằng khen của Chủ tịch UBND tỉnh kỳ năm 2026 đã hết chỉ tiêu cá nhân (2/2 đã dùng).");
  auto unset = act(draft("gv-4", "gk_ht", "2026"), {{"action", "submit"}});
  EXPECT_EQ(unset.status, 422);
  EXPECT_NE(detail(unset).find("Chưa quy định chỉ tiêu Giấy khen của Hiệu trưởng cho cá nhân kỳ "
                               "năm 2026"),
            std::string::npos)
      << unset.body;

  auto by_leader = act(first, {{"action", "approve"}}, leader);
  EXPECT_EQ(by_leader.status, 403);
  EXPECT_EQ(detail(by_leader), "Vai trò tổ trưởng không được thông qua đề nghị khen thưởng.");
  auto by_staff = api("POST", "/nominations", again.dump(), staff);
  EXPECT_EQ(by_staff.status, 403);
  EXPECT_NE(detail(by_staff).find("(cán bộ, giáo viên)"), std::string::npos) << by_staff.body;
  for (const auto& d : details) {
    EXPECT_EQ(d.find("leader"), std::string::npos) << d;
    EXPECT_EQ(d.find("staff"), std::string::npos) << d;
    EXPECT_EQ(d.find("Năm"), std::string::npos) << d;
    EXPECT_EQ(d.find("suất"), std::string::npos) << d;
  }

  // Where a script must send a role's code, the code follows the Vietnamese words.
  json bad_role = {{"name", "Cán bộ gv-5"}, {"unit_id", "to-toan-tin"}, {"role", "hieu-truong"}};
  auto refused = api("PUT", "/catalogue/staff/gv-5", bad_role.dump());
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(detail(refused).find("tổ trưởng (leader)"), std::string::npos) << refused.body;
}
// The register of initiatives through the API (issue 14): the board and the council keep it,
// everyone signed in reads it, bad input changes nothing, and the website sees only what is
// recognised and made public, by name, without staff ids.
TEST_F(NominationsService, TheRegisterOfInitiativesIsKeptByTheBoardAndShownOnlyWhenRecognised) {
  add_staff("lan", "to-toan-tin");
  add_staff("binh", "to-toan-tin", "council");
  add_staff("tt-van", "to-ngu-van", "leader");
  const std::string council = token_for("binh");
  const std::string leader = token_for("tt-van");
  const std::string teacher = token_for("lan");
  json entry = {{"title", "Kho bài giảng điện tử dùng chung của tổ"},
                {"author_ids", {"lan", "binh"}},
                {"unit_id", "to-toan-tin"},
                {"content_area", "II.4"},
                {"year", 2025},
                {"summary", "Tổ dùng chung 40 bài giảng;\náp dụng từ học kỳ II."}};

  // Refused before anything is written: a leader or a teacher, a wrong field, a future date.
  EXPECT_EQ(api("POST", "/initiatives", entry.dump(), leader).status, 403);
  EXPECT_EQ(api("POST", "/initiatives", entry.dump(), teacher).status, 403);
  auto bad = entry;
  bad["content_area"] = "II.9";
  auto r = api("POST", "/initiatives", bad.dump());
  EXPECT_EQ(r.status, 400) << r.body;
  bad = entry;
  bad["level"] = "co_so";
  bad["decision"] = {{"number", "15/QĐ-THCSVP1"}, {"date", "2099-01-01"}};
  r = api("POST", "/initiatives", bad.dump());
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(json::parse(r.body)["code"], "date_in_future");
  bad = entry;
  bad["public"] = true;
  r = api("POST", "/initiatives", bad.dump());
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(json::parse(r.body)["detail"].get<std::string>().find("trang web"), std::string::npos);
  EXPECT_EQ(json::parse(api("GET", "/initiatives", "").body)["items"].size(), 0u);

  // Recorded by the council, not yet recognised: in the register, not on the website.
  r = api("POST", "/initiatives", entry.dump(), council);
  ASSERT_EQ(r.status, 201) << r.body;
  auto stored = json::parse(r.body);
  const std::string id = stored["id"];
  EXPECT_EQ(stored["authors"][0]["name"], "Cán bộ lan");
  EXPECT_EQ(stored["level_label"], "chưa công nhận");
  EXPECT_EQ(stored["recorded_by"], "binh");
  EXPECT_EQ(json::parse(api("GET", "/initiatives?year=2025", "", teacher).body)["items"].size(),
            1u);
  EXPECT_EQ(json::parse(api("GET", "/initiatives?year=2026", "", leader).body)["items"].size(), 0u);
  EXPECT_EQ(json::parse(get("/api/nominations/v1/public/initiatives", "").body)["items"].size(),
            0u);

  // Recognised at the school and made public by the board.
  entry["level"] = "co_so";
  entry["decision"] = {
      {"number", "15/QĐ-THCSVP1"}, {"date", "2025-12-01"}, {"issuer", "Hiệu trưởng"}};
  entry["public"] = true;
  r = api("PUT", "/initiatives/" + id, entry.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["recorded_by"], "binh");
  EXPECT_EQ(json::parse(r.body)["updated_by"], "bootstrap-admin");
  auto site = json::parse(get("/api/nominations/v1/public/initiatives?year=2025", "").body);
  ASSERT_EQ(site["items"].size(), 1u) << site.dump();
  EXPECT_EQ(site["items"][0]["authors"], (json{"Cán bộ lan", "Cán bộ binh"}));
  EXPECT_EQ(site["items"][0]["level_label"], "cấp cơ sở");
  EXPECT_EQ(site["items"][0]["decision"]["date_vn"], "01/12/2025");
  EXPECT_EQ(site.dump().find("\"lan\""), std::string::npos) << "a staff id on the website";
  EXPECT_EQ(site.dump().find("\"binh\""), std::string::npos) << "who recorded it, on the website";

  // Only the board removes an entry.
  EXPECT_EQ(api("DELETE", "/initiatives/" + id, "", council).status, 403);
  EXPECT_EQ(api("DELETE", "/initiatives/" + id, "").status, 204);
  EXPECT_EQ(api("GET", "/initiatives/" + id, "").status, 404);
  EXPECT_EQ(api("DELETE", "/initiatives/" + id, "").status, 404);
}

}  // namespace
}  // namespace thidua
