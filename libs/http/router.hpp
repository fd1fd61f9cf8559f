#pragma once
// One route table per service: (method, path template with {params}, access, handler).
#include <boost/container/small_vector.hpp>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "http/types.hpp"

namespace thidua::http {

// A check a public route makes before anything of the request but its headers is looked
// at (the media type, the body): throws ApiError to refuse. The bot webhook's shared secret
// (architecture.md: checked before parsing anything).
using Gate = std::function<void(const Request&)>;

struct Route {
  Method method;
  std::string pattern;  // e.g. /api/nominations/v1/nominations/{id}
  Access access;
  Handler handler;
  std::vector<std::string> segments;
  Gate gate;  // empty for most routes
};

// One path segment with its %XX escapes decoded (cpprestsdk's web::uri::decode); nullopt
// when an escape is not '%' and two hex digits, or the segment is not ASCII as a request
// target must be. The one place a path is decoded: the router, once, before matching.
std::optional<std::string> decode_segment(std::string_view segment);
// Its inverse for a caller building a path or a query value: every byte but the unreserved
// ones (RFC 3986 §2.3) as %XX (cpprestsdk's web::uri::encode_data_string).
std::string encode_segment(std::string_view value);

class Router {
 public:
  void add(Method method, std::string pattern, Access access, Handler handler, Gate gate = {});

  struct Match {
    const Route* route = nullptr;
    bool path_known = false;  // some route has this path, with another method: 405
    // The methods that path has; held in place, as a GET's match allocates nothing.
    boost::container::small_vector<Method, 6> allowed;
    bool malformed = false;  // a segment's %XX escape is broken: 400
  };
  // Matches the path with each segment decoded once, so /nominations/%31 is /nominations/1
  // and a parameter may hold a '/' written %2F. Where a literal segment and a parameter both
  // fit, the literal wins (GET /staff/by-zalo/x is the Zalo route, never the tokens of a
  // staff member "by-zalo"). Fills `params` from the template on a match.
  Match match(Method method, std::string_view path,
              std::unordered_map<std::string, std::string>& params) const;
  const std::vector<Route>& routes() const { return routes_; }

  // The literal segments other routes have where `pattern` has {param}, after the same
  // segments before it: the words an id in that place could not be told from (GET
  // /deadlines/next beside PUT /deadlines/{id}).
  std::set<std::string> words_beside(std::string_view pattern, std::string_view param) const;

 private:
  std::vector<Route> routes_;
};

// An id a client chooses (a unit, a staff member, a deadline) must not be one of the words of
// the routes it will appear in: ApiError 400 reserved_id when it is a word beside {param} in
// any of `patterns`.
void refuse_route_words(const Router& router, const std::string& id,
                        const std::vector<std::string>& patterns, std::string_view param = "id");

}  // namespace thidua::http
