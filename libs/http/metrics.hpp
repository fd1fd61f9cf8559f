#pragma once
// The services' /metrics, in the Prometheus text format, kept by prometheus-cpp (core: its
// registry and text serialiser; Debian's prometheus-cpp-dev). Counters and gauges are named
// families with labels; services add gauges read at scrape time (queue depth from Redis, say).
//
// Every family is described (HELP and TYPE) before it is used, with the series that must
// exist from start-up: a dashboard or an alert reading `thidua_reminders_total{outcome=
// "failed"}` gets 0 before the first reminder, not "no data". Using a family that was never
// described is a programming error (std::logic_error). `promtool check metrics` is clean on
// every service (a contract test runs it).
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/task.hpp"

namespace prometheus {
class Registry;
class Counter;
class Gauge;
class Histogram;
template <typename T>
class Family;
}  // namespace prometheus

namespace thidua::http {

// Label names to values, e.g. {{"outcome", "sent"}}.
using Labels = std::map<std::string, std::string>;
enum class MetricType { kCounter, kGauge };

class Metrics {
 public:
  explicit Metrics(std::string service);
  ~Metrics();

  // `initial`: the label sets of the series that exist from now on at 0 ({} for a family
  // without labels). Describing a name twice with the same type adds the new initial series.
  void describe(const std::string& name, MetricType type, const std::string& help,
                const std::vector<Labels>& initial = {});
  void add(const std::string& name, const Labels& labels = {}, double delta = 1);  // counter
  void set(const std::string& name, const Labels& labels, double value);           // gauge
  // thidua_http_requests_total{route,method,status} and the duration histogram per route.
  void observe_request(const std::string& route, std::string_view method, int status,
                       double seconds);
  // Runs at each scrape, on the scraping loop, before rendering: it set()s the gauges it
  // reads (described beforehand). One that throws (Redis down) leaves its gauges as they were.
  void add_collector(std::function<Task<void>()> collector);

  Task<std::string> render() const;

 private:
  std::string render_now() const;

  std::string service_;
  std::shared_ptr<prometheus::Registry> registry_;
  mutable std::mutex mutex_;
  std::map<std::string, prometheus::Family<prometheus::Counter>*> counters_;
  std::map<std::string, prometheus::Family<prometheus::Gauge>*> gauges_;
  prometheus::Family<prometheus::Counter>* requests_ = nullptr;
  prometheus::Family<prometheus::Histogram>* durations_ = nullptr;
  // Series already made, by route + method + status (requests) and by route (durations): the
  // hot path finds its series without building label maps.
  std::unordered_map<std::string, prometheus::Counter*> request_series_;
  std::unordered_map<std::string, prometheus::Histogram*> duration_series_;
  std::vector<std::function<Task<void>()>> collectors_;
};

}  // namespace thidua::http
