// The reminder planner on a real redis-server, with its clock and its two neighbours
// (the units directory and the notifications outbox) replaced by test doubles that keep
// their contracts: the poster queues a key once and answers the first id again.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include "core/errors.hpp"
#include "http/json_io.hpp"
#include "redis/redis_pool.hpp"
#include "reports/api/contribution_json.hpp"
#include "reports/api/deadline_json.hpp"
#include "reports/api/reminder_plan_json.hpp"
#include "reports/api/school_report_json.hpp"
#include "reports/app/planner.hpp"
#include "reports/app/reports_app.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_server.hpp"

namespace thidua::reports {
namespace {
using namespace std::chrono;
using nlohmann::json;

// The use cases as the handlers call them (api/): the body parsed, the answer rendered.
Task<json> save_draft_json(ReportsApp& app, const Principal& who, int year, const std::string& unit,
                           const json& body) {
  auto list = co_await app.indicators(year);
  auto part = parse_contribution(body, unit, year, list);
  auto saved = co_await app.save_draft(who, part);
  co_return to_json(saved);
}

Task<json> patch_draft_json(ReportsApp& app, const Principal& who, int year,
                            const std::string& unit, const json& body) {
  auto list = co_await app.indicators(year);
  auto patch = parse_contribution_patch(body, list);
  auto saved = co_await app.patch_draft(who, year, unit, patch);
  co_return to_json(saved);
}

Task<json> submit_json(ReportsApp& app, const Principal& who, int year, const std::string& unit,
                       const json& body) {
  std::optional<Contribution> update;
  auto list = co_await app.indicators(year);
  if (!body.empty()) update = parse_contribution(body, unit, year, list);
  auto saved = co_await app.submit(who, year, unit, update);
  co_return to_json(saved);
}

Task<json> reopen_json(ReportsApp& app, const Principal& who, int year, const std::string& unit,
                       const json& body) {
  std::string reason = http::required_string(body, "reason", 500);
  auto part = co_await app.reopen(who, year, unit, reason);
  co_return to_json(part);
}

Task<json> mark_sent_json(ReportsApp& app, const Principal& who, int year, const json& body,
                          const std::vector<IssuedDocument>& issued) {
  auto sent = parse_sent(body);
  auto report = co_await app.mark_sent(who, year, sent, issued);
  co_return to_json(report);
}

Task<json> deadlines_json(ReportsApp& app, int count) {
  auto view = co_await app.deadlines(count);
  co_return to_json(view);
}

Task<json> mark_done_json(ReportsApp& app, const Principal& who, const std::string& id,
                          LocalDate due, const DoneMark& mark) {
  auto marked = co_await app.mark_done(who, id, due, mark);
  co_return occurrence_json(marked.deadline, marked.occurrences[0]);
}

Task<json> plan_json(ReminderPlanner& planner, int year) {
  auto plan = co_await planner.plan(year);
  co_return to_json(plan);
}

class ManualClock final : public Clock {
 public:
  Instant now() const override { return now_; }
  void set(Instant t) { now_ = t; }

 private:
  Instant now_{};
};

class FixedDirectory final : public UnitDirectory {
 public:
  Task<Directory> get() override {
    Directory d;
    d.units = {{"truong", "Trường THCS Vĩnh Phong 1", "school"},
               {"to-toan-tin", "Tổ Toán – Tin", "subject_group"},
               {"to-ngu-van", "Tổ Ngữ văn", "subject_group"},
               {"to-van-phong", "Tổ Văn phòng", "office"}};
    d.staff_unit = {{"gv-toan", "to-toan-tin"}, {"gv-van", "to-ngu-van"}};
    d.staff = staff;
    co_return d;
  }
  Task<Directory> current() override { return get(); }
  Task<std::vector<RegistrationRecord>> registrations(int year) override {
    if (registrations_down) {
      throw ApiError(503, "registrations_unavailable", "Không đọc được danh sách đăng ký.");
    }
    co_return registrations_of[year];
  }
  std::vector<StaffInfo> staff;  // none unless a test sets it
  std::map<int, std::vector<RegistrationRecord>> registrations_of;
  bool registrations_down = false;
};

// Nominations down, or no service token: what NominationsDirectory throws then.
class DownDirectory final : public UnitDirectory {
 public:
  Task<Directory> get() override {
    throw ApiError(503, "nominations_unavailable", "Không đọc được danh mục đơn vị.");
    co_return Directory{};
  }
  Task<Directory> current() override { return get(); }
  Task<std::vector<RegistrationRecord>> registrations(int) override {
    throw ApiError(503, "registrations_unavailable", "Không đọc được danh sách đăng ký.");
    co_return std::vector<RegistrationRecord>{};
  }
};

// Keeps the outbox's contract: a key queues once and answers the first id again; a private
// reminder to someone in `reminders_off` is withheld (not_sent), to someone in `unlinked`
// refused with staff_not_linked; `fail_next[staff id or "group"]` calls fail as a timeout.
class RecordingPoster final : public ReminderPoster {
 public:
  Task<PostResult> post(const OutgoingReminder& m) override {
    std::string to = m.staff_id.empty() ? "group" : m.staff_id;
    ++calls[to];
    if (fail_next[to] > 0) {
      --fail_next[to];
      co_return PostResult{PostResult::Kind::Retryable, "", "timeout", ""};
    }
    auto found = ids_.find(m.idempotency_key);
    if (found != ids_.end()) co_return PostResult{PostResult::Kind::Posted, found->second, "", ""};
    if (!m.staff_id.empty() && reminders_off.count(m.staff_id)) {
      co_return PostResult{PostResult::Kind::NotSent, "", "reminders_off", ""};
    }
    if (!m.staff_id.empty() && unlinked.count(m.staff_id)) {
      co_return PostResult{PostResult::Kind::Permanent, "", "HTTP 422 staff_not_linked",
                           "staff_not_linked"};
    }
    std::string id = "n-" + std::to_string(messages.size() + 1);
    ids_[m.idempotency_key] = id;
    messages.emplace_back(m.idempotency_key, m.text);
    recipients.push_back(to);
    co_return PostResult{PostResult::Kind::Posted, id, "", ""};
  }
  std::vector<std::pair<std::string, std::string>> messages;  // queued: key, text
  std::vector<std::string> recipients;                        // queued: "group" or staff id
  std::map<std::string, int> calls;                           // every call, by recipient
  std::map<std::string, int> fail_next;
  std::set<std::string> reminders_off, unlinked;

 private:
  std::map<std::string, std::string> ids_;
};

// 30/10/2027 minus `days`, at 08:00 in Vietnam, plus `extra`.
Instant reminder_time(int days_before, seconds extra = seconds(0)) {
  return local_time(add_days({2027, 10, 30}, -days_before), 8, 0) + extra;
}

// The same from the units' own due date, 20/10/2027 (THIDUA_UNIT_DUE_DAY): the reminders to
// the units' leaders count to it (issue 14).
Instant units_time(int days_before, seconds extra = seconds(0)) {
  return local_time(add_days({2027, 10, 20}, -days_before), 8, 0) + extra;
}

class PlannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.start();
    pool_ = std::make_unique<RedisPool>(
        runner_.loops(), RedisEndpoint::parse(server_.url(), "test"), RedisOptions{});
    pool_->start();
    store_ = std::make_unique<ReportsStore>(*pool_, Keyspace("test-school", "reports"));
    app_ = std::make_unique<ReportsApp>(*store_, directory_, clock_, ReportsSettings{});
    replica_a_ = make_planner("replica-a");
    replica_b_ = make_planner("replica-b");
    std::vector<Deadline> seed{yearly_report_deadline()};
    run([&]() -> Task<void> { co_await store_->seed_deadlines(seed); });
  }
  void TearDown() override { pool_->stop(); }

  std::unique_ptr<ReminderPlanner> make_planner(
      const std::string& owner, ReminderAudience audience = ReminderAudience::Both) {
    PlannerSettings s;
    s.owner = owner;
    s.tick = milliseconds(1000);
    s.audience = audience;
    s.dashboard_url = "https://thidua.example.edu.vn/admin/";
    return std::make_unique<ReminderPlanner>(*store_, directory_, poster_, clock_, s);
  }
  void run(std::function<Task<void>()> make) { runner_.run_void(std::move(make)); }
  int tick(ReminderPlanner& p) {
    return runner_.run<int>([&p]() -> Task<int> { co_return co_await p.tick(); });
  }
  void submit(const std::string& unit, Instant at) {
    clock_.set(at);
    Principal admin{true, Role::Admin, "bootstrap-admin", "Ban giám hiệu"};
    json body = {{"figures", {{"e_lessons", 3}}}, {"narratives", {{"II.4", "Bài giảng điện tử"}}}};
    runner_.run<json>(
        [&]() -> Task<json> { co_return co_await submit_json(*app_, admin, 2027, unit, body); });
  }
  // The reminder `offset` of 30/10/2027's series ("deadline"), or of the units' own ("units",
  // counting to 20/10/2027).
  json plan_entry(const std::string& offset, const std::string& stage = "deadline") {
    auto plan =
        runner_.run<json>([&]() -> Task<json> { co_return co_await plan_json(*replica_a_, 2027); });
    for (const auto& r : plan["reminders"]) {
      if (r["offset"] == offset && r["stage"] == stage && r["deadline_id"] == "bao-cao-nam") {
        return r;
      }
    }
    return nullptr;
  }

  testing::RedisServer server_;
  testing::LoopRunner runner_;
  std::unique_ptr<RedisPool> pool_;
  std::unique_ptr<ReportsStore> store_;
  ManualClock clock_;
  FixedDirectory directory_;
  RecordingPoster poster_;
  std::unique_ptr<ReportsApp> app_;
  std::unique_ptr<ReminderPlanner> replica_a_, replica_b_;
};

TEST_F(PlannerTest, AtTMinus7TwoReplicasPostOneReminderNamingTheUnitsStillOwing) {
  submit("to-toan-tin", reminder_time(10));
  clock_.set(reminder_time(7, seconds(5)));
  EXPECT_EQ(tick(*replica_a_) + tick(*replica_b_), 1);
  ASSERT_EQ(poster_.messages.size(), 1u);
  const auto& [key, text] = poster_.messages[0];
  EXPECT_EQ(key, "reports:bao-cao-nam:2027-10-30:before-7");
  EXPECT_NE(text.find("Tổ Ngữ văn, Tổ Văn phòng"), std::string::npos) << text;
  EXPECT_EQ(text.find("Toán"), std::string::npos) << text;
  EXPECT_NE(text.find("còn 7 ngày"), std::string::npos) << text;

  // Even with the lease gone (its holder crashed), the other replica does not post again.
  server_.cmd({"DEL", "{test-school}:reports:planner:lease"});
  EXPECT_EQ(tick(*replica_b_), 0);
  EXPECT_EQ(poster_.messages.size(), 1u);
  auto entry = plan_entry("T-7");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(entry["notification_id"], "n-1");
}

TEST_F(PlannerTest, AUnitThatSubmitsIsNoLongerNamedAtTMinus3) {
  clock_.set(reminder_time(7, seconds(5)));
  tick(*replica_a_);
  ASSERT_EQ(poster_.messages.size(), 1u);
  EXPECT_NE(poster_.messages[0].second.find("Tổ Toán – Tin"), std::string::npos);
  submit("to-toan-tin", reminder_time(5));
  clock_.set(reminder_time(3, seconds(5)));
  tick(*replica_a_);
  ASSERT_EQ(poster_.messages.size(), 2u);
  const auto& text = poster_.messages[1].second;
  EXPECT_EQ(text.find("Tổ Toán – Tin"), std::string::npos) << text;
  EXPECT_NE(text.find("Tổ Ngữ văn, Tổ Văn phòng"), std::string::npos) << text;
}

TEST_F(PlannerTest, DownAcrossTMinus1AndBackTwoHoursLaterCatchesUpOnce) {
  clock_.set(reminder_time(3, seconds(5)));
  tick(*replica_a_);
  ASSERT_EQ(poster_.messages.size(), 1u);
  clock_.set(reminder_time(1, hours(2)));
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_EQ(tick(*replica_a_), 0);
  ASSERT_EQ(poster_.messages.size(), 2u);
  EXPECT_EQ(poster_.messages[1].first, "reports:bao-cao-nam:2027-10-30:before-1");
  EXPECT_NE(poster_.messages[1].second.find("còn 1 ngày"), std::string::npos);
}

TEST_F(PlannerTest, DownTwoDaysRecordsWhatWasMissedAndWhy) {
  clock_.set(reminder_time(3, seconds(5)));
  tick(*replica_a_);
  // Back on 31/10 at 07:00: T-1 (47 h ago) and the day itself (23 h ago) are both stale.
  clock_.set(reminder_time(1, hours(47)));
  EXPECT_EQ(tick(*replica_a_), 0);
  EXPECT_EQ(poster_.messages.size(), 1u);
  for (const char* offset : {"T-1", "T0"}) {
    auto entry = plan_entry(offset);
    EXPECT_EQ(entry["state"], "missed") << offset;
    EXPECT_EQ(entry["reason"], "stale") << offset;
    EXPECT_FALSE(entry["recorded_at"].is_null()) << "recorded when the service came back";
  }
  EXPECT_EQ(plan_entry("T+1")["state"], "planned");
  // The first daily after the deadline is overdue and addressed to the board as well.
  clock_.set(reminder_time(-1, minutes(1)));
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_NE(poster_.messages.back().second.find("QUÁ HẠN 1 ngày"), std::string::npos);
  EXPECT_NE(poster_.messages.back().second.find("Ban giám hiệu"), std::string::npos);
}

TEST_F(PlannerTest, WhenEveryoneHasSubmittedTheDailiesStop) {
  for (const char* unit : {"to-toan-tin", "to-ngu-van", "to-van-phong"}) {
    submit(unit, reminder_time(20));
  }
  // 17/10: three days before the units' own due date (20/10), their reminder.
  clock_.set(reminder_time(13, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 1);  // "say" by default
  EXPECT_NE(poster_.messages[0].second.find("Tất cả các đơn vị đã nộp"), std::string::npos);
  clock_.set(reminder_time(-1, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 0);
  auto entry = plan_entry("T+1");
  EXPECT_EQ(entry["state"], "skipped");
  EXPECT_EQ(entry["reason"], "nothing_owed");
}

// Issue 13: the leaders of the units that still owe their part, as the catalogue has them.
// Tổ Ngữ văn has two leaders, one without Zalo; Tổ Toán – Tin's leader will have submitted.
void with_leaders(FixedDirectory& directory) {
  directory.staff = {
      {"gv-toan", "Lê Văn Toán", "to-toan-tin", "leader", "male", true},
      {"gv-hoa", "Nguyễn Thị Hoa", "to-ngu-van", "leader", "female", true},
      {"gv-nam", "Phạm Văn Nam", "to-ngu-van", "leader", "male", false},
      {"gv-van", "Trần Văn Văn", "to-ngu-van", "staff", "male", true},  // not a leader
      {"nv-lan", "Võ Thị Lan", "to-van-phong", "leader", "", true},
  };
}

std::string text_for(const RecordingPoster& poster, const std::string& key) {
  for (const auto& [k, text] : poster.messages) {
    if (k == key) return text;
  }
  return "";
}

json delivery_to(const json& entry, const std::string& to) {
  for (const auto& d : entry["deliveries"]) {
    if (d["to"] == to) return d;
  }
  return nullptr;
}

TEST_F(PlannerTest, BothTellTheGroupAndEachOwingUnitsLinkedLeaderOnce) {
  with_leaders(directory_);
  submit("to-toan-tin", units_time(10));
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*replica_a_) + tick(*replica_b_), 1);
  const std::string key = "reports:bao-cao-nam:2027-10-20:units:before-7";
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group", "gv-hoa", "nv-lan"}));
  EXPECT_NE(text_for(poster_, key).find("Tổ Ngữ văn, Tổ Văn phòng"), std::string::npos);
  auto hoa = text_for(poster_, key + ":gv-hoa");
  EXPECT_EQ(hoa.rfind("Kính gửi cô Nguyễn Thị Hoa,\nTổ Ngữ văn chưa nộp phần báo cáo", 0), 0u)
      << hoa;
  EXPECT_NE(hoa.find("Hạn chót: 20/10/2027, còn 7 ngày."), std::string::npos) << hoa;
  EXPECT_NE(hoa.find("Cô soạn và nộp phần của tổ trên trang thi đua của trường: "
                     "https://thidua.example.edu.vn/admin/"),
            std::string::npos)
      << hoa;
  EXPECT_NE(hoa.find("cô gõ /tatnhac"), std::string::npos) << hoa;
  EXPECT_EQ(hoa.find("Tổ Văn phòng"), std::string::npos) << "only her own unit: " << hoa;
  // The record does not say Lan's gender: "thầy cô".
  EXPECT_EQ(text_for(poster_, key + ":nv-lan").rfind("Kính gửi thầy cô Võ Thị Lan,", 0), 0u);

  auto entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(entry["notification_id"], "n-1");
  ASSERT_EQ(entry["deliveries"].size(), 4u) << entry.dump();
  EXPECT_EQ(delivery_to(entry, "group")["outcome"], "sent");
  EXPECT_EQ(delivery_to(entry, "gv-hoa"), json({{"to", "gv-hoa"},
                                                {"unit_id", "to-ngu-van"},
                                                {"outcome", "sent"},
                                                {"notification_id", "n-2"}}));
  EXPECT_EQ(delivery_to(entry, "gv-nam")["outcome"], "not_linked");
  EXPECT_TRUE(delivery_to(entry, "gv-toan").is_null()) << "his unit has submitted";

  // Lease gone (its holder crashed): nothing goes out twice.
  server_.cmd({"DEL", "{test-school}:reports:planner:lease"});
  EXPECT_EQ(tick(*replica_b_), 0);
  EXPECT_EQ(poster_.messages.size(), 3u);
}

TEST_F(PlannerTest, GroupOnlyAndPrivateOnly) {
  with_leaders(directory_);
  auto group_only = make_planner("replica-g", ReminderAudience::Group);
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*group_only), 1);
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group"}));

  auto private_only = make_planner("replica-p", ReminderAudience::Private);
  server_.cmd({"DEL", "{test-school}:reports:planner:lease"});
  clock_.set(units_time(3, seconds(5)));
  EXPECT_EQ(tick(*private_only), 1);
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group", "gv-toan", "gv-hoa", "nv-lan"}));
  auto entry = plan_entry("T-3", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_TRUE(entry["notification_id"].is_null()) << "no group message";
  EXPECT_TRUE(delivery_to(entry, "group").is_null());

  // Overdue, private only: the leaders hear it is overdue.
  server_.cmd({"DEL", "{test-school}:reports:planner:lease"});
  clock_.set(units_time(-2, seconds(5)));
  EXPECT_EQ(tick(*private_only), 1);
  auto overdue = text_for(poster_, "reports:bao-cao-nam:2027-10-20:units:after-2:gv-hoa");
  EXPECT_NE(overdue.find("Hạn chót: 20/10/2027, đã quá hạn 2 ngày."), std::string::npos) << overdue;
}

TEST_F(PlannerTest, PrivateOnlyWithNobodyToWriteToIsSkippedAndSaysWhy) {
  directory_.staff = {{"gv-nam", "Phạm Văn Nam", "to-ngu-van", "leader", "male", false}};
  auto private_only = make_planner("replica-p", ReminderAudience::Private);
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*private_only), 0);
  EXPECT_TRUE(poster_.messages.empty());
  auto entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "skipped");
  EXPECT_EQ(entry["reason"], "no_recipient");
  EXPECT_EQ(delivery_to(entry, "gv-nam")["outcome"], "not_linked");
}

// Notifications withholds a reminder from someone who said /tatnhac, and answers so; a
// leader who unlinked a moment ago is refused: both are recorded, neither is an error.
TEST_F(PlannerTest, RemindersOffAndUnlinkedAreRecordedNotFailed) {
  with_leaders(directory_);
  poster_.reminders_off = {"gv-hoa"};
  poster_.unlinked = {"nv-lan"};
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group", "gv-toan"}));
  auto entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(delivery_to(entry, "gv-hoa")["outcome"], "reminders_off");
  EXPECT_EQ(delivery_to(entry, "nv-lan")["outcome"], "not_linked");
  EXPECT_TRUE(entry["last_error"].is_null());
}

// A failure half-way (the group's message queued, a leader's not): the retry posts only what
// is still to do, and nothing reaches anyone twice.
TEST_F(PlannerTest, ARetryAfterAFailureHalfWaySendsOnlyWhatIsLeft) {
  with_leaders(directory_);
  poster_.fail_next["nv-lan"] = 1;
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 0);
  auto entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "due");  // its time has passed: being sent, never "planned"
  EXPECT_EQ(entry["last_error"], "timeout");
  EXPECT_EQ(entry["deliveries"].size(), 3u) << entry.dump();  // group, gv-toan, gv-hoa

  clock_.set(units_time(7, seconds(40)));
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group", "gv-toan", "gv-hoa", "nv-lan"}));
  EXPECT_EQ(poster_.calls["group"], 1);
  EXPECT_EQ(poster_.calls["gv-hoa"], 1);
  EXPECT_EQ(poster_.calls["nv-lan"], 2);
  entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(entry["deliveries"].size(), 5u) << entry.dump();

  // A crash between posting and recording: the record is lost, the keys are not. Every
  // message is posted again with its own key, and the outbox queues none of them twice.
  server_.cmd(
      {"DEL", "{test-school}:reports:reminder:reports:bao-cao-nam:2027-10-20:units:before-7"});
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_EQ(poster_.messages.size(), 4u);
  EXPECT_EQ(poster_.calls["gv-hoa"], 2);
  EXPECT_EQ(plan_entry("T-7", "units")["notification_id"], "n-1");
}

// The group's message went out, a leader's never could, and the catch-up window closed: the
// reminder was sent (to those its deliveries name), not "skipped".
TEST_F(PlannerTest, APartlySentReminderWhoseRetriesRunOutIsRecordedSent) {
  with_leaders(directory_);
  poster_.fail_next["gv-hoa"] = 1000;
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 0);
  clock_.set(units_time(7, hours(13)));
  EXPECT_EQ(tick(*replica_a_), 1);
  auto entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(entry["notification_id"], "n-1");
  EXPECT_TRUE(delivery_to(entry, "gv-hoa").is_null());
}

// The units' day-of reminder, whose group message went out before a failure, then every unit
// submits: nothing is owed any more, but what went out did; it is recorded sent.
TEST_F(PlannerTest, APartlySentReminderIsRecordedSentWhenNothingIsOwedAnyMore) {
  with_leaders(directory_);
  poster_.fail_next["gv-toan"] = 1;
  clock_.set(units_time(0, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 0);
  EXPECT_EQ(poster_.recipients, std::vector<std::string>{"group"});
  for (const char* unit : {"to-toan-tin", "to-ngu-van", "to-van-phong"}) {
    submit(unit, units_time(0, minutes(2)));
  }
  clock_.set(units_time(0, minutes(3)));
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_EQ(poster_.recipients, std::vector<std::string>{"group"});
  auto entry = plan_entry("T0", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(entry["notification_id"], "n-1");
}

TEST_F(PlannerTest, AYearWithNothingDueThisWeekPlansButSendsNothing) {
  clock_.set(local_time({2027, 3, 1}, 8, 0));
  EXPECT_EQ(tick(*replica_a_), 0);
  EXPECT_TRUE(poster_.messages.empty());
  auto plan =
      runner_.run<json>([&]() -> Task<json> { co_return co_await plan_json(*replica_a_, 2027); });
  // The units' own series (20/10: six offsets, then nine dailies up to 29/10) and the
  // deadline's after the units' date (T-7, T-3, T-1, the day, ten dailies).
  ASSERT_EQ(plan["reminders"].size(), 6u + 9u + 4u + 10u);
  for (const auto& r : plan["reminders"]) EXPECT_EQ(r["state"], "planned") << r.dump();
  EXPECT_EQ(plan["reminders"][0]["key"], "reports:bao-cao-nam:2027-10-20:units:before-30");
  EXPECT_EQ(plan["reminders"][0]["at_local"], "20/09/2027 08:00");
  auto t7 = plan_entry("T-7");
  EXPECT_EQ(t7["at_local"], "23/10/2027 08:00");
  EXPECT_EQ(t7["at"], "2027-10-23T01:00:00Z");
}

TEST_F(PlannerTest, LateSubmissionsAreAcceptedAndMarkedLate) {
  submit("to-toan-tin", local_time({2027, 10, 20}, 23, 59));  // on the units' due date
  submit("to-ngu-van", local_time({2027, 10, 21}, 0, 1));
  auto parts = runner_.run<std::vector<Contribution>>(
      [&]() -> Task<std::vector<Contribution>> { co_return co_await store_->contributions(2027); });
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_FALSE(parts[1].late);  // sorted by unit id: to-ngu-van, to-toan-tin
  EXPECT_TRUE(parts[0].late);
  EXPECT_EQ(parts[1].submitted_by, "bootstrap-admin");
}

TEST_F(PlannerTest, LeadersWriteOnlyTheirOwnUnitsPart) {
  clock_.set(local_time({2027, 10, 1}, 9, 0));
  Principal leader{true, Role::Leader, "gv-van", "Tổ trưởng Ngữ văn"};
  json body = {{"narratives", {{"II.1", "Họp tổ"}}}};
  auto saved = runner_.run<json>([&]() -> Task<json> {
    co_return co_await save_draft_json(*app_, leader, 2027, "to-ngu-van", body);
  });
  EXPECT_EQ(saved["status"], "draft");
  EXPECT_THROW(runner_.run<json>([&]() -> Task<json> {
    co_return co_await save_draft_json(*app_, leader, 2027, "to-toan-tin", body);
  }),
               ApiError);
  runner_.run<json>([&]() -> Task<json> {
    co_return co_await submit_json(*app_, leader, 2027, "to-ngu-van", json::object());
  });
  // Submitted: the leader can no longer change it.
  EXPECT_THROW(runner_.run<json>([&]() -> Task<json> {
    co_return co_await save_draft_json(*app_, leader, 2027, "to-ngu-van", body);
  }),
               ApiError);
}

TEST_F(PlannerTest, TheSchoolsReportAddsUpThePartsAndIsMarkedSentByAnAdmin) {
  submit("to-toan-tin", reminder_time(12));
  submit("to-van-phong", reminder_time(11));
  clock_.set(local_time({2027, 10, 29}, 15, 0));
  auto report = runner_.run<SchoolReport>(
      [&]() -> Task<SchoolReport> { co_return co_await app_->school_report(2027); });
  EXPECT_EQ(report.totals().at("e_lessons"), 6);
  ASSERT_EQ(report.missing().size(), 1u);
  EXPECT_EQ(report.missing()[0]->id, "to-ngu-van");
  EXPECT_FALSE(report.sent);

  Principal admin{true, Role::Admin, "bootstrap-admin", "Ban giám hiệu"};
  json tomorrow = {{"sent_on", "2027-10-30"}, {"number", "25/BC-THCSVP1"}};
  const std::vector<IssuedDocument> none;  // issued outside the system: the number as written
  EXPECT_THROW(runner_.run<json>([&]() -> Task<json> {
    co_return co_await mark_sent_json(*app_, admin, 2027, tomorrow, none);
  }),
               ApiError);
  json today = {{"sent_on", "2027-10-29"}, {"number", "25/BC-THCSVP1"}};
  auto sent = runner_.run<json>(
      [&]() -> Task<json> { co_return co_await mark_sent_json(*app_, admin, 2027, today, none); });
  EXPECT_EQ(sent["status"], "sent");
  EXPECT_EQ(sent["sent"]["number"], "25/BC-THCSVP1");
  EXPECT_EQ(sent["sent"]["sent_on_vn"], "29/10/2027");

  // A deadline the school owes whose document is the yearly report is done once the report
  // is marked sent; another the school owes is not (issue 14).
  Deadline school_owes = yearly_report_deadline();
  school_owes.owed_by = Owner::School;
  auto owing_of = [&](const Deadline& d) {
    return runner_.run<Owing>([&]() -> Task<Owing> {
      auto dir = co_await directory_.get();
      co_return co_await who_owes(*store_, directory_, dir, d, {2027, 10, 30},
                                  "Trường THCS Vĩnh Phong 1");
    });
  };
  EXPECT_EQ(owing_of(school_owes).missing.size(), 1u);
  school_owes.document = "yearly_report";
  auto owing = owing_of(school_owes);
  EXPECT_TRUE(owing.missing.empty());
  ASSERT_EQ(owing.done.size(), 1u);
  ASSERT_TRUE(owing.completed);
  EXPECT_EQ(owing.completed->via, "yearly_report");
}

// GET /deadlines answered 503 when nominations was unreachable: the deadlines are reports' own.
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

}  // namespace
}  // namespace thidua::reports

namespace thidua::reports {
namespace {

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

}  // namespace
}  // namespace thidua::reports

namespace thidua::reports {
namespace {

// Issue 14 on a real Redis: two edits of different areas both stand; a PUT still replaces the
// whole part, as the README says; a submitted part is not the leader's to patch.
TEST_F(PlannerTest, APatchChangesOnlyWhatItNames) {
  clock_.set(reminder_time(20));
  Principal admin{true, Role::Admin, "bootstrap-admin", "Ban giám hiệu"};
  Principal leader{true, Role::Leader, "gv-toan", "Lê Văn Toán"};
  auto patch = [&](const Principal& who, const json& body) {
    return runner_.run<json>([&]() -> Task<json> {
      co_return co_await patch_draft_json(*app_, who, 2027, "to-toan-tin", body);
    });
  };
  patch(leader, {{"narratives", {{"II.1", "Sinh hoạt chuyên môn về AI."}}},
                 {"figures", {{"it_ai_stem_meetings", 3}}}});
  auto part = patch(
      admin, {{"narratives", {{"II.4", "Bài giảng điện tử."}}}, {"figures", {{"e_lessons", 12}}}});
  EXPECT_EQ(part["narratives"]["II.1"], "Sinh hoạt chuyên môn về AI.") << part.dump();
  EXPECT_EQ(part["figures"]["it_ai_stem_meetings"], 3);
  EXPECT_EQ(part["figures"]["e_lessons"], 12);
  EXPECT_EQ(part["updated_by"], "bootstrap-admin");

  json whole = {{"narratives", {{"II.4", "Chỉ còn nội dung này."}}}};
  part = runner_.run<json>([&]() -> Task<json> {
    co_return co_await save_draft_json(*app_, leader, 2027, "to-toan-tin", whole);
  });
  EXPECT_FALSE(part["narratives"].contains("II.1")) << "PUT replaces the whole part";
  EXPECT_EQ(part["figures"]["it_ai_stem_meetings"], 0);

  submit("to-toan-tin", reminder_time(15));
  json late = {{"proposals", "Thêm máy chiếu."}};
  EXPECT_THROW(patch(leader, late), ApiError);
  part = patch(admin, late);  // the board may still correct a submitted part
  EXPECT_EQ(part["status"], "submitted");
  EXPECT_EQ(part["proposals"], "Thêm máy chiếu.");
  EXPECT_EQ(part["narratives"]["II.4"], "Bài giảng điện tử") << part.dump();
}

}  // namespace
}  // namespace thidua::reports

namespace thidua::reports {
namespace {

// Issue 14: the board reopens a submitted part with a reason; it is in the part's history,
// the unit edits and submits it again.
TEST_F(PlannerTest, TheBoardReopensASubmittedPartWithAReasonRecorded) {
  Principal admin{true, Role::Admin, "bootstrap-admin", "Ban giám hiệu"};
  Principal leader{true, Role::Leader, "gv-toan", "Lê Văn Toán"};
  auto reopen = [&](const json& body) {
    return runner_.run<json>([&]() -> Task<json> {
      co_return co_await reopen_json(*app_, admin, 2027, "to-toan-tin", body);
    });
  };
  submit("to-toan-tin", reminder_time(15));
  json why = {{"reason", "Thiếu số liệu nội dung II.2."}};
  clock_.set(reminder_time(14));
  auto part = reopen(why);
  EXPECT_EQ(part["status"], "draft");
  EXPECT_TRUE(part["submitted_at"].is_null());
  ASSERT_EQ(part["history"].size(), 2u) << part.dump();
  EXPECT_EQ(part["history"][0]["action"], "submitted");
  EXPECT_EQ(part["history"][1]["action"], "reopened");
  EXPECT_EQ(part["history"][1]["reason"], "Thiếu số liệu nội dung II.2.");
  EXPECT_EQ(part["history"][1]["by"], "bootstrap-admin");
  try {
    reopen(why);
    ADD_FAILURE() << "a draft is not reopened";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "not_submitted");
  }
  // The leader edits and submits again.
  json fix = {{"figures", {{"staff_trained_digital_skills", 9}}}};
  runner_.run<json>([&]() -> Task<json> {
    co_return co_await patch_draft_json(*app_, leader, 2027, "to-toan-tin", fix);
  });
  submit("to-toan-tin", reminder_time(12));
  part = runner_.run<json>([&]() -> Task<json> {
    auto read = co_await app_->contribution(admin, 2027, "to-toan-tin");
    co_return to_json(read);
  });
  EXPECT_EQ(part["status"], "submitted");
  EXPECT_EQ(part["history"].size(), 3u);
}

}  // namespace
}  // namespace thidua::reports

namespace thidua::reports {
namespace {

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
}  // namespace thidua::reports
