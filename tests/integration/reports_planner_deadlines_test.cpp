// The deadlines other than the units' parts (reports_planner_fixture.hpp): served without
// the units, owed by the school itself (issue 14), owed by registrations of targets.
#include <gtest/gtest.h>

#include "reports_planner_fixture.hpp"

namespace thidua::reports::planner_test {
namespace {

TEST_F(PlannerTest, DeadlinesAreServedWhenTheUnitsCannotBeRead) {
  DownDirectory down;
  ReportsApp app(*store_, down, clock_, ReportsSettings{});
  Deadline school = yearly_report_deadline();
  school.id = "gui-xa";
  school.owed_by = Owner::School;
  run([&]() -> Task<void> { co_await store_->put_deadline(school); });
  clock_.set(reminder_time(20));

  auto body = runner_.run<json>([&]() -> Task<json> { co_return co_await deadlines_json(app, 2); });
  EXPECT_EQ(body["units"]["available"], false) << body.dump();
  EXPECT_EQ(body["units"]["detail"], "Không đọc được danh mục đơn vị.");
  ASSERT_EQ(body["deadlines"].size(), 2u) << body.dump();
  for (const auto& d : body["deadlines"]) {
    ASSERT_EQ(d["occurrences"].size(), 2u) << d.dump();
    for (const auto& o : d["occurrences"]) {
      EXPECT_TRUE(o.contains("due_date")) << o.dump();
      if (d["owed_by"] == "units") {
        EXPECT_TRUE(o["submitted"].is_null() && o["missing"].is_null()) << o.dump();
      } else {
        EXPECT_TRUE(o["missing"].is_array()) << "the school's own state needs no units";
      }
    }
  }
  auto with_units =
      runner_.run<json>([&]() -> Task<json> { co_return co_await deadlines_json(*app_, 2); });
  EXPECT_EQ(with_units["units"], json({{"available", true}}));
  EXPECT_TRUE(with_units["deadlines"][0]["occurrences"][0]["missing"].is_array());
}

// Issue 14: a deadline the school owes itself (the digital-transformation self-assessment,
// due 31 May) has its own completion. The yearly report marked sent does not complete it:
// its reminder says the school has not done it; once the board marks it done, the next says
// so, with the day; and the plan shows what went out.
TEST_F(PlannerTest, ASchoolOwedDeadlineRemindsOfItselfUntilTheBoardMarksItDone) {
  Deadline self;
  self.id = "tu-danh-gia-cds";
  self.name = "Tự đánh giá mức độ chuyển đổi số";
  self.recipient = "Sở Giáo dục và Đào tạo";
  self.month = 5;
  self.day = 31;
  self.owed_by = Owner::School;
  run([&]() -> Task<void> { co_await store_->put_deadline(self); });
  Principal admin{true, Role::Admin, "bootstrap-admin", "Ban giám hiệu"};
  // The year before's yearly report was marked sent: nothing to do with 31 May.
  clock_.set(local_time({2027, 5, 20}, 10, 0));
  json sent = {{"sent_on", "2027-05-20"}, {"number", "25/BC-THCSVP1"}};
  const std::vector<IssuedDocument> none;
  runner_.run<json>(
      [&]() -> Task<json> { co_return co_await mark_sent_json(*app_, admin, 2027, sent, none); });

  clock_.set(local_time({2027, 5, 24}, 8, 0) + seconds(5));  // T-7 of 31/05/2027
  EXPECT_EQ(tick(*replica_a_), 1);
  ASSERT_EQ(poster_.messages.size(), 1u);
  const auto& owes = poster_.messages[0];
  EXPECT_EQ(owes.first, "reports:tu-danh-gia-cds:2027-05-31:before-7");
  EXPECT_NE(owes.second.find("Tự đánh giá mức độ chuyển đổi số năm 2027"), std::string::npos);
  EXPECT_NE(owes.second.find("chưa xong"), std::string::npos) << owes.second;
  EXPECT_EQ(owes.second.find("đã gửi báo cáo"), std::string::npos) << owes.second;
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group"}));

  // Marking is for the school's own deadlines, on one of their due dates, not in the future.
  auto refused = [&](const std::string& id, LocalDate due, LocalDate on) {
    try {
      DoneMark mark;
      mark.done_on = on;
      runner_.run<json>(
          [&]() -> Task<json> { co_return co_await mark_done_json(*app_, admin, id, due, mark); });
    } catch (const ApiError& e) {
      return e.code();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refused("bao-cao-nam", {2027, 10, 30}, {2027, 5, 24}), "done_by_units");
  EXPECT_EQ(refused("khong-co", {2027, 5, 31}, {2027, 5, 24}), "deadline_not_found");
  EXPECT_EQ(refused("tu-danh-gia-cds", {2027, 5, 30}, {2027, 5, 24}), "no_such_occurrence");
  EXPECT_EQ(refused("tu-danh-gia-cds", {2027, 5, 31}, {2027, 5, 25}), "date_in_future");

  DoneMark mark{{2027, 5, 24}, "", "Nộp trên hệ thống của Sở"};
  auto occurrence = runner_.run<json>([&]() -> Task<json> {
    co_return co_await mark_done_json(*app_, admin, "tu-danh-gia-cds", {2027, 5, 31}, mark);
  });
  EXPECT_EQ(occurrence["done"]["done_on_vn"], "24/05/2027") << occurrence.dump();
  EXPECT_EQ(occurrence["done"]["via"], "mark");
  EXPECT_EQ(occurrence["done"]["marked_by"], "bootstrap-admin");
  EXPECT_EQ(occurrence["missing"].size(), 0u);

  clock_.set(local_time({2027, 5, 28}, 8, 0) + seconds(5));  // T-3
  EXPECT_EQ(tick(*replica_a_), 1);
  ASSERT_EQ(poster_.messages.size(), 2u);
  EXPECT_NE(poster_.messages[1].second.find("Nhà trường đã hoàn thành việc này ngày 24/05/2027"),
            std::string::npos)
      << poster_.messages[1].second;
  // The deadlines list says the same.
  auto list =
      runner_.run<json>([&]() -> Task<json> { co_return co_await deadlines_json(*app_, 1); });
  bool seen = false;
  for (const auto& d : list["deadlines"]) {
    if (d["id"] != "tu-danh-gia-cds") continue;
    seen = true;
    EXPECT_EQ(d["occurrences"][0]["done"]["note"], "Nộp trên hệ thống của Sở") << d.dump();
  }
  EXPECT_TRUE(seen);
  // No daily after the due date: nothing is owed.
  clock_.set(local_time({2027, 6, 1}, 8, 0) + seconds(5));
  EXPECT_EQ(tick(*replica_a_), 0);
  auto plan =
      runner_.run<json>([&]() -> Task<json> { co_return co_await plan_json(*replica_a_, 2027); });
  std::map<std::string, std::string> states;
  for (const auto& r : plan["reminders"]) {
    if (r["deadline_id"] == "tu-danh-gia-cds") {
      states[r["offset"].get<std::string>()] =
          r["state"].get<std::string>() + ":" +
          (r["reason"].is_null() ? "" : r["reason"].get<std::string>());
    }
  }
  EXPECT_EQ(states["T-30"], "missed:stale");  // 01/05: the planner was not running (this test)
  EXPECT_EQ(states["T-7"], "sent:");
  EXPECT_EQ(states["T-3"], "sent:");
  EXPECT_EQ(states["T-1"], "missed:stale");  // 30/05: nobody ticked that day here
  EXPECT_EQ(states["T+1"], "skipped:nothing_owed");
  EXPECT_EQ(states["T+2"], "planned:");
}

// Issue 14: a deadline owed by registrations of targets (the seed's 30/9). Units whose people
// have all registered (submitted is enough) are not named; the group hears the others with
// counts, their leaders the names; and while nominations cannot say who has registered, the
// reminder waits rather than says something wrong.
TEST_F(PlannerTest, ARegistrationDeadlineNamesOnlyTheUnitsThatStillOwe) {
  Deadline reg;
  reg.id = "dang-ky-thi-dua";
  reg.name = "Đăng ký danh hiệu và chỉ tiêu thi đua";
  reg.recipient = "Hội đồng Thi đua – Khen thưởng nhà trường";
  reg.month = 9;
  reg.day = 30;
  reg.owed_by = Owner::Registrations;
  run([&]() -> Task<void> { co_await store_->put_deadline(reg); });
  directory_.staff = {{"gv-toan", "Lê Văn Toán", "to-toan-tin", "leader", "male", true},
                      {"gv-an", "Trần Văn An", "to-toan-tin", "staff", "male", true},
                      {"gv-van", "Nguyễn Thị Hoa", "to-ngu-van", "leader", "female", true}};
  directory_.registrations_of[2027] = {
      {true, "truong", "confirmed"},      {true, "to-toan-tin", "submitted"},
      {false, "gv-toan", "submitted"},    {false, "gv-an", "draft"},
      {true, "to-ngu-van", "submitted"},  {false, "gv-van", "confirmed"},
      {true, "to-van-phong", "submitted"}};
  auto entry = [&] {
    auto plan =
        runner_.run<json>([&]() -> Task<json> { co_return co_await plan_json(*replica_a_, 2027); });
    for (const auto& r : plan["reminders"]) {
      if (r["key"] == "reports:dang-ky-thi-dua:2027-09-30:before-7") return r;
    }
    return json();
  };

  clock_.set(local_time({2027, 9, 23}, 8, 0) + seconds(5));  // T-7 of 30/09/2027
  directory_.registrations_down = true;
  EXPECT_EQ(tick(*replica_a_), 0);
  EXPECT_TRUE(poster_.messages.empty());
  EXPECT_EQ(entry()["state"], "due") << entry().dump();
  EXPECT_EQ(entry()["last_error"], "registrations_unavailable") << entry().dump();
  auto unread =
      runner_.run<json>([&]() -> Task<json> { co_return co_await deadlines_json(*app_, 1); });
  for (const auto& d : unread["deadlines"]) {
    if (d["id"] != "dang-ky-thi-dua") continue;
    const auto& o = d["occurrences"][0];
    EXPECT_EQ(o["registration"]["available"], false) << o.dump();
    EXPECT_EQ(o["registration"]["detail"], "Không đọc được danh sách đăng ký.");
    EXPECT_TRUE(o["missing"].is_null()) << o.dump();
  }

  directory_.registrations_down = false;
  clock_.set(local_time({2027, 9, 23}, 8, 1));
  EXPECT_EQ(tick(*replica_a_), 1);
  ASSERT_EQ(poster_.recipients, (std::vector<std::string>{"group", "gv-toan"}));
  const auto& group = poster_.messages[0].second;
  EXPECT_NE(group.find("Đăng ký danh hiệu và chỉ tiêu thi đua năm 2027"), std::string::npos);
  EXPECT_NE(group.find("Đơn vị chưa đăng ký đủ (1):\n- Tổ Toán – Tin: còn 1 thầy cô chưa đăng ký."),
            std::string::npos)
      << group;
  for (const char* done : {"Tổ Ngữ văn", "Tổ Văn phòng", "Trường THCS", "Trần Văn An"}) {
    EXPECT_EQ(group.find(done), std::string::npos) << done << " in " << group;
  }
  const auto& leader = poster_.messages[1].second;
  EXPECT_NE(leader.find("Chưa đăng ký: Trần Văn An."), std::string::npos) << leader;
  EXPECT_EQ(entry()["state"], "sent");

  auto listed =
      runner_.run<json>([&]() -> Task<json> { co_return co_await deadlines_json(*app_, 1); });
  json occurrence;
  for (const auto& d : listed["deadlines"]) {
    if (d["id"] == "dang-ky-thi-dua") occurrence = d["occurrences"][0];
  }
  EXPECT_EQ(occurrence["missing"], json::parse(R"([{"id":"to-toan-tin","name":"Tổ Toán – Tin"}])"));
  EXPECT_EQ(occurrence["registration"]["year"], 2027);
  EXPECT_EQ(occurrence["registration"]["units"].size(), 4u) << occurrence.dump();
  for (const auto& u : occurrence["registration"]["units"]) {
    if (u["id"] != "to-toan-tin") continue;
    EXPECT_EQ(u, json::parse(R"({"id":"to-toan-tin","name":"Tổ Toán – Tin","done":false,
      "unit_registered":true,"members":2,"unregistered":1,"awaiting_confirmation":2})"));
  }

  // Everyone has registered: the dailies after the day stop (nothing owed).
  directory_.registrations_of[2027].push_back({false, "gv-an", "submitted"});
  clock_.set(local_time({2027, 10, 1}, 8, 0) + seconds(5));
  tick(*replica_a_);
  EXPECT_EQ(poster_.recipients.size(), 2u);
}

}  // namespace
}  // namespace thidua::reports::planner_test
