// The OpenAPI documents and the services accept exactly the same inputs. Sample values of
// every path and query parameter of every operation, and of every field of the request
// bodies below, are judged twice, by the document's schema and by the running service, and
// the two must agree:
//   - the schema refuses the value: the service answers 400 (for a path parameter 404 too:
//     a path that cannot name anything names nothing);
//   - the schema takes it: the service does not answer 400 (404, 409, 422 are about the data
//     the value names, not about its form); and no value ever gets a 5xx.
// The samples: bounds read from the schema (minimum, maximum, minLength, maxLength, each ± 1),
// its enums and examples, numbers written loosely ("2abc", " 2", "+2", "2.0", "0x2"), long
// digit strings, the literal words of the service's routes, control characters, non-ASCII
// letters, wrong JSON types and null. A path value is also sent with every byte
// percent-encoded, which must not change the verdict (a segment is decoded once).
//
// Request bodies are probed one top-level field at a time from a valid body, for the
// operations whose body is checked whatever the data's state is, and for those that check it
// once the data is in the state set up here (a draft to edit, a nomination under review to
// vote on). Transitions are left out: each action moves the nomination on, so a sample is
// judged in a different state than the one before it. The Zalo webhook's body is Zalo's.
#include <gtest/gtest.h>

#include <iostream>

#include "contract/contract_docs.hpp"
#include "contract/input_parity.hpp"
#include "contract/service_stack.hpp"
#include "contract/text_case.hpp"

namespace thidua::contract {
namespace {
using namespace input_parity;

const std::vector<std::string> kServices{"nominations", "reports", "notifications"};

class InputParityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Bodies up to the default limit, so that the longest texts are probed at their bound.
    const std::map<std::string, std::string> env{{"THIDUA_HTTP_BODY_LIMIT", "1048576"}};
    for (const auto& service : kServices) {
      docs_.emplace(service, JsonSchema(load_yaml_as_json(openapi_path(service))));
      stack_.start(service, env);
    }
    admin_ = stack_.token("admin");
    prepare_nominations();
  }
  void TearDown() override {
    if (HasFailure()) std::cerr << stack_.logs();
  }

  json call_json(const std::string& service, const std::string& method, const std::string& path,
                 const json& body) {
    auto a = stack_.call(service, method, path, body.is_null() ? "" : body.dump(), admin_);
    if (a.status >= 300) {
      throw std::runtime_error(method + " " + path + ": " + std::to_string(a.status) + " " +
                               a.body);
    }
    return json::parse(a.body, nullptr, false);
  }

  // A draft to edit, a nomination under review with a meeting to vote in, and a withdrawn one.
  void prepare_nominations() {
    const std::string base = "/api/nominations/v1/nominations";
    json draft = {{"period", "2026"},
                  {"award", "gk_xa"},
                  {"subject_kind", "individual"},
                  {"subject_id", "gv-a"},
                  {"reason", "Bài giảng điện tử."}};
    ids_.draft = call_json("nominations", "POST", base, draft).value("id", "");
    draft["subject_id"] = "gv-b";
    ids_.review = call_json("nominations", "POST", base, draft).value("id", "");
    call_json("nominations", "POST", base + "/" + ids_.review + "/transitions",
              {{"action", "submit"}});
    call_json("nominations", "POST", base + "/" + ids_.review + "/transitions",
              {{"action", "review"}});
    // Withdrawn is final: a transition asked of it changes nothing, whatever the sample.
    json closed = {{"period", "2026"},
                   {"award", "gk_xa"},
                   {"subject_kind", "collective"},
                   {"subject_id", "to-ngu-van"}};
    ids_.closed = call_json("nominations", "POST", base, closed).value("id", "");
    call_json("nominations", "POST", base + "/" + ids_.closed + "/transitions",
              {{"action", "withdraw"}});
    json meeting = {{"date", "2026-05-20"}, {"members_total", 9}, {"members_present", 7}};
    ids_.meeting = call_json("nominations", "POST", "/api/nominations/v1/council/meetings", meeting)
                       .value("id", "");
    // Another, with no vote: its correction is judged on the body alone.
    ids_.corrected_meeting =
        call_json("nominations", "POST", "/api/nominations/v1/council/meetings", meeting)
            .value("id", "");
    ids_.initiative =
        call_json("nominations", "POST", "/api/nominations/v1/initiatives", initiative_body())
            .value("id", "");
  }

  // "METHOD pattern" → the sample and what went wrong, for one message at the end.
  void judge(const std::string& what, bool schema_takes, const std::vector<std::string>& why,
             const Answer& a, bool path_param) {
    bool refused = a.status == 400 || (path_param && a.status == 404);
    std::string verdict;
    if (a.status >= 500) {
      verdict = "the service failed";
    } else if (schema_takes && a.status == 400) {
      verdict = "the schema takes it, the service refuses it";
    } else if (!schema_takes && !refused) {
      verdict = "the schema refuses it (" + (why.empty() ? std::string() : why.front()) +
                "), the service takes it";
    }
    if (!verdict.empty()) {
      mismatches_.push_back(what + ": " + verdict + " — " + std::to_string(a.status) + " " +
                            a.body.substr(0, 160));
    }
  }

  ServiceStack stack_;
  std::map<std::string, JsonSchema> docs_;
  std::string admin_;
  Prepared ids_;

  std::vector<std::string> mismatches_;
};

TEST_F(InputParityTest, DocumentsAndServicesTakeTheSameInputs) {
  std::size_t probes = 0;
  for (const auto& service : kServices) {
    const JsonSchema& doc = docs_.at(service);
    const auto words = words_of(doc);
    for (const auto& route : routes_of_document(doc.root())) {
      const std::string method_key = lower(route.method);
      const json& path_item = doc.root()["paths"][route.pattern];
      const json& op = path_item[method_key];
      const Target target = target_of(service, route.method, route.pattern, ids_);
      const std::string op_name = service + " " + route.key();

      // Parameters, resolved; the required query ones get a valid value in every call.
      std::vector<json> params;
      for (const json* level : {&path_item, &op}) {
        for (const auto& p : level->value("parameters", json::array())) {
          const json* param = &p;
          while (param->contains("$ref")) {
            param = &doc.resolve((*param)["$ref"].get<std::string>());
          }
          params.push_back(*param);
        }
      }
      std::map<std::string, std::string> required_query;
      for (const auto& p : params) {
        if (p.value("in", "") == "query" && p.value("required", false)) {
          json flat = flattened(doc, p["schema"]);
          required_query[p["name"]] =
              flat.contains("examples") ? flat["examples"][0].get<std::string>() : "2026";
        }
      }
      auto query_with = [](const std::map<std::string, std::string>& values) {
        std::string q;
        for (const auto& [k, v] : values) q += (q.empty() ? "?" : "&") + k + "=" + encode(v);
        return q;
      };
      const std::string base_query = query_with(required_query);
      const std::string body_text = target.body.is_null() ? "" : target.body.dump();

      // The valid call itself is taken.
      {
        auto a = stack_.call(service, route.method, fill(route.pattern, target.path) + base_query,
                             body_text, admin_);
        ASSERT_TRUE(a.status != 400 && a.status < 500)
            << op_name << " refuses the valid call: " << a.status << " " << a.body;
      }

      for (const auto& p : params) {
        const std::string in = p.value("in", "");
        if (in != "path" && in != "query") continue;
        const std::string name = p["name"];
        const json flat = flattened(doc, p["schema"]);
        for (const auto& sample : text_samples(flat, words, 200)) {
          // An empty query value counts as absent (every document says so).
          if (in == "query" && sample.empty()) continue;
          if (in == "path" && (sample == "." || sample == "..")) continue;
          auto why = doc.validate_against(param_instance(flat, sample), p["schema"]);
          const bool takes = why.empty();
          for (bool every_byte : {false, true}) {
            if (in == "query" && every_byte) continue;
            std::string path;
            if (in == "path") {
              auto values = target.path;
              values[name] = encode(sample, every_byte);
              for (auto& [k, v] : values) {
                if (k != name) v = encode(v);
              }
              path = fill(route.pattern, values) + base_query;
            } else {
              auto values = required_query;
              values[name] = sample;
              path = fill(route.pattern, target.path) + query_with(values);
            }
            auto a = stack_.call(service, route.method, path, body_text, admin_);
            ++probes;
            judge(op_name + " " + in + " " + name + "=" + json(sample).dump() +
                      (every_byte ? " (every byte percent-encoded)" : ""),
                  takes, why, a, in == "path");
          }
        }
      }

      if (!target.probe_body) continue;
      const json& body_schema = op["requestBody"]["content"]["application/json"]["schema"];
      ASSERT_TRUE(doc.validate_against(target.body, body_schema).empty())
          << op_name << ": the test's valid body " << target.body.dump() << " does not validate:\n"
          << join_errors(doc.validate_against(target.body, body_schema));
      const json flat_body = flattened(doc, body_schema);
      for (auto f = flat_body["properties"].begin(); f != flat_body["properties"].end(); ++f) {
        // An id in the body must equal the path's: a rule between the two, not a form.
        if (f.key() == "id" ||
            (f.key() == "code" && route.pattern.find("award-forms") != std::string::npos)) {
          continue;
        }
        for (const auto& sample : value_samples(doc, f.value(), words, 0)) {
          json body = target.body;
          body[f.key()] = sample;
          auto why = doc.validate_against(body, body_schema);
          auto a = stack_.call(service, route.method, fill(route.pattern, target.path), body.dump(),
                               admin_);
          ++probes;
          judge(op_name + " body " + f.key() + "=" + sample.dump().substr(0, 80), why.empty(), why,
                a, false);
        }
      }
    }
  }
  std::cout << probes << " samples judged\n";
  // One line per parameter or field: how many samples disagree, and the first of them.
  std::map<std::string, std::pair<int, std::string>> by_input;
  for (const auto& m : mismatches_) {
    auto& entry = by_input[m.substr(0, m.find('='))];
    if (entry.first++ == 0) entry.second = m;
  }
  std::string report;
  for (const auto& [input, entry] : by_input) {
    report += "  [" + std::to_string(entry.first) + "×] " + entry.second + "\n";
  }
  EXPECT_TRUE(mismatches_.empty()) << mismatches_.size()
                                   << " samples are judged differently by the documents and the "
                                      "services; per input, how many and the first:\n"
                                   << report;
}

}  // namespace
}  // namespace thidua::contract