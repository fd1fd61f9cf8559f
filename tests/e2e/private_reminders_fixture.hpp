#pragma once
// Issue 13 through the real services: the fixture the private reminders' tests share
// (reports_private_reminders_e2e_test.cpp, reports_deadline_reminders_e2e_test.cpp). The
// staff group and the leaders on the fake Zalo Bot API, the bot long-polling it, reports
// under libfaketime at each reminder's instant (reports_fixture.hpp).
#include <unistd.h>

#include "e2e/reports_fixture.hpp"

namespace thidua::testing::reports_e2e {

inline const std::string kGroup = "nhom-e2e";

class PrivateReminders : public ReportsE2e {
 protected:
  void SetUp() override {
    ReportsE2e::SetUp();
    if (HasFatalFailure()) return;
    start_zalo_and_notifications(kGroup, {{"FAKE_ZALO_POLL_WAIT_MS", "200"}},
                                 {{"THIDUA_BOT_MODE", "polling"},
                                  {"THIDUA_POLL_TIMEOUT_S", "1"},
                                  {"THIDUA_NOMINATIONS_URL", nominations_->url()}});
    if (HasFatalFailure()) return;
    ASSERT_TRUE(wait_until([&] {
      return http_call("GET", nominations_->url() + "/api/nominations/v1/catalogue", "",
                       {{"Authorization", "Bearer " + kAdmin}})
                 .status == 200;
    }));
  }

  // The texts the fake Zalo took for `chat`, in order.
  std::vector<std::string> texts_to(const std::string& chat) {
    auto calls = json::parse(http_call("GET", zalo_->url() + "/__fake/calls").body, nullptr, false);
    std::vector<std::string> out;
    if (!calls.is_array()) return out;
    for (const auto& c : calls) {
      if (c.value("method", "") == "sendMessage" && c.value("outcome", "") == "ok" &&
          c.value("chat_id", "") == chat) {
        out.push_back(c.value("text", ""));
      }
    }
    return out;
  }

  // What `zalo_id` types to the bot in a private chat, and the bot's answer.
  std::string say(const std::string& zalo_id, const std::string& text) {
    std::size_t before = texts_to(zalo_id).size();
    json update = {{"event_name", "message.text.received"},
                   {"message",
                    {{"message_id", "m-" + std::to_string(++said_)},
                     {"date", 1822000000000LL},
                     {"text", text},
                     {"from", {{"id", zalo_id}, {"is_bot", false}}},
                     {"chat", {{"id", zalo_id}, {"chat_type", "PRIVATE"}}}}}};
    http_call("POST", zalo_->url() + "/__fake/updates", update.dump(),
              {{"Content-Type", "application/json"}});
    std::string answer;
    wait_until(
        [&] {
          auto texts = texts_to(zalo_id);
          if (texts.size() > before) answer = texts[before];
          return !answer.empty();
        },
        15000);
    return answer;
  }

  // A staff record, linked to `zalo_id` as a person does it (a code from the board, then
  // /lienket to the bot) unless `zalo_id` is empty.
  void add_staff(const std::string& id, const std::string& name, const std::string& unit,
                 const std::string& role, const json& gender, const std::string& zalo_id) {
    json staff = {{"name", name}, {"unit_id", unit}, {"role", role}, {"gender", gender}};
    call(*nominations_, "PUT", "/api/nominations/v1/catalogue/staff/" + id, 200, staff);
    if (zalo_id.empty()) return;
    auto issued =
        call(*nominations_, "POST", "/api/nominations/v1/staff/" + id + "/link-codes", 201);
    auto linked = say(zalo_id, "/lienket " + issued.value("code", ""));
    ASSERT_NE(linked.find("Đã liên kết"), std::string::npos) << linked;
  }

  // Starts reports at `utc` with `audience`, waits until the reminder `offset` of the units'
  // own series (counting to their due date, 20/10) is recorded sent, and stops it. Then waits
  // a moment, so that a message sent twice would be seen.
  void fire(const std::string& utc, const std::string& offset, const std::string& audience,
            int replicas = 1) {
    const std::string stage = "units";
    std::vector<std::unique_ptr<Service>> running;
    for (int i = 0; i < replicas; ++i) {
      running.push_back(start_reports(utc, notifications_->url(),
                                      {{"THIDUA_REMINDER_AUDIENCE", audience},
                                       {"THIDUA_DASHBOARD_URL", "https://thidua.example/admin/"}}));
    }
    EXPECT_TRUE(wait_until(
        [&] { return plan_entry(*running[0], offset, stage)["state"] == "sent"; }, 30000))
        << offset << ": " << plan_entry(*running[0], offset, stage).dump();
    ::usleep(1500 * 1000);  // the replicas tick every 200 ms meanwhile
    last_plan_ = plan_entry(*running[0], offset, stage);
    for (auto& r : running) r->process.stop();
    ::usleep(500 * 1000);  // the outbox delivers what was queued
  }

  json delivery_to(const std::string& to) const {
    for (const auto& d : last_plan_["deliveries"]) {
      if (d["to"] == to) return d;
    }
    return nullptr;
  }

  // How many messages each chat has had, as {group, hoa, nam, lan, toan, an}.
  std::vector<std::size_t> counts() {
    std::vector<std::size_t> out;
    for (const char* chat : {kGroup.c_str(), "zl-hoa", "zl-nam", "zl-lan", "zl-toan", "zl-an"}) {
      out.push_back(texts_to(chat).size());
    }
    return out;
  }

  // Notifications started again, its bot asking `reports` for /hanchot.
  void notifications_asking(const Service& reports) {
    notifications_->process.stop();
    notifications_ = start("notifications", {{"THIDUA_MESSENGER", "zalo"},
                                             {"ZALO_BOT_API_BASE", zalo_->url()},
                                             {"ZALO_BOT_TOKEN", kZaloToken},
                                             {"ZALO_GROUP_ID", kGroup},
                                             {"THIDUA_BOT_MODE", "polling"},
                                             {"THIDUA_POLL_TIMEOUT_S", "1"},
                                             {"THIDUA_QUIET_HOURS", "off"},
                                             {"THIDUA_NOMINATIONS_URL", nominations_->url()},
                                             {"THIDUA_REPORTS_URL", reports.url()}});
  }

  int said_ = 0;
  json last_plan_;
};

}  // namespace thidua::testing::reports_e2e
