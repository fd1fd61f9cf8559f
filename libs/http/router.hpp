#pragma once
// One route table per service: (method, path template with {params}, access, handler).
#include <string>
#include <vector>

#include "http/types.hpp"

namespace thidua::http {

struct Route {
  Method method;
  std::string pattern;  // e.g. /api/nominations/v1/nominations/{id}
  Access access;
  Handler handler;
  std::vector<std::string> segments;
};

class Router {
 public:
  void add(Method method, std::string pattern, Access access, Handler handler);

  struct Match {
    const Route* route = nullptr;
    bool path_known = false;      // some route has this path, with another method: 405
    std::vector<Method> allowed;  // the methods that path has
  };
  // Fills `params` from the template on a match.
  Match match(Method method, std::string_view path,
              std::unordered_map<std::string, std::string>& params) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace thidua::http
