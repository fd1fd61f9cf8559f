#include "contract/json_schema.hpp"

#include <pthread.h>

#include <exception>
#include <functional>
#include <set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "contract/schema_bridge.hpp"

namespace thidua::contract {
namespace {
using nlohmann::json;

// The URI under which valijson fetches the document: "$ref"s of a schema taken out of it are
// rewritten to "thidua://document#/...".
const std::string kDocUri = "thidua://document";
constexpr int kMaxDepth = 64;  // $ref chains deeper than this are taken for a cycle

const std::set<std::string>& annotations() {
  static const std::set<std::string> keys{
      "$schema",    "$id",         "$defs",     "$comment",         "$anchor",
      "title",      "description", "default",   "examples",         "example",
      "deprecated", "readOnly",    "writeOnly", "contentMediaType", "contentEncoding"};
  return keys;
}

// What valijson checks of draft 7 (format: date, time and date-time; other formats are
// annotations), and unevaluatedProperties, which the bridge turns into additionalProperties.
const std::set<std::string>& supported() {
  static const std::set<std::string> keys{"$ref",
                                          "type",
                                          "enum",
                                          "const",
                                          "properties",
                                          "required",
                                          "items",
                                          "minItems",
                                          "maxItems",
                                          "minLength",
                                          "maxLength",
                                          "minimum",
                                          "maximum",
                                          "pattern",
                                          "format",
                                          "allOf",
                                          "anyOf",
                                          "oneOf",
                                          "not",
                                          "if",
                                          "then",
                                          "else",
                                          "exclusiveMinimum",
                                          "exclusiveMaximum",
                                          "additionalProperties",
                                          "unevaluatedProperties"};
  return keys;
}

// "/items/0/id" of valijson's context {"<root>", "[items]", "[0]", "[id]"}.
std::string where_of(const std::vector<std::string>& context) {
  std::string where;
  for (std::size_t i = 1; i < context.size(); ++i) {
    const auto& part = context[i];
    bool bracketed = part.size() >= 2 && part.front() == '[' && part.back() == ']';
    where += "/" + (bracketed ? part.substr(1, part.size() - 2) : part);
  }
  return where.empty() ? "(root)" : where;
}

// Runs `work` on a thread with a 512 MiB stack (address space; only what is touched is
// used): libstdc++'s std::regex recurses per byte, so valijson's `pattern` on a long text
// (the input-parity test sends LongText's limit in Vietnamese letters) overflows the 8 MiB of
// the main thread.
void with_deep_stack(const std::function<void()>& work) {
  struct Job {
    const std::function<void()>* work;
    std::exception_ptr error;
  } job{&work, nullptr};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, std::size_t{512} << 20);
  pthread_t thread;
  auto run = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    try {
      (*j->work)();
    } catch (...) {
      j->error = std::current_exception();
    }
    return nullptr;
  };
  int failed = pthread_create(&thread, &attr, run, &job);
  pthread_attr_destroy(&attr);
  if (failed) throw std::runtime_error("cannot start the validation thread");
  pthread_join(thread, nullptr);
  if (job.error) std::rethrow_exception(job.error);
}

// Schemas in objects keyed by keyword, where lint() walks on.
bool holds_schema(const std::string& key) {
  static const std::set<std::string> keys{
      "additionalProperties", "items", "not", "unevaluatedProperties", "if", "then", "else"};
  return keys.count(key) > 0;
}
}  // namespace

JsonSchema::JsonSchema(nlohmann::json root) : root_(std::move(root)), checked_(root_) {
  auto resolver = [this](const std::string& ref) -> const json& { return resolve(ref); };
  // valijson follows a $ref to a $ref without end; find such a cycle before it does.
  auto walk = [&](auto& self, const json& node) -> void {
    if (node.is_object() && node.contains("$ref") && node["$ref"].is_string()) {
      const json* at = &node;
      for (int depth = 0; broken_.empty() && at->is_object() && at->contains("$ref"); ++depth) {
        if (depth > kMaxDepth) broken_ = "$ref " + node["$ref"].dump() + " leads to a cycle";
        try {
          at = &resolve((*at)["$ref"].get<std::string>());
        } catch (const SchemaError&) {
          break;  // validate() names a $ref to nothing when it is used
        }
      }
    }
    if (node.is_structured()) {
      for (const auto& v : node) self(self, v);
    }
  };
  walk(walk, root_);
  if (!broken_.empty()) return;
  try {
    bridge(checked_, resolver);
  } catch (const SchemaError& e) {
    broken_ = e.what();
  }
}

JsonSchema::~JsonSchema() = default;
JsonSchema::JsonSchema(JsonSchema&&) noexcept = default;
JsonSchema& JsonSchema::operator=(JsonSchema&&) noexcept = default;

const nlohmann::json& JsonSchema::resolve(const std::string& ref) const {
  if (ref.empty() || ref[0] != '#') {
    throw SchemaError("$ref \"" + ref +
                      "\": only references inside the document (#/...) are supported");
  }
  if (ref == "#") return root_;
  try {
    return root_.at(json::json_pointer(ref.substr(1)));
  } catch (const json::exception&) {
    throw SchemaError("$ref \"" + ref + "\" points to nothing in the document");
  }
}

const valijson::Schema& JsonSchema::compiled(const nlohmann::json& schema) const {
  if (!broken_.empty()) throw SchemaError(broken_);
  auto key = schema.dump();
  auto found = cache_.find(key);
  if (found != cache_.end()) return *found->second;

  json bridged = schema;
  auto resolver = [this](const std::string& ref) -> const json& { return resolve(ref); };
  bridge(bridged, resolver, kDocUri);
  auto parsed = std::make_unique<valijson::Schema>();
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(bridged);
    auto fetch = [this](const std::string& uri) -> const json* {
      return uri == kDocUri ? &checked_ : nullptr;
    };
    auto keep = [](const json*) {};  // the document outlives the parse
    parser.populateSchema(adapter, *parsed, fetch, keep);
  } catch (const std::exception& e) {
    throw SchemaError(std::string("valijson cannot read the schema: ") + e.what());
  }
  return *cache_.emplace(std::move(key), std::move(parsed)).first->second;
}

std::vector<std::string> JsonSchema::validate(const nlohmann::json& instance,
                                              const std::string& ref) const {
  resolve(ref);  // a SchemaError names a reference to nothing
  return validate_against(instance, json{{"$ref", ref}}, ref);
}

std::vector<std::string> JsonSchema::validate_against(const nlohmann::json& instance,
                                                      const nlohmann::json& schema,
                                                      const std::string& schema_path) const {
  const auto& parsed = compiled(schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  const json checked = bridged_instance(instance);
  valijson::adapters::NlohmannJsonAdapter target(checked);
  std::vector<std::string> errors;
  bool valid = false;
  try {
    with_deep_stack([&] { valid = validator.validate(parsed, target, &results); });
    if (valid) return errors;
  } catch (const std::exception& e) {
    // valijson reads some keywords without checking the type first (format of a number).
    errors.push_back("(root): valijson stopped: " + std::string(e.what()) + " [schema " +
                     schema_path + "]");
    return errors;
  }
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    errors.push_back(where_of(error.context) + ": " + error.description + " [schema " +
                     schema_path + "]");
  }
  return errors;
}

std::vector<std::string> JsonSchema::lint(const nlohmann::json& schema,
                                          const std::string& schema_path) const {
  std::vector<std::string> problems;
  auto walk = [&](auto& self, const json& node, const std::string& path) -> void {
    if (node.is_boolean()) return;
    if (!node.is_object()) {
      problems.push_back(path + ": a schema must be an object or a boolean");
      return;
    }
    for (const auto& [key, value] : node.items()) {
      const std::string at = path + "/" + key;
      if (key == "$defs" || key == "properties") {
        if (!value.is_object()) problems.push_back(at + ": must be an object");
        for (auto d = value.begin(); value.is_object() && d != value.end(); ++d) {
          self(self, d.value(), at + "/" + d.key());
        }
      } else if (annotations().count(key) || key.rfind("x-", 0) == 0) {
        continue;
      } else if (!supported().count(key)) {
        problems.push_back(at + ": keyword \"" + key + "\" is not checked by valijson here");
      } else if (key == "$ref") {
        try {
          if (!value.is_string()) throw SchemaError("$ref must be a string");
          resolve(value.template get<std::string>());
        } catch (const SchemaError& e) {
          problems.push_back(at + ": " + e.what());
        }
      } else if (holds_schema(key)) {
        self(self, value, at);
      } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
        if (!value.is_array() || value.empty()) {
          problems.push_back(at + ": must be a non-empty array of schemas");
          continue;
        }
        for (std::size_t i = 0; i < value.size(); ++i) {
          self(self, value[i], at + "/" + std::to_string(i));
        }
      }
    }
    // What the walk missed (bad type names, patterns, limits) shows when valijson reads the
    // schema; its examples must validate.
    try {
      compiled(node);
      for (const auto& example : node.value("examples", json::array())) {
        for (const auto& e : validate_against(example, node, path)) {
          problems.push_back(path + ": example " + example.dump() + " does not validate: " + e);
        }
      }
    } catch (const SchemaError& e) {
      problems.push_back(path + ": " + e.what());
    }
  };
  walk(walk, schema, schema_path);
  return problems;
}

std::string join_errors(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += "  " + e + "\n";
  return out;
}

}  // namespace thidua::contract
