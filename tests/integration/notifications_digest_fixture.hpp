#pragma once
// Digested announcements through the real service (issue 13): the fixture the
// notifications_digest_*_test.cpp files share. Nominations events are written to the stream
// as the nominations service writes them, to a real Redis, with the fake Zalo. The service's
// clock is pinned by libfaketime and moved on by restarting it later, so a window of ten
// minutes passes when the test says, never by waiting: a batch flushes because its service
// now lives eleven minutes later. Every "exactly one" in these tests is final by
// construction: a batch's key is deleted in the same script that queues its message.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "notifications_fixture.hpp"

namespace thidua::testing::notifications_digest_test {

inline const std::string kFooter = "\n— tự động";
inline const std::string kUnit = "Tổ Toán – Tin";

class NotificationsDigest : public NotificationsOutbox {
 protected:
  void TearDown() override {
    if (replica_.running()) replica_.stop();
    NotificationsOutbox::TearDown();
  }

  static std::string key(const std::string& suffix) {
    return "{" + kSchool + "}:notifications:" + suffix;
  }
  static std::string events_stream() { return "{" + kSchool + "}:nominations:events"; }

  // The service's settings at local time `ict`, with a window of ten minutes.
  static std::map<std::string, std::string> at(const std::string& ict,
                                               std::map<std::string, std::string> extra = {}) {
    auto env = faked_clock_env(ict);
    env["THIDUA_DIGEST_WINDOW_MS"] = "600000";
    for (auto& [k, v] : extra) env[k] = v;
    return env;
  }

  // A nominations event as the nominations service writes it; `second` orders it in time.
  json make_event(const std::string& type, int id, const std::string& name,
                  const std::string& kind = "individual") {
    char event_id[40];
    std::snprintf(event_id, sizeof event_id, "%032x", ++events_made_);
    char at[32];
    std::snprintf(at, sizeof at, "2026-12-01T03:%02d:%02dZ", events_made_ / 60 % 60,
                  events_made_ % 60);
    json e = {{"event_id", event_id},
              {"type", type},
              {"occurred_at", at},
              {"school", kSchool},
              {"nomination_id", std::to_string(id)},
              {"actor", "bootstrap-admin"},
              {"nomination",
               {{"id", std::to_string(id)},
                {"period", "2026"},
                {"period_label", "Năm 2026"},
                {"award", "ldtt"},
                {"award_label", "Lao động tiên tiến"},
                {"subject_kind", kind},
                {"subject_id", "gv-" + std::to_string(id)},
                {"subject_name", name},
                {"unit_id", "to-toan-tin"},
                {"unit_name", kUnit}}}};
    if (type == "nomination.rejected") e["note"] = "Chưa đủ minh chứng cho " + name;
    return e;
  }
  void write(const json& e) {
    redis_.cmd(
        {"XADD", events_stream(), "*", "type", e["type"].get<std::string>(), "event", e.dump()});
  }
  json add(const std::string& type, int id, const std::string& name) {
    auto e = make_event(type, id, name);
    write(e);
    return e;
  }
  static std::string line(int id, const std::string& name) {
    return "• Số " + std::to_string(id) + ": " + name + " (" + kUnit +
           ") — Lao động tiên tiến, năm 2026";
  }

  // Every event written has been read, none waits for a retry or is held by a consumer.
  // (A rejection's private notice needs nominations, which is down here: it is retried a
  // few times and dead-lettered, each retry taking the event in again.)
  bool caught_up() {
    auto info = redis_.cmd({"XINFO", "GROUPS", events_stream()});
    std::string pending, lag;
    for (std::size_t i = 0; i + 1 < info.size(); ++i) {
      if (info[i] == "pending") pending = info[i + 1];
      if (info[i] == "lag") lag = info[i + 1];
    }
    return pending == "0" && lag == "0" && redis_.cmd1({"ZCARD", key("events-retry")}) == "0";
  }
  std::string batch_count(const std::string& kind) {
    return redis_.cmd1({"HGET", key("digest:" + kind), "count"});
  }
  bool batch_open(const std::string& kind) {
    return redis_.cmd1({"EXISTS", key("digest:" + kind)}) == "1";
  }
  // The texts the group got, in order.
  std::vector<std::string> group_texts() {
    std::vector<std::string> out;
    for (auto& c : sends("ok")) {
      if (c.value("chat_id", "") == "g1") out.push_back(c.value("text", ""));
    }
    return out;
  }
  void restart(const std::map<std::string, std::string>& env) {
    service_.stop();
    start_service(env);
  }

  Process replica_;
  int events_made_ = 0;
};

}  // namespace thidua::testing::notifications_digest_test
