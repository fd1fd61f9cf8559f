#include "http/metrics.hpp"

#include <array>
#include <sstream>

#include "core/log.hpp"

namespace thidua::http {
namespace {
constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                          0.05,   0.1,   0.25,   0.5,   1,    2.5};

std::string escape_label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}
}  // namespace

Metrics::Metrics(std::string service) : service_(std::move(service)) {
  describe("thidua_http_requests_total", "counter", "HTTP requests by route, method and status.");
  describe("thidua_http_request_duration_seconds", "histogram",
           "Time from a request's last byte read to its response queued.");
}

void Metrics::add(const std::string& name, const std::string& labels, double delta) {
  std::lock_guard lock(mutex_);
  values_[name][labels] += delta;
}

void Metrics::set(const std::string& name, const std::string& labels, double value) {
  std::lock_guard lock(mutex_);
  values_[name][labels] = value;
}

void Metrics::describe(const std::string& name, const std::string& type, const std::string& help,
                       const std::vector<std::string>& initial) {
  std::lock_guard lock(mutex_);
  meta_[name] = {type, help};
  for (const auto& labels : initial) values_[name].emplace(labels, 0);
}

void Metrics::observe_request(const std::string& route, std::string_view method, int status,
                              double seconds) {
  std::string labels = "route=\"" + escape_label(route) + "\",method=\"" + std::string(method) +
                       "\",status=\"" + std::to_string(status) + "\"";
  std::lock_guard lock(mutex_);
  values_["thidua_http_requests_total"][labels] += 1;
  auto& b = buckets_[route];
  if (b.empty()) b.assign(kBuckets.size(), 0);
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) b[i] += 1;
  }
  auto& s = sums_[route];
  s.first += seconds;
  s.second += 1;
}

void Metrics::add_collector(std::function<Task<void>()> collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Metrics::render_now() const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  // Every family described, with or without series yet; then any used without a description
  // (a mistake the promtool contract test reports), as untyped.
  static const std::map<std::string, double> kNone;
  auto family = [&](const std::string& name, const std::string& type, const std::string& help) {
    out << "# HELP " << name << ' ' << help << '\n';
    out << "# TYPE " << name << ' ' << type << '\n';
    auto v = values_.find(name);
    for (const auto& [labels, value] : v == values_.end() ? kNone : v->second) {
      out << name << (labels.empty() ? "" : "{" + labels + "}") << ' ' << value << '\n';
    }
  };
  for (const auto& [name, meta] : meta_) {
    if (meta.first != "histogram") family(name, meta.first, meta.second);
  }
  for (const auto& [name, series] : values_) {
    if (!meta_.count(name)) family(name, "untyped", "(not described)");
  }
  const std::string h = "thidua_http_request_duration_seconds";
  out << "# HELP " << h << ' ' << meta_.at(h).second << '\n' << "# TYPE " << h << " histogram\n";
  for (const auto& [route, counts] : buckets_) {
    std::string r = "route=\"" + escape_label(route) + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << h << "_bucket{" << r << ",le=\"" << kBuckets[i] << "\"} " << counts[i] << '\n';
    }
    const auto& s = sums_.at(route);
    out << h << "_bucket{" << r << ",le=\"+Inf\"} " << s.second << '\n';
    out << h << "_sum{" << r << "} " << s.first << '\n';
    out << h << "_count{" << r << "} " << s.second << '\n';
  }
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
