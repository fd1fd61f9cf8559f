#include "http/router.hpp"

#include <cpprest/base_uri.h>

#include <algorithm>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/messages.hpp"
#include "core/text.hpp"

namespace thidua::http {
namespace {
// A path's segments, eight of them held in place: more than any route has, so matching a
// request allocates nothing for them (a longer path still matches; it only allocates).
using Segments = boost::container::small_vector<std::string_view, 8>;

Segments split(std::string_view path) {
  Segments out;
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

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Whether `a` is a better match than `b` for the same path: at the first segment where one
// has a literal and the other a parameter, the literal.
bool more_literal(const Route& a, const Route& b) {
  for (std::size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i) {
    bool pa = is_param(a.segments[i]);
    bool pb = is_param(b.segments[i]);
    if (pa != pb) return pb;
  }
  return false;
}

bool is_ascii(std::string_view segment) {
  return std::all_of(segment.begin(), segment.end(),
                     [](char c) { return static_cast<unsigned char>(c) <= 127; });
}
}  // namespace

std::optional<std::string> decode_segment(std::string_view segment) {
  if (segment.find('%') == std::string_view::npos) {
    if (!is_ascii(segment)) return std::nullopt;
    return std::string(segment);
  }
  try {
    auto decoded = web::uri::decode(utility::conversions::to_string_t(std::string(segment)));
    // Escapes of bytes that are no UTF-8 (%ff): no id is such, and no answer may quote it.
    if (!text::valid_utf8(decoded)) return std::nullopt;
    return decoded;
  } catch (const std::exception&) {  // web::uri_exception: a broken escape, or not ASCII
    return std::nullopt;
  }
}

std::string encode_segment(std::string_view value) {
  return utility::conversions::to_utf8string(
      web::uri::encode_data_string(utility::conversions::to_string_t(std::string(value))));
}

void Router::add(Method method, std::string pattern, Access access, Handler handler, Gate gate) {
  Route route{method, pattern, access, std::move(handler), {}, std::move(gate)};
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
  // Segments without an escape are matched where they lie in `path`; only the rare escaped
  // one is decoded into `decoded`, reserved up front so the views into it stay put.
  Segments parts = split(path);
  boost::container::small_vector<std::string, 8> decoded;
  decoded.reserve(parts.size());
  for (auto& part : parts) {
    if (part.find('%') == std::string_view::npos) {
      result.malformed = !is_ascii(part);
    } else if (auto d = decode_segment(part)) {
      part = decoded.emplace_back(std::move(*d));
    } else {
      result.malformed = true;
    }
    if (result.malformed) return result;
  }
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
    if (std::find(result.allowed.begin(), result.allowed.end(), route.method) ==
        result.allowed.end()) {
      result.allowed.push_back(route.method);
    }
    if (route.method != wanted) continue;
    if (result.route && !more_literal(route, *result.route)) continue;
    result.route = &route;
  }
  if (result.route) {
    params.clear();
    const auto& segments = result.route->segments;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (is_param(segments[i])) {
        params[segments[i].substr(1, segments[i].size() - 2)] = std::string(parts[i]);
      }
    }
  }
  return result;
}

std::set<std::string> Router::words_beside(std::string_view pattern, std::string_view param) const {
  std::set<std::string> words;
  auto mine = split(pattern);
  const std::string wanted = "{" + std::string(param) + "}";
  for (std::size_t at = 0; at < mine.size(); ++at) {
    if (mine[at] != wanted) continue;
    for (const auto& route : routes_) {
      if (route.segments.size() <= at || is_param(route.segments[at])) continue;
      bool same_before = true;
      for (std::size_t i = 0; i < at && same_before; ++i) {
        same_before =
            is_param(route.segments[i]) ? is_param(mine[i]) : route.segments[i] == mine[i];
      }
      if (same_before) words.insert(route.segments[at]);
    }
  }
  return words;
}

void refuse_route_words(const Router& router, const std::string& id,
                        const std::vector<std::string>& patterns, std::string_view param) {
  for (const auto& pattern : patterns) {
    if (router.words_beside(pattern, param).count(id)) {
      throw bad_request("reserved_id", common::say("problem.reserved_id", {{"id", id}}));
    }
  }
}

}  // namespace thidua::http
