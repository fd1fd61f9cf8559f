#pragma once
// Prometheus text exposition. Counters and gauges are keyed by name and label string;
// services add gauges that are read at scrape time (queue depth from Redis, say).
//
// Every family is described (HELP and TYPE) before it is used, with the series that must
// exist from start-up: a dashboard or an alert reading `thidua_reminders_total{outcome=
// "failed"}` gets 0 before the first reminder, not "no data". `promtool check metrics` is
// clean on every service (a contract test runs it).
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/task.hpp"

namespace thidua::http {

class Metrics {
 public:
  explicit Metrics(std::string service);

  // `labels` like: route="/x",status="200"
  void add(const std::string& name, const std::string& labels, double delta = 1);
  void set(const std::string& name, const std::string& labels, double value);
  // `type`: counter, gauge or histogram. `initial`: the label strings of the series that
  // exist from now on at 0 ("" for a family without labels).
  void describe(const std::string& name, const std::string& type, const std::string& help,
                const std::vector<std::string>& initial = {});
  void observe_request(const std::string& route, std::string_view method, int status,
                       double seconds);
  // Runs at each scrape, on the scraping loop, before rendering: it set()s the gauges it
  // reads (described beforehand). One that throws (Redis down) leaves its gauges as they were.
  void add_collector(std::function<Task<void>()> collector);

  Task<std::string> render() const;

 private:
  std::string render_now() const;
  std::string service_;
  mutable std::mutex mutex_;
  std::map<std::string, std::map<std::string, double>> values_;
  std::map<std::string, std::pair<std::string, std::string>> meta_;  // type, help
  std::map<std::string, std::vector<double>> buckets_;               // route -> counts per bucket
  std::map<std::string, std::pair<double, double>> sums_;            // route -> sum, count
  std::vector<std::function<Task<void>()>> collectors_;
};

}  // namespace thidua::http
