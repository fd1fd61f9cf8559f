#include "http/router.hpp"

#include <stdexcept>

namespace thidua::http {
namespace {
std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 1;
  if (path.empty() || path[0] != '/') return out;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}
}  // namespace

void Router::add(Method method, std::string pattern, Access access, Handler handler) {
  Route route{method, pattern, access, std::move(handler), {}};
  for (auto s : split(pattern)) route.segments.emplace_back(s);
  for (const auto& r : routes_) {
    if (r.method == method && r.pattern == pattern) {
      throw std::logic_error("route registered twice: " + pattern);
    }
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::match(Method method, std::string_view path,
                            std::unordered_map<std::string, std::string>& params) const {
  Match result;
  auto parts = split(path);
  // HEAD is answered by the GET route (the server sends no body).
  Method wanted = method == Method::Head ? Method::Get : method;
  for (const auto& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      const auto& seg = route.segments[i];
      ok = is_param(seg) ? !parts[i].empty() : seg == parts[i];
    }
    if (!ok) continue;
    result.path_known = true;
    result.allowed.push_back(route.method);
    if (route.method != wanted || result.route) continue;
    result.route = &route;
    params.clear();
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto& seg = route.segments[i];
      if (is_param(seg)) params[seg.substr(1, seg.size() - 2)] = std::string(parts[i]);
    }
  }
  return result;
}

}  // namespace thidua::http
