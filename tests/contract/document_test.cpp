// The contracts in proto/ are sound on their own: every reference resolves, every schema
// uses only what the validator checks, every operation states its errors and roles, the
// parts all services share are the same everywhere, and the event's nomination has the
// shape of the API's.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "contract/contract_docs.hpp"

namespace thidua::contract {
namespace {
using nlohmann::json;

const std::vector<std::string> kServices{"nominations", "reports", "notifications"};
const std::set<std::string> kRoles{"admin", "council", "leader", "staff", "service"};

std::string service_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

// Calls `visit(node, pointer)` on every object of the document, depth first.
template <class F>
void each_object(const json& node, const std::string& pointer, F&& visit) {
  if (node.is_object()) {
    visit(node, pointer);
    for (auto it = node.begin(); it != node.end(); ++it) {
      each_object(it.value(), pointer + "/" + it.key(), visit);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      each_object(node[i], pointer + "/" + std::to_string(i), visit);
    }
  }
}

class DocumentTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    path_ = openapi_path(GetParam());
    doc_ = load_yaml_as_json(path_);
  }
  std::string path_;
  json doc_;
};

TEST_P(DocumentTest, IsOpenApi31WithBearerAuthByDefault) {
  EXPECT_EQ(doc_.value("openapi", ""), "3.1.0") << path_;
  EXPECT_EQ(doc_["security"], json::parse(R"([{"bearerAuth": []}])"))
      << path_ << ": the top-level security must be bearerAuth, so a route is protected unless "
      << "its operation says `security: []`";
  const auto& scheme = doc_["components"]["securitySchemes"]["bearerAuth"];
  EXPECT_EQ(scheme.value("type", ""), "http") << path_;
  EXPECT_EQ(scheme.value("scheme", ""), "bearer") << path_;
}

TEST_P(DocumentTest, EveryReferenceResolves) {
  JsonSchema doc(doc_);
  std::string broken;
  each_object(doc_, "", [&](const json& node, const std::string& pointer) {
    if (!node.contains("$ref")) return;
    try {
      doc.resolve(node["$ref"].get<std::string>());
    } catch (const std::exception& e) {
      broken += "  " + pointer + ": " + e.what() + "\n";
    }
  });
  EXPECT_TRUE(broken.empty()) << path_ << " has references to nothing:\n" << broken;
}

TEST_P(DocumentTest, EverySchemaUsesOnlyWhatTheValidatorChecks) {
  JsonSchema doc(doc_);
  std::vector<std::string> problems;
  auto lint = [&](const json& schema, const std::string& pointer) {
    for (auto& p : doc.lint(schema, pointer)) problems.push_back(std::move(p));
  };
  for (auto it = doc_["components"]["schemas"].begin(); it != doc_["components"]["schemas"].end();
       ++it) {
    lint(it.value(), "#/components/schemas/" + it.key());
  }
  // Schemas in place: parameters, headers, request bodies and responses.
  each_object(doc_, "", [&](const json& node, const std::string& pointer) {
    if (pointer.rfind("/components/schemas", 0) == 0) return;
    if (node.contains("schema")) lint(node["schema"], pointer + "/schema");
  });
  EXPECT_TRUE(problems.empty()) << path_ << ":\n" << join_errors(problems);
}

TEST_P(DocumentTest, EveryOperationStatesItsRolesAndErrors) {
  JsonSchema doc(doc_);
  std::string problems;
  std::set<std::string> operation_ids;
  static const std::regex param_re(R"(\{([^}]+)\})");
  for (const auto& route : routes_of_document(doc_)) {
    std::string method = route.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const json& op = doc_["paths"][route.pattern][method];
    const std::string where = "  " + route.key() + ": ";

    auto id = op.value("operationId", "");
    if (id.empty()) problems += where + "no operationId\n";
    if (!operation_ids.insert(id).second) problems += where + "operationId " + id + " repeated\n";

    const json responses = op.value("responses", json::object());
    bool has_success = false;
    for (auto r = responses.begin(); r != responses.end(); ++r) {
      has_success = has_success || r.key()[0] == '2';
      if (r.key()[0] != '4' && r.key()[0] != '5') continue;
      // Errors are problems, whichever service answers.
      const json* response = &r.value();
      while (response->contains("$ref"))
        response = &doc.resolve((*response)["$ref"].get<std::string>());
      const json content = response->value("content", json::object());
      if (content.size() != 1 || !content.contains("application/problem+json") ||
          content["application/problem+json"]["schema"] !=
              json{{"$ref", "#/components/schemas/Problem"}}) {
        problems += where + r.key() +
                    " must be application/problem+json with schema "
                    "#/components/schemas/Problem (a components/responses entry)\n";
      }
    }
    if (!has_success) problems += where + "no 2xx response\n";

    if (!route.is_public) {
      const json roles = op.value("x-roles", json());
      // 403 can only happen when some role is left out of x-roles.
      bool every_role = roles.is_array() && roles.size() >= 5;
      for (const char* status : {"401", "403"}) {
        if (!responses.contains(status) && !(every_role && std::string(status) == "403")) {
          problems += where + "needs a token, so it must document " + std::string(status) + "\n";
        }
      }
      if (!roles.is_array() || roles.empty()) {
        problems += where + "needs a token: list the roles allowed in x-roles\n";
      } else {
        for (const auto& r : roles) {
          if (!r.is_string() || !kRoles.count(r.get<std::string>())) {
            problems += where + "x-roles has " + r.dump() +
                        ", not one of admin, council, leader, staff, service\n";
          }
        }
      }
    } else if (op.contains("x-roles")) {
      problems += where + "is public (security: []) but lists x-roles\n";
    }

    // Each {param} of the path is declared as a required path parameter.
    std::set<std::string> declared;
    const json& path_item = doc_["paths"][route.pattern];
    for (const json* level : {&path_item, &op}) {
      for (const auto& p : level->value("parameters", json::array())) {
        const json* param = &p;
        while (param->contains("$ref")) param = &doc.resolve((*param)["$ref"].get<std::string>());
        if (param->value("in", "") == "path" && param->value("required", false)) {
          declared.insert(param->value("name", ""));
        }
      }
    }
    for (std::sregex_iterator m(route.pattern.begin(), route.pattern.end(), param_re), end;
         m != end; ++m) {
      if (!declared.count((*m)[1])) {
        problems += where + "path parameter {" + (*m)[1].str() +
                    "} is not declared (in: path, required: true)\n";
      }
    }
  }
  EXPECT_TRUE(problems.empty()) << path_ << ":\n" << problems;
}

INSTANTIATE_TEST_SUITE_P(Services, DocumentTest, ::testing::ValuesIn(kServices), service_name);

// What every service serves the same way is written the same way in every document.
TEST(CommonParts, AreTheSameInEveryDocument) {
  const std::vector<std::string> pointers{
      "/paths/~1healthz",
      "/paths/~1readyz",
      "/paths/~1metrics",
      "/components/securitySchemes/bearerAuth",
      "/components/headers/RequestId",
      "/components/schemas/Problem",
      "/components/schemas/Health",
      "/components/schemas/Ready",
      "/components/schemas/Line",
      "/components/schemas/LongText",
      "/components/responses/NotReady",
  };
  const std::string reference = kServices.front();
  const json first = load_yaml_as_json(openapi_path(reference));
  for (const auto& service : kServices) {
    const json doc = load_yaml_as_json(openapi_path(service));
    for (const auto& pointer : pointers) {
      json::json_pointer p(pointer);
      ASSERT_TRUE(doc.contains(p)) << openapi_path(service) << " lacks " << pointer;
      EXPECT_EQ(doc.at(p), first.at(p))
          << pointer << " differs between " << openapi_path(reference) << " and "
          << openapi_path(service) << "; the common parts must be changed in all documents";
    }
  }
}

TEST(EventSchema, IsUsableAndTheNominationHasTheApiShape) {
  const auto path = event_schema_path("nominations-event");
  const json schema = load_json_file(path);
  EXPECT_EQ(schema.value("$schema", ""), "https://json-schema.org/draft/2020-12/schema") << path;
  JsonSchema validator(schema);
  auto problems = validator.lint(schema, "#");
  EXPECT_TRUE(problems.empty()) << path << ":\n" << join_errors(problems);
  ASSERT_TRUE(schema["properties"]["type"].contains("enum")) << path << ": type needs an enum";

  // The nomination in an event is the summary the API's lists answer.
  const json api = load_yaml_as_json(openapi_path("nominations"));
  const json in_api = without_annotations(api["components"]["schemas"]["NominationSummary"]);
  const json in_event = without_annotations(schema["$defs"]["summary"]);
  // The API composes its schema from named parts; compare once those are inlined.
  // Each side's $refs resolve within its own document.
  auto inline_refs = [&](auto& self, const JsonSchema& root, json node) -> json {
    if (node.is_object() && node.contains("$ref")) {
      auto ref = node["$ref"].get<std::string>();
      return self(self, root, without_annotations(root.resolve(ref)));
    }
    if (node.is_structured()) {
      for (auto& v : node) v = self(self, root, v);
    }
    return node;
  };
  // allOf of one part with unevaluatedProperties is the same shape as that part inline with
  // additionalProperties.
  auto flatten = [](auto& self, json node) -> json {
    if (node.is_object() && node.contains("allOf") && node["allOf"].size() == 1 &&
        node["allOf"][0].is_object()) {
      json part = node["allOf"][0];
      node.erase("allOf");
      node.update(part);
      if (node.contains("unevaluatedProperties")) {
        node["additionalProperties"] = node["unevaluatedProperties"];
        node.erase("unevaluatedProperties");
      }
    }
    if (node.is_structured()) {
      for (auto& v : node) v = self(self, v);
    }
    return node;
  };
  const JsonSchema api_root(api), event_root(schema);
  EXPECT_EQ(flatten(flatten, inline_refs(inline_refs, api_root, in_api)),
            flatten(flatten, inline_refs(inline_refs, event_root, in_event)))
      << "$defs/summary in " << path
      << " and components/schemas/NominationSummary in proto/openapi/nominations.yaml differ in "
         "shape";
}

}  // namespace
}  // namespace thidua::contract
