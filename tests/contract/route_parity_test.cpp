// Each service's router against its OpenAPI document: the same routes, and the same ones
// public. The code's table comes from `<service> --routes`, the document's from the lines
// under `paths:` (see the layout rule at the top of each proto/openapi/*.yaml).
#include <gtest/gtest.h>

#include <map>

#include "contract/contract_docs.hpp"

namespace thidua::contract {
namespace {

std::map<std::string, RouteEntry> by_key(const std::vector<RouteEntry>& routes) {
  std::map<std::string, RouteEntry> out;
  for (const auto& r : routes) out.emplace(r.key(), r);
  return out;
}

std::string service_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

class RouteParityTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::string doc_path() const { return openapi_path(GetParam()); }
  std::map<std::string, RouteEntry> doc_routes() const {
    return by_key(read_doc_routes_by_lines(doc_path()));
  }
  std::map<std::string, RouteEntry> code_routes() const {
    return by_key(read_code_routes(service_binary(GetParam())));
  }
};

TEST_P(RouteParityTest, DocumentListsExactlyTheRoutesOfTheCode) {
  auto doc = doc_routes();
  auto code = code_routes();
  ASSERT_FALSE(code.empty()) << service_binary(GetParam()) << " --routes printed no route";

  std::string undocumented;
  for (const auto& [key, route] : code) {
    if (!doc.count(key)) undocumented += "  " + key + "\n";
  }
  std::string stale;
  for (const auto& [key, route] : doc) {
    if (!code.count(key)) stale += "  " + key + "  (line " + std::to_string(route.line) + ")\n";
  }
  EXPECT_TRUE(undocumented.empty())
      << "Routes the " << GetParam() << " service serves but " << doc_path()
      << " does not document (add them under `paths:`):\n"
      << undocumented;
  EXPECT_TRUE(stale.empty()) << "Routes " << doc_path() << " documents but the " << GetParam()
                             << " service does not serve (remove them, or add the route):\n"
                             << stale;
}

TEST_P(RouteParityTest, PublicRoutesAreExactlyThoseWithEmptySecurity) {
  auto doc = doc_routes();
  std::string mismatches;
  for (const auto& [key, route] : code_routes()) {
    auto found = doc.find(key);
    if (found == doc.end()) continue;  // reported by the test above
    if (route.is_public && !found->second.is_public) {
      mismatches += "  " + key + ": the code serves it without a token; the document (line " +
                    std::to_string(found->second.line) +
                    ") requires bearerAuth. Add `security: []` or protect the route.\n";
    } else if (!route.is_public && found->second.is_public) {
      mismatches += "  " + key + ": the code requires a token; the document (line " +
                    std::to_string(found->second.line) +
                    ") says `security: []`. Remove that line or make the route public.\n";
    }
  }
  EXPECT_TRUE(mismatches.empty()) << doc_path() << " and the code disagree on public routes:\n"
                                  << mismatches;
}

// The line reader above and a real YAML parser must see the same operations; otherwise the
// document has left the layout rule and the route checks would miss something.
TEST_P(RouteParityTest, DocumentKeepsTheLineLayout) {
  auto by_lines = doc_routes();
  auto parsed = by_key(routes_of_document(load_yaml_as_json(doc_path())));
  std::string differences;
  for (const auto& [key, route] : parsed) {
    auto found = by_lines.find(key);
    if (found == by_lines.end()) {
      differences += "  " + key + ": a YAML parser finds it, the line reader does not\n";
    } else if (found->second.is_public != route.is_public) {
      differences += "  " + key + ": `security: []` is not a line at 6 spaces of indent\n";
    }
  }
  for (const auto& [key, route] : by_lines) {
    if (!parsed.count(key)) {
      differences += "  " + key + ": the line reader finds it at line " +
                     std::to_string(route.line) + ", a YAML parser does not\n";
    }
  }
  EXPECT_TRUE(differences.empty())
      << doc_path()
      << " breaks the layout rule (path keys at 2 spaces, methods at 4, `security: []` at 6):\n"
      << differences;
}

INSTANTIATE_TEST_SUITE_P(Services, RouteParityTest,
                         ::testing::Values("nominations", "reports", "notifications"),
                         service_name);

}  // namespace
}  // namespace thidua::contract
