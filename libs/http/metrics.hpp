#pragma once
// Prometheus text exposition. Counters and gauges are keyed by name and label string;
// services add gauges that are read at scrape time (queue depth from Redis, say).
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
  void describe(const std::string& name, const std::string& type, const std::string& help);
  void observe_request(const std::string& route, std::string_view method, int status,
                       double seconds);
  // Runs at each scrape, on the scraping loop; returns Prometheus text lines.
  void add_collector(std::function<Task<std::string>()> collector);

  Task<std::string> render() const;

 private:
  std::string render_now() const;
  std::string service_;
  mutable std::mutex mutex_;
  std::map<std::string, std::map<std::string, double>> values_;
  std::map<std::string, std::pair<std::string, std::string>> meta_;  // type, help
  std::map<std::string, std::vector<double>> buckets_;               // route -> counts per bucket
  std::map<std::string, std::pair<double, double>> sums_;            // route -> sum, count
  std::vector<std::function<Task<std::string>()>> collectors_;
};

}  // namespace thidua::http
