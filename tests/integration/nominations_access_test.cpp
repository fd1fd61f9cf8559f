// The nominations binary against a real redis-server (nominations_service_fixture.hpp): who
// may do what. Ownership by unit, holds, the actions each role is offered, the token and role
// matrix of every route, one staff member as the catalogue has them, and link codes.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "nominations_service_fixture.hpp"

namespace thidua::nominations_service_test {
namespace {

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

  // A colleague's personal data is not for every colleague: what a staff member, a leader of
  // another unit and the member's own unit leader read of someone on hold.
  json private_record = {{"name", "Trần Thị Vân"},
                         {"unit_id", "to-ngu-van"},
                         {"birth_date", "1985-03-02"},
                         {"on_hold", true},
                         {"hold_reason", "Đang xem xét kỷ luật"}};
  ASSERT_EQ(api("PUT", "/catalogue/staff/van", private_record.dump()).status, 200);
  add_staff("tt-van", "to-ngu-van", "leader");
  add_staff("tt-toan", "to-toan-tin", "leader");
  auto read_as = [&](const std::string& token) {
    return json::parse(api("GET", "/catalogue/staff/van", "", token).body);
  };
  for (const auto& token : {staff, token_for("tt-toan"), token_for("tt-van")}) {
    json seen = read_as(token);
    EXPECT_EQ(seen["name"], "Trần Thị Vân");
    for (const char* field : {"birth_date", "hold_reason", "zalo_user_id", "qualifications"}) {
      EXPECT_FALSE(seen.contains(field)) << field << ": " << seen;
    }
    for (const auto& m : json::parse(api("GET", "/catalogue", "", token).body)["staff"]) {
      if (m["id"] == "van") {
        EXPECT_EQ(m, seen);
      }
    }
  }
  EXPECT_FALSE(read_as(staff).contains("on_hold"));
  EXPECT_EQ(read_as(token_for("tt-van"))["on_hold"], true);
  EXPECT_EQ(read_as(token_for("van"))["hold_reason"], "Đang xem xét kỷ luật");
  EXPECT_EQ(read_as(kAdmin)["birth_date"], "1985-03-02");

  auto unknown = api("GET", "/catalogue/staff/nobody", "", staff);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.header("content-type"), "application/problem+json");
  EXPECT_EQ(json::parse(unknown.body)["code"], "unknown_staff");
  auto bad = api("GET", "/catalogue/staff/%E1%BA%A1!", "", staff);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["code"], "invalid_id");
  // Escapes of bytes that are no UTF-8, in the path or a query: a problem, not a dropped
  // connection (the answer once quoted them and could not be written).
  for (const auto& [path, code] : std::vector<std::pair<std::string, std::string>>{
           {"/nominations/%ff", "invalid_path"},
           {"/catalogue/staff/%ff", "invalid_path"},
           {"/nominations?status=%ff", "invalid_utf8"}}) {
    auto r = api("GET", path, "", staff);
    EXPECT_EQ(r.status, 400) << path;
    EXPECT_EQ(r.header("content-type"), "application/problem+json") << path;
    EXPECT_EQ(json::parse(r.body, nullptr, false).value("code", ""), code) << path << r.body;
  }
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

// Codes are 8 hex digits, typed one chat message at a time: an account that typed five wrong
// ones is refused for an hour, even the right code, and says so; others are not; a link clears
// the count.
TEST_F(NominationsService, AZaloAccountThatTypedFiveWrongCodesIsRefusedForAnHour) {
  add_staff("gv", "to-toan-tin");
  auto redeem = [&](const std::string& code, const std::string& zalo) {
    return api("POST", "/zalo-links", json{{"code", code}, {"zalo_user_id", zalo}}.dump(),
               kService);
  };
  auto issue = [&] {
    return json::parse(api("POST", "/staff/gv/link-codes", "").body)["code"].get<std::string>();
  };
  // Four wrong, then the right one: linked, and the count starts again.
  for (int i = 0; i < 4; ++i) EXPECT_EQ(redeem("0000000" + std::to_string(i), "zu-a").status, 422);
  ASSERT_EQ(redeem(issue(), "zu-a").status, 200);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(redeem("1000000" + std::to_string(i), "zu-a").status, 422);
  const std::string right = issue();
  auto limited = redeem(right, "zu-a");
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_EQ(limited.header("content-type"), "application/problem+json");
  auto problem = json::parse(limited.body);
  EXPECT_EQ(problem["code"], "too_many_link_attempts");
  EXPECT_EQ(problem["detail"],
            "Tài khoản Zalo này đã gõ sai mã liên kết nhiều lần; thầy cô đợi 60 phút rồi thử lại "
            "với mã Ban giám hiệu cấp.");
  auto retry = std::stoll(limited.header("retry-after"));
  EXPECT_GT(retry, 3500);
  EXPECT_LE(retry, 3600);
  // The right code was not spent: another account may still use it.
  EXPECT_EQ(redeem(right, "zu-b").status, 200);
}

// A Zalo account speaks for the one person whose record names it: not for whoever is given a
// deleted colleague's id next (the dashboard builds ids from names), and not for a colleague
// it was linked to before it linked to someone else.
TEST_F(NominationsService, AZaloLinkSpeaksOnlyForThePersonWhoseRecordNamesIt) {
  add_staff("lead-toan", "to-toan-tin", "leader");
  add_staff("gv", "to-toan-tin");
  auto link = [&](const std::string& staff_id, const std::string& zalo) {
    auto code = json::parse(api("POST", "/staff/" + staff_id + "/link-codes", "").body)["code"];
    return api("POST", "/zalo-links", json{{"code", code}, {"zalo_user_id", zalo}}.dump(),
               kService);
  };
  auto speaks_for = [&](const std::string& zalo) -> std::string {
    auto r = api("GET", "/staff/by-zalo/" + zalo, "", kService);
    if (r.status == 404) {
      EXPECT_EQ(json::parse(r.body)["code"], "not_linked");
      return "";
    }
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body)["id"];
  };
  auto zalo_of = [&](const std::string& staff_id) -> std::string {
    return json::parse(api("GET", "/catalogue/staff/" + staff_id, "").body)["zalo_user_id"];
  };
  ASSERT_EQ(link("lead-toan", "zu-old").status, 200);
  EXPECT_EQ(speaks_for("zu-old"), "lead-toan");

  // Deleted, then someone new under the same id: the old account speaks for no one.
  ASSERT_EQ(api("DELETE", "/catalogue/staff/lead-toan", "").status, 204);
  EXPECT_EQ(speaks_for("zu-old"), "");
  add_staff("lead-toan", "to-toan-tin", "leader");
  EXPECT_EQ(speaks_for("zu-old"), "");
  EXPECT_EQ(zalo_of("lead-toan"), "");

  // One account, linked to gv and then to lead-toan: gv's record no longer names it, so gv's
  // private messages do not go to it.
  ASSERT_EQ(link("gv", "zu-shared").status, 200);
  EXPECT_EQ(zalo_of("gv"), "zu-shared");
  ASSERT_EQ(link("lead-toan", "zu-shared").status, 200);
  EXPECT_EQ(speaks_for("zu-shared"), "lead-toan");
  EXPECT_EQ(zalo_of("gv"), "");
  EXPECT_EQ(zalo_of("lead-toan"), "zu-shared");
}

}  // namespace
}  // namespace thidua::nominations_service_test
