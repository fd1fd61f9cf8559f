// The nominations binary against a real redis-server (nominations_service_fixture.hpp): what
// people and the website read. "Trang của tôi", the honours list with the dates the board
// records, and the register of initiatives.
#include <gtest/gtest.h>

#include <map>

#include "nominations_service_fixture.hpp"

namespace thidua::nominations_service_test {
namespace {

// "Trang của tôi" in one call (issue 12, Fast): the nominations about a person and those they
// wrote, each with its outcome, as the lists would show them to that person; and the
// initiatives they authored.
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
}  // namespace thidua::nominations_service_test
