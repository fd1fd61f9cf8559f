#pragma once
// The reminder planner on a real redis-server, with its clock and its two neighbours
// (the units directory and the notifications outbox) replaced by test doubles that keep
// their contracts: the poster queues a key once and answers the first id again. The
// fixture the reports_planner_*_test.cpp files share.
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
#include "support/redis_pool_test.hpp"
#include "support/redis_server.hpp"

namespace thidua::reports::planner_test {
using namespace std::chrono;
using nlohmann::json;

// The use cases as the handlers call them (api/): the body parsed, the answer rendered.
inline Task<json> save_draft_json(ReportsApp& app, const Principal& who, int year,
                                  const std::string& unit, const json& body) {
  auto list = co_await app.indicators(year);
  auto part = parse_contribution(body, unit, year, list);
  auto saved = co_await app.save_draft(who, part);
  co_return to_json(saved);
}

inline Task<json> patch_draft_json(ReportsApp& app, const Principal& who, int year,
                                   const std::string& unit, const json& body) {
  auto list = co_await app.indicators(year);
  auto patch = parse_contribution_patch(body, list);
  auto saved = co_await app.patch_draft(who, year, unit, patch);
  co_return to_json(saved);
}

inline Task<json> submit_json(ReportsApp& app, const Principal& who, int year,
                              const std::string& unit, const json& body) {
  std::optional<Contribution> update;
  auto list = co_await app.indicators(year);
  if (!body.empty()) update = parse_contribution(body, unit, year, list);
  auto saved = co_await app.submit(who, year, unit, update);
  co_return to_json(saved);
}

inline Task<json> reopen_json(ReportsApp& app, const Principal& who, int year,
                              const std::string& unit, const json& body) {
  std::string reason = http::required_string(body, "reason", 500);
  auto part = co_await app.reopen(who, year, unit, reason);
  co_return to_json(part);
}

inline Task<json> mark_sent_json(ReportsApp& app, const Principal& who, int year, const json& body,
                                 const std::vector<IssuedDocument>& issued) {
  auto sent = parse_sent(body);
  auto report = co_await app.mark_sent(who, year, sent, issued);
  co_return to_json(report);
}

inline Task<json> deadlines_json(ReportsApp& app, int count) {
  auto view = co_await app.deadlines(count);
  co_return to_json(view);
}

inline Task<json> mark_done_json(ReportsApp& app, const Principal& who, const std::string& id,
                                 LocalDate due, const DoneMark& mark) {
  auto marked = co_await app.mark_done(who, id, due, mark);
  co_return occurrence_json(marked.deadline, marked.occurrences[0]);
}

inline Task<json> plan_json(ReminderPlanner& planner, int year) {
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
    if (!m.staff_id.empty() && m.reminder && reminders_off.count(m.staff_id)) {
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
inline Instant reminder_time(int days_before, seconds extra = seconds(0)) {
  return local_time(add_days({2027, 10, 30}, -days_before), 8, 0) + extra;
}

// The same from the units' own due date, 20/10/2027 (THIDUA_UNIT_DUE_DAY): the reminders to
// the units' leaders count to it (issue 14).
inline Instant units_time(int days_before, seconds extra = seconds(0)) {
  return local_time(add_days({2027, 10, 20}, -days_before), 8, 0) + extra;
}

class PlannerTest : public testing::RedisPoolTest {
 protected:
  void SetUp() override {
    RedisPoolTest::SetUp();
    store_ = std::make_unique<ReportsStore>(*pool_, Keyspace("test-school", "reports"));
    app_ = std::make_unique<ReportsApp>(*store_, directory_, clock_, ReportsSettings{}, &poster_);
    replica_a_ = make_planner("replica-a");
    replica_b_ = make_planner("replica-b");
    std::vector<Deadline> seed{yearly_report_deadline()};
    run([&]() -> Task<void> { co_await store_->seed_deadlines(seed); });
  }

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

  std::unique_ptr<ReportsStore> store_;
  ManualClock clock_;
  FixedDirectory directory_;
  RecordingPoster poster_;
  std::unique_ptr<ReportsApp> app_;
  std::unique_ptr<ReminderPlanner> replica_a_, replica_b_;
};

// Issue 13: the leaders of the units that still owe their part, as the catalogue has them.
// Tổ Ngữ văn has two leaders, one without Zalo; Tổ Toán – Tin's leader will have submitted.
inline void with_leaders(FixedDirectory& directory) {
  directory.staff = {
      {"gv-toan", "Lê Văn Toán", "to-toan-tin", "leader", "male", true},
      {"gv-hoa", "Nguyễn Thị Hoa", "to-ngu-van", "leader", "female", true},
      {"gv-nam", "Phạm Văn Nam", "to-ngu-van", "leader", "male", false},
      {"gv-van", "Trần Văn Văn", "to-ngu-van", "staff", "male", true},  // not a leader
      {"nv-lan", "Võ Thị Lan", "to-van-phong", "leader", "", true},
  };
}

inline std::string text_for(const RecordingPoster& poster, const std::string& key) {
  for (const auto& [k, text] : poster.messages) {
    if (k == key) return text;
  }
  return "";
}

inline json delivery_to(const json& entry, const std::string& to) {
  for (const auto& d : entry["deliveries"]) {
    if (d["to"] == to) return d;
  }
  return nullptr;
}

}  // namespace thidua::reports::planner_test
