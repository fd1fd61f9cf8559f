// Issue 14, units the school no longer has: deactivated in nominations' catalogue through its
// API, such a unit cannot be proposed nor take new members, and the real reports service
// (reading the catalogue over HTTP) no longer counts it as owing: not in the year's states,
// not in the deadline's missing list, not in the school's report, not in the group reminder.
// A part it submitted before it was deactivated stays in the year's report.
#include "e2e/reports_fixture.hpp"

namespace thidua::testing::reports_e2e {
namespace {

TEST_F(ReportsE2e, ADeactivatedUnitIsKeptInHistoryButOwesNothingAndCannotBeProposed) {
  const std::string units = "/api/nominations/v1/catalogue/units/";
  auto& noms = *nominations_;
  call(noms, "PUT", "/api/nominations/v1/catalogue/staff/gv-an", 200,
       {{"name", "Nguyễn Văn An"}, {"unit_id", "to-toan-tin"}, {"role", "staff"}});

  // Tổ Khoa học xã hội hands in its part of 2027 on 1 October, then the school merges it.
  {
    auto reports = start_reports("2027-10-01 03:00:00", "http://127.0.0.1:1");
    submit(*reports, "to-khxh");
    reports->process.stop();
  }
  for (const char* id : {"to-khxh", "to-ngoai-ngu"}) {
    auto unit = call(noms, "GET", "/api/nominations/v1/catalogue", 200)["units"];
    json body;
    for (const auto& u : unit) {
      if (u["id"] == id) body = u;
    }
    ASSERT_TRUE(body.is_object()) << id;
    EXPECT_EQ(body["active"], true);  // every seeded unit starts active
    body["active"] = false;
    auto stored = call(noms, "PUT", units + id, 200, body);
    EXPECT_EQ(stored["active"], false);
  }
  // Refused, each with a Vietnamese reason: a unit with people in it, the school itself, a
  // new member of a deactivated unit, a nomination of it.
  auto refused = call(noms, "PUT", units + "to-toan-tin", 422,
                      {{"name", "Tổ Toán – Tin"}, {"kind", "subject_group"}, {"active", false}});
  EXPECT_EQ(refused["code"], "unit_has_staff");
  EXPECT_NE(refused["detail"].get<std::string>().find("Nguyễn Văn An"), std::string::npos);
  refused = call(noms, "PUT", units + "truong", 422,
                 {{"name", "Trường THCS Vĩnh Phong 1"}, {"kind", "school"}, {"active", false}});
  EXPECT_EQ(refused["code"], "school_unit_kept");
  refused = call(noms, "PUT", "/api/nominations/v1/catalogue/staff/gv-moi", 422,
                 {{"name", "Trần Thị Mới"}, {"unit_id", "to-ngoai-ngu"}});
  EXPECT_EQ(refused["code"], "unit_inactive");
  refused = call(noms, "POST", "/api/nominations/v1/nominations", 422,
                 {{"period", "2027"},
                  {"award", "gk_xa"},
                  {"subject_kind", "collective"},
                  {"subject_id", "to-ngoai-ngu"}});
  EXPECT_EQ(refused["code"], "unit_inactive");
  EXPECT_NE(refused["detail"].get<std::string>().find("Tổ Ngoại ngữ đã ngừng hoạt động"),
            std::string::npos)
      << refused["detail"];

  start_zalo_and_notifications("nhom-e2e");
  if (HasFatalFailure()) return;
  // T-7 of the yearly report (23/10 08:00 in Vietnam), reminders to the group only.
  auto reports = start_reports("2027-10-23 01:00:05", notifications_->url(),
                               {{"THIDUA_REMINDER_AUDIENCE", "group"}});
  auto states = call(*reports, "GET", "/api/reports/v1/contributions/2027", 200)["units"];
  std::map<std::string, std::string> status;
  for (const auto& u : states) status[u["unit_id"]] = u["status"];
  EXPECT_EQ(status.count("to-ngoai-ngu"), 0u);
  EXPECT_EQ(status["to-khxh"], "submitted");  // kept: submitted before it was deactivated
  EXPECT_EQ(status.size(), 5u);               // four subject groups and the office

  auto occurrence =
      call(*reports, "GET", "/api/reports/v1/deadlines", 200)["deadlines"][0]["occurrences"][0];
  EXPECT_EQ(occurrence["missing"].size(), 4u) << occurrence.dump();
  EXPECT_EQ(occurrence.dump().find("to-ngoai-ngu"), std::string::npos) << occurrence.dump();
  auto report = call(*reports, "GET", "/api/reports/v1/school-reports/2027", 200);
  EXPECT_EQ(report["missing"].size(), 4u);
  EXPECT_EQ(report.dump().find("Tổ Ngoại ngữ"), std::string::npos);
  EXPECT_NE(report.dump().find("Tổ Khoa học xã hội"), std::string::npos);
  auto part = call(*reports, "PUT", "/api/reports/v1/contributions/2027/to-ngoai-ngu", 422,
                   {{"narratives", {{"II.4", "x"}}}});
  EXPECT_EQ(part["code"], "unit_inactive");

  std::string text;
  ASSERT_TRUE(wait_until(
      [&] {
        auto calls =
            json::parse(http_call("GET", zalo_->url() + "/__fake/calls").body, nullptr, false);
        for (const auto& c : calls.is_array() ? calls : json::array()) {
          if (c.value("method", "") == "sendMessage") text = c.value("text", "");
        }
        return !text.empty();
      },
      30000));
  EXPECT_NE(text.find("Tổ Ngữ văn"), std::string::npos) << text;
  EXPECT_EQ(text.find("Tổ Ngoại ngữ"), std::string::npos) << text;
  EXPECT_EQ(text.find("Tổ Khoa học xã hội"), std::string::npos) << text;
  reports->process.stop();
}

}  // namespace
}  // namespace thidua::testing::reports_e2e
