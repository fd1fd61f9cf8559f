// Issue 12, signing in, end to end: every real service, Redis and the fake Zalo Bot API. A
// colleague sends /dangnhap to the bot privately and gets a code and a link; the code opens
// one session whose cookie works on all three services with the person's current role;
// writes with the cookie need the dashboard's own origin; demotion, an admin, sign-out and
// removal end it. Bearer tokens keep working alongside.
#include <regex>

#include "e2e/e2e_system.hpp"

namespace thidua::e2e {
namespace {
using nlohmann::json;
using testing::http_call;
using testing::HttpReply;

const std::string kDashboard = "https://thidua.example.edu.vn/admin/";

class SignIn : public E2eTest {
 protected:
  void SetUp() override {
    start_system({{"THIDUA_BOT_MODE", "polling"},
                  {"THIDUA_POLL_TIMEOUT_S", "1"},
                  {"THIDUA_DASHBOARD_URL", kDashboard}});
  }
  HttpReply nominations(const std::string& method, const std::string& path,
                        const json& body = json::object()) {
    return http_call(method, url("nominations", "/api/nominations/v1" + path), body.dump(),
                     admin());
  }
  void put_staff(const std::string& id, const std::string& role) {
    json staff = {{"name", "Lê Thị Lan"},
                  {"unit_id", "to-toan-tin"},
                  {"role", role},
                  {"gender", "female"},
                  {"position", "Phó hiệu trưởng"}};
    ASSERT_EQ(nominations("PUT", "/catalogue/staff/" + id, staff).status, 200);
  }
  void link(const std::string& staff, const std::string& zalo) {
    auto issued = nominations("POST", "/staff/" + staff + "/link-codes");
    ASSERT_EQ(issued.status, 201) << issued.body;
    json body = {{"code", json::parse(issued.body)["code"]}, {"zalo_user_id", zalo}};
    ASSERT_EQ(nominations("POST", "/zalo-links", body).status, 200);
  }
  // What `from` typed, in the group or privately; returns the bot's answer in that chat.
  std::string say(const std::string& from, const std::string& text, bool in_group) {
    const std::string chat = in_group ? kGroupId : from;
    std::size_t before = answers(chat).size();
    json update = {{"event_name", "message.text.received"},
                   {"message",
                    {{"message_id", "signin-" + std::to_string(++said_)},
                     {"date", 1792800000000LL + said_},
                     {"text", text},
                     {"from", {{"id", from}, {"display_name", "Cô Lan"}, {"is_bot", false}}},
                     {"chat", {{"id", chat}, {"chat_type", in_group ? "GROUP" : "PRIVATE"}}}}}};
    auto r = http_call("POST", url("fake_zalo", "/__fake/updates"), update.dump(),
                       {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 200) << r.body;
    std::string answer;
    wait_for([&] {
      auto all = answers(chat);
      if (all.size() <= before) return false;
      answer = all[before];
      return true;
    });
    return answer;
  }
  std::vector<std::string> answers(const std::string& chat) const {
    std::vector<std::string> out;
    for (const auto& m : delivered()) {
      if (m.value("chat_id", "") == chat) out.push_back(m.value("text", ""));
    }
    return out;
  }
  // /dangnhap in a private chat: the code the answer carries in its link ("" when none).
  std::string code_for(const std::string& zalo) {
    auto text = say(zalo, "/dangnhap", false);
    std::smatch m;
    static const std::regex link(R"(https://thidua\.example\.edu\.vn/admin/#ma=([A-Z0-9]{8}))");
    if (!std::regex_search(text, m, link)) {
      ADD_FAILURE() << "no link in: " << text;
      return {};
    }
    std::string code = m[1];
    EXPECT_NE(text.find(code.substr(0, 4) + "-" + code.substr(4)), std::string::npos) << text;
    return code;
  }
  std::string origin(const std::string& service) const {
    return "http://127.0.0.1:" + std::to_string(port(service));
  }
  HttpReply exchange(const std::string& code, std::map<std::string, std::string> headers = {}) {
    headers["Content-Type"] = "application/json";
    if (!headers.count("Origin") && !headers.count("Sec-Fetch-Site"))
      headers["Origin"] = origin("nominations");
    json body = {{"code", code}};
    return http_call("POST", url("nominations", "/api/nominations/v1/sessions"), body.dump(),
                     headers);
  }
  // The cookie a successful exchange set, as a browser sends it back.
  static std::string cookie_of(const HttpReply& r) {
    auto set = r.header("set-cookie");
    return set.substr(0, set.find(';'));
  }
  HttpReply with_cookie(const std::string& service, const std::string& method,
                        const std::string& path, const std::string& cookie,
                        const std::string& body = "",
                        std::map<std::string, std::string> headers = {}) {
    headers["Cookie"] = cookie;
    if (!body.empty()) headers["Content-Type"] = "application/json";
    return http_call(method, url(service, path), body, headers);
  }
  int said_ = 0;
};

TEST_F(SignIn, DangnhapGivesACodeThatOpensOneSessionOnEveryServiceWithTheCurrentRole) {
  if (HasFatalFailure()) return;
  put_staff("gv-lan", "admin");
  link("gv-lan", "zu-lan");
  if (HasFatalFailure()) return;

  // In the group: only the way to ask privately, never a code.
  auto in_group = say("zu-lan", "@Thi đua THCS Vĩnh Phong 1 /dangnhap", true);
  EXPECT_NE(in_group.find("chỉ dùng trong tin nhắn riêng"), std::string::npos) << in_group;
  EXPECT_EQ(in_group.find("#ma="), std::string::npos) << in_group;
  // Someone not linked is told how to link, whatever way they write the command.
  auto stranger = say("zu-khach", "/đăng nhập", false);
  EXPECT_NE(stranger.find("/lienket"), std::string::npos) << stranger;
  EXPECT_EQ(stranger.find("#ma="), std::string::npos) << stranger;

  const std::string code = code_for("zu-lan");
  ASSERT_FALSE(code.empty());
  auto text = answers("zu-lan").back();
  EXPECT_NE(text.find("cô Lê Thị Lan"), std::string::npos) << text;
  EXPECT_NE(text.find("trong 5 phút"), std::string::npos) << text;

  // From another site: refused before the code is even looked at (it stays good).
  auto forged = exchange(code, {{"Origin", "https://evil.example"}});
  EXPECT_EQ(forged.status, 403) << forged.body;
  EXPECT_EQ(json::parse(forged.body).value("code", ""), "cross_site_request");
  EXPECT_TRUE(forged.header("set-cookie").empty());

  // Typed as a phone does it: lower case, with the dash.
  std::string typed = code.substr(0, 4) + "-" + code.substr(4);
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto signed_in = exchange(typed);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  auto set_cookie = signed_in.header("set-cookie");
  EXPECT_TRUE(set_cookie.starts_with("thidua_session=")) << set_cookie;
  for (const char* attr : {"HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=604800"}) {
    EXPECT_NE(set_cookie.find(attr), std::string::npos) << attr << " in " << set_cookie;
  }
  EXPECT_EQ(set_cookie.find("Secure"), std::string::npos) << "plain HTTP: " << set_cookie;
  EXPECT_EQ(json::parse(signed_in.body).value("staff_id", ""), "gv-lan");
  const std::string cookie = cookie_of(signed_in);

  // Single use.
  auto again = exchange(code);
  EXPECT_EQ(again.status, 422) << again.body;
  EXPECT_EQ(json::parse(again.body).value("code", ""), "wrong_sign_in_code");

  // The cookie on all three services, as the admin she is.
  auto me = with_cookie("nominations", "GET", "/api/nominations/v1/me", cookie);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(json::parse(me.body).value("role", ""), "admin");
  EXPECT_EQ(with_cookie("reports", "GET", "/api/reports/v1/reminders/2026", cookie).status, 200);
  EXPECT_EQ(
      with_cookie("notifications", "GET", "/api/notifications/v1/dead-letters", cookie).status,
      200);

  // A write with the cookie needs proof it comes from the dashboard itself.
  const std::string message = R"({"target":"group","text":"Họp Hội đồng lúc 14:00."})";
  auto no_proof =
      with_cookie("notifications", "POST", "/api/notifications/v1/messages", cookie, message);
  EXPECT_EQ(no_proof.status, 403) << no_proof.body;
  EXPECT_EQ(no_proof.header("content-type"), "application/problem+json");
  auto problem = json::parse(no_proof.body);
  EXPECT_EQ(problem.value("code", ""), "cross_site_request");
  EXPECT_NE(problem.value("detail", "").find("trang quản trị"), std::string::npos);
  auto cross = with_cookie("notifications", "POST", "/api/notifications/v1/messages", cookie,
                           message, {{"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(cross.status, 403);
  auto same = with_cookie("notifications", "POST", "/api/notifications/v1/messages", cookie,
                          message, {{"Sec-Fetch-Site", "same-origin"}});
  EXPECT_EQ(same.status, 202) << same.body;
  auto by_origin =
      with_cookie("reports", "PUT", "/api/reports/v1/contributions/2026/to-toan-tin", cookie,
                  R"({"figures":{"e_lessons":3}})", {{"Origin", origin("reports")}});
  EXPECT_EQ(by_origin.status, 200) << by_origin.body;
  // Bearer tokens work as before, and decide alone when both are sent.
  EXPECT_EQ(http_call("GET", url("reports", "/api/reports/v1/reminders/2026"), "", admin()).status,
            200);
  auto bearer_wins =
      http_call("GET", url("nominations", "/api/nominations/v1/me"), "",
                {{"Authorization", "Bearer wrong-0123456789abcdef"}, {"Cookie", cookie}});
  EXPECT_EQ(bearer_wins.status, 401);

  // Demoted: the session ends at once, everywhere.
  put_staff("gv-lan", "staff");
  auto ended = with_cookie("reports", "GET", "/api/reports/v1/contributions/2026", cookie);
  EXPECT_EQ(ended.status, 401) << ended.body;
  EXPECT_EQ(json::parse(ended.body).value("code", ""), "session_expired");
  EXPECT_NE(ended.header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(with_cookie("nominations", "GET", "/api/nominations/v1/me", cookie).status, 401);

  // Signed in again: the current role (staff), also behind HTTPS (Secure).
  auto staff_code = code_for("zu-lan");
  auto as_staff =
      exchange(staff_code, {{"Sec-Fetch-Site", "same-origin"}, {"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(as_staff.status, 201) << as_staff.body;
  EXPECT_NE(as_staff.header("set-cookie").find("; Secure"), std::string::npos);
  const std::string staff_cookie = cookie_of(as_staff);
  auto me_now = with_cookie("nominations", "GET", "/api/nominations/v1/me", staff_cookie);
  EXPECT_EQ(json::parse(me_now.body).value("role", ""), "staff");
  EXPECT_EQ(with_cookie("reports", "GET", "/api/reports/v1/reminders/2026", staff_cookie).status,
            403);

  // An admin sees the session and ends it.
  auto listed = nominations("GET", "/staff/gv-lan/sessions");
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto sessions = json::parse(listed.body)["sessions"];
  ASSERT_EQ(sessions.size(), 1u) << listed.body;
  EXPECT_EQ(listed.body.find(staff_cookie.substr(std::string("thidua_session=").size())),
            std::string::npos);
  const std::string id = sessions[0]["id"];
  EXPECT_EQ(nominations("DELETE", "/sessions/" + id).status, 204);
  EXPECT_EQ(nominations("DELETE", "/sessions/" + id).status, 404);
  EXPECT_EQ(
      with_cookie("notifications", "GET", "/api/notifications/v1/messages", staff_cookie).status,
      401);

  // Sign-out ends the session and clears the cookie.
  auto out_code = code_for("zu-lan");
  const std::string out_cookie = cookie_of(exchange(out_code));
  auto signed_out = with_cookie("nominations", "DELETE", "/api/nominations/v1/session", out_cookie,
                                "", {{"Sec-Fetch-Site", "same-origin"}});
  EXPECT_EQ(signed_out.status, 204) << signed_out.body;
  EXPECT_NE(signed_out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(with_cookie("nominations", "GET", "/api/nominations/v1/me", out_cookie).status, 401);

  // Removed from the staff: every session ends.
  auto last_code = code_for("zu-lan");
  const std::string last_cookie = cookie_of(exchange(last_code));
  ASSERT_EQ(with_cookie("nominations", "GET", "/api/nominations/v1/me", last_cookie).status, 200);
  EXPECT_EQ(nominations("DELETE", "/catalogue/staff/gv-lan").status, 204);
  EXPECT_EQ(with_cookie("reports", "GET", "/api/reports/v1/contributions/2026", last_cookie).status,
            401);
}

TEST_F(SignIn, WrongCodesFromOneAddressAreLimited) {
  if (HasFatalFailure()) return;
  const std::map<std::string, std::string> from{{"X-Real-IP", "198.51.100.23"}};
  for (int i = 0; i < 10; ++i) {
    auto r = exchange("AAAA-AAAA", from);
    ASSERT_EQ(r.status, 422) << i << " " << r.body;
  }
  auto blocked = exchange("AAAA-AAAA", from);
  EXPECT_EQ(blocked.status, 429) << blocked.body;
  EXPECT_FALSE(blocked.header("retry-after").empty());
  EXPECT_EQ(json::parse(blocked.body).value("code", ""), "too_many_attempts");
  // Not a code at all: 400, and nothing is counted.
  EXPECT_EQ(exchange("0000-0000", {{"X-Real-IP", "198.51.100.24"}}).status, 400);
  // Another address is served.
  EXPECT_EQ(exchange("AAAA-AAAA", {{"X-Real-IP", "198.51.100.25"}}).status, 422);
}

}  // namespace
}  // namespace thidua::e2e
