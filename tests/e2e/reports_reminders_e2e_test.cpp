// The reports service as it runs: the real binary (two replicas where it matters) under
// libfaketime, so its clock reads 23 October 2027 without anyone waiting for it; the real
// nominations service for the units; the real notifications service with the fake Zalo Bot
// API for delivery. Nothing here sleeps for the hours between reminders: each step starts
// the replicas again at the instant it is about (reports_fixture.hpp).
#include "e2e/reports_fixture.hpp"

namespace thidua::testing::reports_e2e {
namespace {

// Runs now, without notifications' outbox: a delivery that cannot be made is recorded and
// retried, and everything a person reads follows the (fake) clock of the process.
TEST_F(ReportsE2e, UnderFaketimeTheServiceLivesOnTwentyThirdOctober2027) {
  // Nobody listens there: every delivery fails and stays due.
  auto reports =
      start_reports("2027-10-23 01:00:05", "http://127.0.0.1:" + std::to_string(free_port()));
  auto next = call(*reports, "GET", "/api/reports/v1/deadlines/next", 200);
  EXPECT_EQ(next["today"], "2027-10-23");
  EXPECT_EQ(next["due_date_vn"], "30/10/2027");
  EXPECT_EQ(next["days_left"], 7);

  submit(*reports, "to-toan-tin");
  auto part = call(*reports, "GET", "/api/reports/v1/contributions/2027/to-toan-tin", 200);
  EXPECT_EQ(part["status"], "submitted");
  EXPECT_EQ(part["late"], true);  // after the units' due date, 20/10
  EXPECT_EQ(part["submitted_at"].get<std::string>().substr(0, 10), "2027-10-23");

  auto deadlines = call(*reports, "GET", "/api/reports/v1/deadlines", 200);
  const auto& occurrence = deadlines["deadlines"][0]["occurrences"][0];
  EXPECT_EQ(occurrence["due_date"], "2027-10-30");
  EXPECT_EQ(occurrence["submitted"].size(), 1u);
  EXPECT_EQ(occurrence["missing"].size(), 5u);  // four other subject groups and the office

  int port = reports->port;
  bool tried = wait_until(
      [&] {
        auto r = http_call(
            "GET", "http://127.0.0.1:" + std::to_string(port) + "/api/reports/v1/reminders/2027",
            "", {{"Authorization", "Bearer " + kAdmin}});
        auto plan = json::parse(r.body, nullptr, false);
        if (!plan.is_object()) return false;
        for (const auto& e : plan["reminders"]) {
          if (e["offset"] == "T-7" && e["stage"] == "deadline") {
            return e["last_error"].is_string();
          }
        }
        return false;
      },
      20000);
  EXPECT_TRUE(tried) << "the planner never tried T-7";
  auto t7 = plan_entry(*reports, "T-7");
  EXPECT_EQ(t7["state"], "due");  // its time has come; notifications cannot be reached
  EXPECT_EQ(t7["at_local"], "23/10/2027 08:00");
  // The units' own T-30 (20/09), while the service was not running.
  auto t30 = plan_entry(*reports, "T-30", "units");
  EXPECT_EQ(t30["state"], "missed");
  EXPECT_EQ(t30["reason"], "stale");

  auto report = call(*reports, "GET", "/api/reports/v1/school-reports/2027", 200);
  EXPECT_EQ(report["totals"]["e_lessons"], 4);
  EXPECT_EQ(report["missing"].size(), 5u);
  auto page = http_call("GET", reports->url() + "/api/reports/v1/school-reports/2027/html", "",
                        {{"Authorization", "Bearer " + kAdmin}});
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Độc lập - Tự do - Hạnh phúc"), std::string::npos);
  auto figures = http_call("GET", reports->url() + "/api/reports/v1/public/figures?year=2027");
  EXPECT_EQ(figures.status, 200);
  EXPECT_EQ(json::parse(figures.body)["years"][0]["units_reported"], 1);
  reports->process.stop();
}

// The scenario end to end, through notifications' outbox to the fake Zalo Bot API.
TEST_F(ReportsE2e, RemindersReachTheGroupOnceWithOnlyTheUnitsStillOwing) {
  start_zalo_and_notifications("nhom-e2e");
  if (HasFatalFailure()) return;
  auto messages = [&] {
    auto calls = json::parse(http_call("GET", zalo_->url() + "/__fake/calls").body, nullptr, false);
    std::vector<std::string> texts;
    if (!calls.is_array()) return texts;
    for (const auto& c : calls) {
      if (c.value("method", "") == "sendMessage") texts.push_back(c.value("text", ""));
    }
    return texts;
  };
  auto wait_for_messages = [&](std::size_t n) {
    EXPECT_TRUE(wait_until([&] { return messages().size() >= n; }, 30000))
        << "expected " << n << " messages in the group";
  };

  // 1 October: Tổ Toán – Tin hands in its part early.
  {
    auto reports = start_reports("2027-10-01 03:00:00", notifications_->url());
    submit(*reports, "to-toan-tin");
    reports->process.stop();
  }
  // T-7 (23/10 08:00 in Vietnam): two replicas fire; the group receives one message.
  {
    auto a = start_reports("2027-10-23 01:00:05", notifications_->url());
    auto b = start_reports("2027-10-23 01:00:05", notifications_->url());
    wait_for_messages(1);
    // Both replicas tick several more times (every 200 ms) before the count is read.
    ASSERT_TRUE(wait_until([&] { return plan_entry(*a, "T-7")["state"] == "sent"; }));
    ::usleep(2000 * 1000);
    auto texts = messages();
    ASSERT_EQ(texts.size(), 1u);
    for (const char* owing : {"Tổ Ngữ văn", "Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội",
                              "Tổ Ngoại ngữ", "Tổ Văn phòng"}) {
      EXPECT_NE(texts[0].find(owing), std::string::npos) << owing << " in " << texts[0];
    }
    EXPECT_EQ(texts[0].find("Toán"), std::string::npos) << texts[0];
    submit(*a, "to-ngu-van");
    a->process.stop();
    b->process.stop();
  }
  // T-3: the unit that submitted is no longer named.
  {
    auto r = start_reports("2027-10-27 01:00:05", notifications_->url());
    wait_for_messages(2);
    auto texts = messages();
    EXPECT_EQ(texts[1].find("Tổ Ngữ văn"), std::string::npos) << texts[1];
    EXPECT_NE(texts[1].find("Tổ Văn phòng"), std::string::npos) << texts[1];
    r->process.stop();
  }
  // Down across T-1 (29/10 08:00), back two hours later: one catch-up message.
  {
    auto r = start_reports("2027-10-29 03:00:05", notifications_->url());
    wait_for_messages(3);
    ASSERT_TRUE(wait_until([&] { return plan_entry(*r, "T-1")["state"] == "sent"; }));
    ::usleep(1000 * 1000);
    EXPECT_EQ(messages().size(), 3u);
    EXPECT_NE(messages()[2].find("còn 1 ngày"), std::string::npos) << messages()[2];
    r->process.stop();
  }
  // Down two days: back on 31/10 at 07:00, the day-of reminder is 23 h old: missed, recorded.
  {
    auto r = start_reports("2027-10-31 00:00:05", notifications_->url());
    ASSERT_TRUE(wait_until([&] { return plan_entry(*r, "T0")["state"] == "missed"; }));
    EXPECT_EQ(plan_entry(*r, "T0")["reason"], "stale");
    EXPECT_EQ(messages().size(), 3u);
    r->process.stop();
  }
}

}  // namespace
}  // namespace thidua::testing::reports_e2e
