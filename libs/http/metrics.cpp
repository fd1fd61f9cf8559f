#include "http/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <sstream>
#include <stdexcept>

#include "core/log.hpp"

namespace thidua::http {
namespace {
const prometheus::Histogram::BucketBoundaries kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                       0.05,   0.1,   0.25,   0.5,   1,    2.5};

template <typename Map>
auto* family_of(const Map& families, const std::string& name, const char* what) {
  auto it = families.find(name);
  if (it == families.end()) {
    throw std::logic_error("metric " + name + " used as a " + what + " without describe()");
  }
  return it->second;
}
}  // namespace

Metrics::Metrics(std::string service)
    : service_(std::move(service)), registry_(std::make_shared<prometheus::Registry>()) {
  requests_ = &prometheus::BuildCounter()
                   .Name("thidua_http_requests_total")
                   .Help("HTTP requests by route, method and status.")
                   .Register(*registry_);
  durations_ = &prometheus::BuildHistogram()
                    .Name("thidua_http_request_duration_seconds")
                    .Help("Time from a request's last byte read to its response queued.")
                    .Register(*registry_);
}

Metrics::~Metrics() = default;

void Metrics::describe(const std::string& name, MetricType type, const std::string& help,
                       const std::vector<Labels>& initial) {
  std::lock_guard lock(mutex_);
  if (type == MetricType::kCounter) {
    auto [it, added] = counters_.emplace(name, nullptr);
    if (added) it->second = &prometheus::BuildCounter().Name(name).Help(help).Register(*registry_);
    for (const auto& labels : initial) it->second->Add(labels);
  } else {
    auto [it, added] = gauges_.emplace(name, nullptr);
    if (added) it->second = &prometheus::BuildGauge().Name(name).Help(help).Register(*registry_);
    for (const auto& labels : initial) it->second->Add(labels);
  }
}

void Metrics::add(const std::string& name, const Labels& labels, double delta) {
  std::lock_guard lock(mutex_);
  family_of(counters_, name, "counter")->Add(labels).Increment(delta);
}

void Metrics::set(const std::string& name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  family_of(gauges_, name, "gauge")->Add(labels).Set(value);
}

void Metrics::observe_request(const std::string& route, std::string_view method, int status,
                              double seconds) {
  std::string key = route;
  key += '\n';
  key += method;
  key += '\n';
  key += std::to_string(status);
  std::lock_guard lock(mutex_);
  auto counter = request_series_.find(key);
  if (counter == request_series_.end()) {
    auto& series = requests_->Add(
        {{"route", route}, {"method", std::string(method)}, {"status", std::to_string(status)}});
    counter = request_series_.emplace(std::move(key), &series).first;
  }
  counter->second->Increment();
  auto histogram = duration_series_.find(route);
  if (histogram == duration_series_.end()) {
    auto& series = durations_->Add({{"route", route}}, kBuckets);
    histogram = duration_series_.emplace(route, &series).first;
  }
  histogram->second->Observe(seconds);
}

void Metrics::add_collector(std::function<Task<void>()> collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Metrics::render_now() const {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, registry_->Collect());
  return out.str();
}

Task<std::string> Metrics::render() const {
  std::vector<std::function<Task<void>()>> collectors;
  {
    std::lock_guard lock(mutex_);
    collectors = collectors_;
  }
  for (const auto& c : collectors) {
    std::string error;
    try {
      co_await c();
    } catch (const std::exception& e) {
      error = e.what();
    }
    // The scrape goes on: thidua_redis_connected 0 is worth most when Redis is down.
    if (!error.empty()) log::debug("metrics_collector_failed", log::Fields().add("error", error));
  }
  co_return render_now();
}

}  // namespace thidua::http
