// Who may write a unit's part is decided on the catalogue as it is now, not as the reports
// service last cached it: a teacher made a unit's leader writes the part at once, and a leader
// moved to another unit can no longer write the old one (the standard "who the person is now").
#include "e2e/reports_fixture.hpp"

namespace thidua::testing::reports_e2e {
namespace {

TEST_F(ReportsE2e, ALeaderMadeAMomentAgoWritesAtOnceAndOneMovedAwayIsRefusedAtOnce) {
  auto& noms = *nominations_;
  auto reports = start_reports("2027-10-01 03:00:00", "http://127.0.0.1:1");
  // The year's states read the catalogue, so reports now holds a copy from before the change.
  call(*reports, "GET", "/api/reports/v1/contributions/2027", 200);

  const std::string staff = "/api/nominations/v1/catalogue/staff/gv-hoa";
  call(noms, "PUT", staff, 200,
       {{"name", "Lê Thị Hoa"}, {"unit_id", "to-toan-tin"}, {"role", "leader"}});
  auto token =
      call(noms, "POST", "/api/nominations/v1/tokens", 201, {{"staff_id", "gv-hoa"}})["token"]
          .get<std::string>();
  const std::map<std::string, std::string> as_hoa{{"Authorization", "Bearer " + token},
                                                  {"Content-Type", "application/json"}};
  const json part = {{"narratives", {{"II.4", "Tổ soạn bài giảng điện tử cho khối 6."}}}};
  auto write = [&](const std::string& unit) {
    return http_call("PUT", reports->url() + "/api/reports/v1/contributions/2027/" + unit,
                     part.dump(), as_hoa);
  };
  auto wrote = write("to-toan-tin");
  EXPECT_EQ(wrote.status, 200) << wrote.body;

  call(noms, "PUT", staff, 200,
       {{"name", "Lê Thị Hoa"}, {"unit_id", "to-ngu-van"}, {"role", "leader"}});
  auto refused = write("to-toan-tin");
  EXPECT_EQ(refused.status, 403) << refused.body;
  auto own = write("to-ngu-van");
  EXPECT_EQ(own.status, 200) << own.body;
}

}  // namespace
}  // namespace thidua::testing::reports_e2e
