// A school year through the real nominations service (issue 14, "Done when"): in September a
// teacher registers her targets and her leader confirms them; the round of the school's own
// rounds file opens on 1 November, not before; the leader proposes her with an achievement,
// she adds evidence, the council considers and approves, the board forwards the dossier to
// the commune, the decision is recorded; the website's honours show her award and nothing
// that was not awarded. The service is started again at each moment with its clock pinned
// (libfaketime), on the same Redis, as a school's server would run through the year.
#include <gtest/gtest.h>

#include "e2e/reports_fixture.hpp"

namespace thidua::testing::reports_e2e {
namespace {

class SchoolYear : public ReportsE2e {
 protected:
  // Not the base's set-up: nominations runs under a pinned clock and the school's own rounds.
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(kFaketimeLib))
        << "libfaketime is missing: apt-get install faketime";
    dir_ = make_temp_dir("thidua-school-year");
    redis_.start();
  }

  // Nominations (again) with its clock at `utc` ("2026-09-15 02:00:00" is 9:00 in Vietnam).
  void at(const std::string& utc) {
    nominations_.reset();
    nominations_ =
        start("nominations", {{"LD_PRELOAD", testing::faketime_preload()},
                              {"FAKETIME", "@" + utc},
                              {"FAKETIME_DONT_FAKE_MONOTONIC", "1"},
                              {"TZ", "UTC"},
                              {"THIDUA_CATALOGUE_FILE", source_dir() + "/config/catalogue.json"},
                              {"THIDUA_ROUNDS_FILE", source_dir() + "/config/rounds.json"}});
  }

  // A call with a person's own token (not the admin's), as the dashboard makes it.
  json as(const std::string& token, const std::string& method, const std::string& path,
          int expected, const json& body = nullptr) {
    auto reply = http_call(
        method, nominations_->url() + "/api/nominations/v1" + path,
        body.is_null() ? "" : body.dump(),
        {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}}, 30000);
    EXPECT_EQ(reply.status, expected) << method << " " << path << ": " << reply.body;
    return json::parse(reply.body, nullptr, false);
  }
  json admin(const std::string& method, const std::string& path, int expected,
             const json& body = nullptr) {
    return as(kAdmin, method, path, expected, body);
  }
  std::string token_for(const std::string& staff) {
    return admin("POST", "/tokens", 201, {{"staff_id", staff}}).value("token", "");
  }
  json act(const std::string& id, const json& body, int expected = 200) {
    return admin("POST", "/nominations/" + id + "/transitions", expected, body);
  }
};

TEST_F(SchoolYear, RegistrationRoundNominationCouncilAwardAndTheWebsite) {
  // September: the school year starts. The board records its people.
  at("2026-09-15 02:00:00");
  admin("PUT", "/catalogue/staff/tt-toan", 200,
        {{"name", "Trần Văn Toàn"}, {"unit_id", "to-toan-tin"}, {"role", "leader"}});
  admin("PUT", "/catalogue/staff/gv-lan", 200,
        {{"name", "Lê Thị Lan"}, {"unit_id", "to-toan-tin"}, {"gender", "female"}});
  admin("PUT", "/catalogue/staff/gv-hai", 200,
        {{"name", "Phạm Văn Hải"}, {"unit_id", "to-toan-tin"}});
  const std::string leader = token_for("tt-toan");
  const std::string lan = token_for("gv-lan");

  // Registration of targets: she registers, her leader confirms; the board sees who has not.
  as(lan, "PUT", "/registrations/2026/individual/gv-lan", 200,
     {{"titles", {"Lao động tiên tiến"}},
      {"targets", {{{"content_area", "II.4"}, {"text", "12 bài giảng điện tử"}}}},
      {"submit", true}});
  auto confirmed = as(leader, "POST", "/registrations/2026/individual/gv-lan/confirm", 200);
  EXPECT_EQ(confirmed["status"], "confirmed") << confirmed;
  auto year = admin("GET", "/registrations/2026", 200);
  std::vector<std::string> missing;
  for (const auto& s : year["not_registered"]["staff"]) missing.push_back(s["id"]);
  EXPECT_NE(std::find(missing.begin(), missing.end(), "gv-hai"), missing.end()) << year;
  EXPECT_EQ(std::find(missing.begin(), missing.end(), "gv-lan"), missing.end()) << year;

  // Before the round opens (1 November in config/rounds.json) nothing can be proposed.
  json proposal = {
      {"period", "2026"},
      {"award", "gk_xa"},
      {"subject_kind", "individual"},
      {"subject_id", "gv-lan"},
      {"reason", "Dẫn đầu tổ về dạy học số."},
      {"achievements", {{{"text", "Soạn 14 bài giảng điện tử cho khối 8"}, {"areas", {"II.4"}}}}}};
  auto early = as(leader, "POST", "/nominations", 422, proposal);
  EXPECT_EQ(early["code"], "round_not_open") << early;

  // November: the round is open; the leader proposes her, she adds evidence, he submits.
  at("2026-11-10 02:00:00");
  auto created = as(leader, "POST", "/nominations", 201, proposal);
  const std::string id = created.value("id", "");
  EXPECT_EQ(created["round_id"], "xet-2026") << created;
  as(lan, "POST", "/nominations/" + id + "/evidence", 200,
     {{"achievement", 0}, {"link", "https://drive.google.com/drive/folders/bai-giang-khoi-8"}});
  as(leader, "POST", "/nominations/" + id + "/transitions", 200, {{"action", "submit"}});
  auto detail = admin("GET", "/nominations/" + id, 200);
  EXPECT_EQ(detail["registration"]["status"], "confirmed") << "the council reads it: " << detail;
  EXPECT_EQ(detail["achievements"][0]["evidence"][0],
            "https://drive.google.com/drive/folders/bai-giang-khoi-8");
  // A colleague's nomination that the council will not pass.
  auto other = as(leader, "POST", "/nominations", 201,
                  {{"period", "2026"},
                   {"award", "gk_xa"},
                   {"subject_kind", "individual"},
                   {"subject_id", "gv-hai"},
                   {"reason", "Tham gia chuyển đổi số."}});
  const std::string other_id = other.value("id", "");
  as(leader, "POST", "/nominations/" + other_id + "/transitions", 200, {{"action", "submit"}});

  // Late November: the council meets, votes and approves; the dossier goes to the commune.
  at("2026-11-25 02:00:00");
  auto meeting = admin("POST", "/council/meetings", 201,
                       {{"date", "2026-11-25"}, {"members_total", 9}, {"members_present", 8}});
  for (const auto& [n, passes] : {std::pair{id, true}, std::pair{other_id, false}}) {
    act(n, {{"action", "review"}});
    admin(
        "PUT", "/nominations/" + n + "/vote", 200,
        {{"meeting_id", meeting.value("id", "")}, {"yes", passes ? 8 : 2}, {"no", passes ? 0 : 6}});
  }
  act(id, {{"action", "approve"}});
  act(other_id, {{"action", "reject"}, {"reason", "Chưa đủ minh chứng"}});
  for (const char* item : {"to_trinh", "bien_ban", "bao_cao_thanh_tich"}) {
    admin("PUT", "/nominations/" + id + "/dossier/" + item, 200, {{"copies", 1}});
  }
  act(id, {{"action", "forward"}, {"date", "2026-11-25"}, {"reference", "15/TTr-THCSVP1"}});
  // The round now has its council meeting.
  auto rounds = admin("GET", "/rounds", 200);
  for (const auto& r : rounds["items"]) {
    if (r["id"] != "xet-2026") continue;
    ASSERT_EQ(r["meetings"].size(), 1u) << r;
    EXPECT_EQ(r["meetings"][0]["id"], meeting["id"]);
    EXPECT_EQ(r["meetings"][0]["date"], "2026-11-25");
  }

  // December: the commune's decision is recorded; the website shows the award, and only it.
  at("2026-12-10 02:00:00");
  auto future = act(
      id,
      {{"action", "award"}, {"decision_number", "245/QĐ-UBND"}, {"decision_date", "2026-12-11"}},
      422);
  EXPECT_EQ(future["code"], "date_in_future") << future;
  act(id, {{"action", "award"},
           {"decision_number", "245/QĐ-UBND"},
           {"decision_date", "2026-12-09"},
           {"public_achievement", "Soạn 14 bài giảng điện tử cho khối 8."}});
  auto site = http_call("GET", nominations_->url() + "/api/nominations/v1/public/honours?year=2026",
                        "", {}, 30000);
  ASSERT_EQ(site.status, 200) << site.body;
  auto honours = json::parse(site.body);
  ASSERT_EQ(honours["items"].size(), 1u) << honours;
  EXPECT_EQ(honours["items"][0]["name"], "Lê Thị Lan");
  EXPECT_EQ(honours["items"][0]["decision"]["number"], "245/QĐ-UBND");
  EXPECT_EQ(site.body.find("gv-lan"), std::string::npos) << "no staff id on the website";
  EXPECT_EQ(site.body.find("Phạm Văn Hải"), std::string::npos) << "a rejected nomination shows";
}

}  // namespace
}  // namespace thidua::testing::reports_e2e
