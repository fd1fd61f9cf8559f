#include "http/metrics.hpp"

#include <array>
#include <sstream>

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

void Metrics::describe(const std::string& name, const std::string& type, const std::string& help) {
  std::lock_guard lock(mutex_);
  meta_[name] = {type, help};
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

void Metrics::add_collector(std::function<Task<std::string>()> collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Metrics::render_now() const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  for (const auto& [name, series] : values_) {
    if (auto m = meta_.find(name); m != meta_.end()) {
      out << "# HELP " << name << ' ' << m->second.second << '\n';
      out << "# TYPE " << name << ' ' << m->second.first << '\n';
    }
    for (const auto& [labels, value] : series) {
      out << name << (labels.empty() ? "" : "{" + labels + "}") << ' ' << value << '\n';
    }
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
  std::string out = render_now();
  std::vector<std::function<Task<std::string>()>> collectors;
  {
    std::lock_guard lock(mutex_);
    collectors = collectors_;
  }
  for (const auto& c : collectors) out += co_await c();
  co_return out;
}

}  // namespace thidua::http
