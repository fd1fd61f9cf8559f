// The steps an end-to-end test takes as the school's staff would (e2e_system.hpp): staff
// records, nominations filed and submitted, a Zalo account linked, a council sitting.
#include "core/crypto.hpp"
#include "e2e/e2e_system.hpp"

namespace thidua::e2e {
using nlohmann::json;
using testing::http_call;

std::string E2eTest::add_staff(const std::string& name, const std::string& gender) {
  auto staff_id = "gv-" + crypto::sha256_hex(name).substr(0, 12);
  json staff = {{"name", name}, {"unit_id", "to-toan-tin"}, {"position", "Giáo viên"}};
  if (!gender.empty()) staff["gender"] = gender;
  auto put = http_call("PUT", url("nominations", "/api/nominations/v1/catalogue/staff/" + staff_id),
                       staff.dump(), admin());
  return put.status == 200 ? staff_id : "";
}

testing::HttpReply E2eTest::post_nomination(json body) {
  if (body.contains("subject_name")) {
    auto staff_id = add_staff(body["subject_name"].get<std::string>());
    body.erase("subject_name");
    body["subject_id"] = staff_id;
  }
  return http_call("POST", url("nominations", "/api/nominations/v1/nominations"), body.dump(),
                   admin());
}

testing::HttpReply E2eTest::submit(const std::string& id) {
  return http_call("POST",
                   url("nominations", "/api/nominations/v1/nominations/" + id + "/transitions"),
                   R"({"action":"submit"})", admin());
}

json E2eTest::sample_nomination(const std::string& subject) {
  return {{"period", "2026"},
          {"award", "gk_xa"},
          {"subject_kind", "individual"},
          {"subject_name", subject},
          {"reason", "Hoàn thành xuất sắc nhiệm vụ năm học; có sáng kiến được công nhận."}};
}

void E2eTest::link_zalo(const std::string& staff_id, const std::string& zalo_user_id) {
  auto nominations = [&](const std::string& path, const json& body) {
    return http_call("POST", url("nominations", "/api/nominations/v1" + path), body.dump(),
                     admin());
  };
  auto issued = nominations("/staff/" + staff_id + "/link-codes", json::object());
  ASSERT_EQ(issued.status, 201) << issued.body;
  json body = {{"code", json::parse(issued.body)["code"]}, {"zalo_user_id", zalo_user_id}};
  auto linked = nominations("/zalo-links", body);
  ASSERT_EQ(linked.status, 200) << linked.body;
}

std::vector<E2eTest::Decided> E2eTest::council_sitting(const std::string& date,
                                                       const std::string& zalo_prefix) {
  auto nominations = [&](const std::string& method, const std::string& path, const json& body) {
    return http_call(method, url("nominations", "/api/nominations/v1" + path), body.dump(),
                     admin());
  };
  std::vector<Decided> sitting;
  for (int i = 1; i <= 12; ++i) {
    Decided n{"Giáo viên Toán " + std::to_string(i), "", i != 4 && i != 9};
    auto body = sample_nomination(n.name);
    body["award"] = "gk_ht";
    auto created = post_nomination(body);
    EXPECT_EQ(created.status, 201) << created.body;
    if (created.status != 201) return {};
    n.id = json::parse(created.body).at("id");
    auto submitted = submit(n.id);
    EXPECT_EQ(submitted.status, 200) << submitted.body;
    if (submitted.status != 200) return {};
    if (!n.passes) link_zalo(add_staff(n.name), zalo_prefix + std::to_string(i));
    if (HasFatalFailure()) return {};
    sitting.push_back(n);
  }
  json sat = {{"date", date}, {"members_total", 9}, {"members_present", 9}};
  auto meeting = nominations("POST", "/council/meetings", sat);
  EXPECT_EQ(meeting.status, 201) << meeting.body;
  if (meeting.status != 201) return {};
  std::string meeting_id = json::parse(meeting.body).at("id");
  for (const auto& n : sitting) {
    std::string path = "/nominations/" + n.id;
    json vote = {{"meeting_id", meeting_id}, {"yes", n.passes ? 9 : 2}, {"no", n.passes ? 0 : 7}};
    json decision = {{"action", n.passes ? "approve" : "reject"}};
    if (!n.passes) decision["reason"] = "Chưa đủ minh chứng về sáng kiến";
    for (const auto& [method, step, step_body] :
         {std::tuple{"POST", "/transitions", json{{"action", "review"}}},
          std::tuple{"PUT", "/vote", vote}, std::tuple{"POST", "/transitions", decision}}) {
      auto reply = nominations(method, path + step, step_body);
      EXPECT_EQ(reply.status, 200) << method << " " << path << step << ": " << reply.body;
      if (reply.status != 200) return {};
    }
  }
  return sitting;
}

}  // namespace thidua::e2e
