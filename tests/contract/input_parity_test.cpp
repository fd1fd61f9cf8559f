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

#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>

#include "contract/contract_docs.hpp"
#include "contract/service_stack.hpp"
#include "http/router.hpp"

namespace thidua::contract {
namespace {
using nlohmann::json;

const std::vector<std::string> kServices{"nominations", "reports", "notifications"};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Percent-encodes every byte that is not unreserved (RFC 3986 2.3), or every byte.
// A value as a client would put it in a path or a query (http::encode_segment), or with
// every byte escaped, the way a careless client might and the router must still read.
std::string encode(const std::string& s, bool every_byte = false) {
  if (!every_byte) return http::encode_segment(s);
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    out += '%';
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

// The schema's keywords with $ref and allOf followed, its own first: where bounds are read.
json flattened(const JsonSchema& doc, const json& schema) {
  json out = json::object();
  auto merge = [&](auto& self, const json& s, int depth) -> void {
    if (!s.is_object() || depth > 16) return;
    for (auto it = s.begin(); it != s.end(); ++it) {
      if (it.key() != "$ref" && it.key() != "allOf" && !out.contains(it.key())) {
        out[it.key()] = it.value();
      }
    }
    if (s.contains("$ref")) self(self, doc.resolve(s["$ref"].get<std::string>()), depth + 1);
    if (s.contains("allOf")) {
      for (const auto& part : s["allOf"]) self(self, part, depth + 1);
    }
  };
  merge(merge, schema, 0);
  return out;
}

std::set<std::string> types_of(const json& flat) {
  std::set<std::string> out;
  if (!flat.contains("type")) return out;
  if (flat["type"].is_string()) out.insert(flat["type"].get<std::string>());
  if (flat["type"].is_array()) {
    for (const auto& t : flat["type"]) out.insert(t.get<std::string>());
  }
  return out;
}

// Samples written as text, for parameters and string fields.
std::vector<std::string> text_samples(const json& flat, const std::set<std::string>& words,
                                      std::size_t longest) {
  std::vector<std::string> out{"",
                               "a",
                               "Z",
                               "0",
                               "1",
                               "7",
                               "-1",
                               "02",
                               "a b",
                               " a",
                               "é",
                               "Tổ",
                               "a/b",
                               "a%b",
                               "a+b",
                               "a.b",
                               "_",
                               "-a",
                               "a_b-1",
                               "A1",
                               "\x01"
                               "a",
                               "a\n",
                               "a\tb",
                               "a\rb",
                               "\x7f",
                               "a\u0085",
                               "a\u200b",
                               "2abc",
                               "+2",
                               " 2",
                               "2 ",
                               "2.0",
                               "0x2",
                               "1e3",
                               "2024",
                               "2025",
                               "2030",
                               "2031",
                               "02026",
                               "99999999999999999999",
                               repeat("1", 18),
                               repeat("1", 19),
                               repeat("1", 20),
                               "0123456789abcdef",
                               "0123456789ABCDEF",
                               "0123456789abcdeg",
                               repeat("f", 32),
                               repeat("f", 33),
                               repeat("x", 64),
                               repeat("x", 65)};
  for (const auto& w : words) out.push_back(w);
  for (const char* key : {"examples", "enum"}) {
    if (!flat.contains(key)) continue;
    for (const auto& v : flat[key]) {
      if (!v.is_string()) continue;
      out.push_back(v.get<std::string>());
      out.push_back(v.get<std::string>() + "x");
      out.push_back(upper(v.get<std::string>()));
    }
  }
  if (flat.contains("const") && flat["const"].is_string()) {
    out.push_back(flat["const"].get<std::string>());
  }
  for (const char* key : {"minLength", "maxLength"}) {
    if (!flat.contains(key)) continue;
    auto n = flat[key].get<std::size_t>();
    for (auto len : {n > 0 ? n - 1 : 0, n, n + 1}) {
      if (len > longest) continue;
      out.push_back(repeat("a", len));
      out.push_back(repeat("ế", len));
    }
  }
  for (const char* key : {"minimum", "maximum"}) {
    if (!flat.contains(key)) continue;
    auto n = flat[key].get<long long>();
    for (auto v : {n - 1, n, n + 1}) out.push_back(std::to_string(v));
  }
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (auto& s : out) {
    if (s.size() <= longest * 3 && seen.insert(s).second) unique.push_back(std::move(s));
  }
  return unique;
}

// A parameter's text as the JSON value its schema is applied to: a whole number where the
// schema wants a number, the text itself otherwise (OpenAPI's simple style).
json param_instance(const json& flat, const std::string& text) {
  static const std::regex whole(R"(^-?[0-9]+$)");
  auto types = types_of(flat);
  if ((types.count("integer") || types.count("number")) && std::regex_match(text, whole)) {
    try {
      return std::stoll(text);  // "02" is 2
    } catch (const std::out_of_range&) {
      return std::stod(text);  // beyond any bound the documents set
    }
  }
  return text;
}

// Sample JSON values for a body field.
std::vector<json> value_samples(const JsonSchema& doc, const json& schema,
                                const std::set<std::string>& words, int depth) {
  std::vector<json> out{nullptr, true, false, 0, 1.5, "", "x", json::object(), json::array()};
  json flat = flattened(doc, schema);
  auto types = types_of(flat);
  bool texty = types.count("string") || flat.contains("enum") || flat.contains("pattern") ||
               flat.contains("const") || flat.contains("format");
  if (texty) {
    for (auto& s : text_samples(flat, words, 25000)) out.emplace_back(std::move(s));
    out.emplace_back(2026);
  }
  if (types.count("integer") || types.count("number")) {
    for (long long v : {-1LL, 0LL, 1LL, 2LL, 7LL}) out.emplace_back(v);
    for (const char* key : {"minimum", "maximum"}) {
      if (!flat.contains(key)) continue;
      auto n = flat[key].get<long long>();
      for (auto v : {n - 1, n, n + 1}) out.emplace_back(v);
    }
    out.emplace_back(18446744073709551615ULL);
    out.emplace_back(1e20);
    out.emplace_back(2.0);  // an integer to JSON Schema, as 2 is
    out.emplace_back(1e2);
    out.emplace_back(-0.0);
    out.emplace_back("2");
  }
  if (types.count("boolean")) out.emplace_back("true");
  for (const char* key : {"oneOf", "anyOf"}) {
    if (!flat.contains(key)) continue;
    for (const auto& branch : flat[key]) {
      for (auto& v : value_samples(doc, branch, words, depth)) out.push_back(std::move(v));
    }
  }
  if (depth < 3 && flat.contains("properties")) {
    for (auto p = flat["properties"].begin(); p != flat["properties"].end(); ++p) {
      for (auto& v : value_samples(doc, p.value(), words, depth + 1)) {
        out.push_back(json{{p.key(), std::move(v)}});
      }
    }
  }
  if (depth < 3 && flat.contains("items")) {
    int n = 0;
    for (auto& v : value_samples(doc, flat["items"], words, depth + 1)) {
      if (n++ < 12) out.push_back(json::array({std::move(v)}));
    }
  }
  std::vector<json> unique;
  std::set<std::string> seen;
  for (auto& v : out) {
    if (seen.insert(v.dump()).second) unique.push_back(std::move(v));
  }
  return unique;
}

// Where a request goes, with valid values for its path parameters and a valid body.
struct Target {
  std::map<std::string, std::string> path;
  json body;  // null: the operation takes none
  bool probe_body = false;
};

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
                  {"subject_id", "gv-a"}};
    draft_id_ = call_json("nominations", "POST", base, draft).value("id", "");
    draft["subject_id"] = "gv-b";
    review_id_ = call_json("nominations", "POST", base, draft).value("id", "");
    call_json("nominations", "POST", base + "/" + review_id_ + "/transitions",
              {{"action", "submit"}});
    call_json("nominations", "POST", base + "/" + review_id_ + "/transitions",
              {{"action", "review"}});
    // Withdrawn is final: a transition asked of it changes nothing, whatever the sample.
    json closed = {{"period", "2026"},
                   {"award", "gk_xa"},
                   {"subject_kind", "collective"},
                   {"subject_id", "to-ngu-van"}};
    closed_id_ = call_json("nominations", "POST", base, closed).value("id", "");
    call_json("nominations", "POST", base + "/" + closed_id_ + "/transitions",
              {{"action", "withdraw"}});
    json meeting = {{"date", "2026-05-20"}, {"members_total", 9}, {"members_present", 7}};
    meeting_id_ = call_json("nominations", "POST", "/api/nominations/v1/council/meetings", meeting)
                      .value("id", "");
    // Another, with no vote: its correction is judged on the body alone.
    corrected_meeting_id_ =
        call_json("nominations", "POST", "/api/nominations/v1/council/meetings", meeting)
            .value("id", "");
    initiative_id_ =
        call_json("nominations", "POST", "/api/nominations/v1/initiatives", initiative_body())
            .value("id", "");
  }

  Target target_of(const std::string& service, const std::string& method,
                   const std::string& pattern) const {
    Target t;
    const std::string key = service + " " + method + " " + pattern;
    static const std::regex nomination(R"(/nominations/\{id\})");
    // Valid path values, by parameter.
    t.path["year"] = "2026";
    t.path["unit"] = "to-toan-tin";
    t.path["item"] = "to_trinh";
    t.path["file"] = "2026-bc-01.pdf";  // none issued here: 404 whatever the sample
    t.path["kind"] = "individual";
    t.path["subject_id"] = "gv-a";
    if (service == "nominations") {
      t.path["id"] = std::regex_search(pattern, nomination) ? review_id_ : "probe-id";
      if (pattern.find("/tokens/{id}") != std::string::npos) t.path["id"] = "0123456789abcdef";
      if (pattern.ends_with("/sessions/{id}")) t.path["id"] = "0123456789abcdef0123456789abcdef";
      if (pattern.find("/staff/{id}/") != std::string::npos) t.path["id"] = "gv-a";
      if (method == "PUT" && pattern.ends_with("nominations/{id}")) t.path["id"] = draft_id_;
      if (pattern.ends_with("/transitions")) t.path["id"] = closed_id_;
      if (pattern.ends_with("/evidence")) t.path["id"] = draft_id_;
      if (pattern.ends_with("/council/meetings/{id}")) t.path["id"] = corrected_meeting_id_;
      // An entry to correct; the removal tries one that does not exist, so it stays.
      if (pattern.ends_with("/initiatives/{id}")) {
        t.path["id"] = method == "DELETE" ? "999999" : initiative_id_;
      }
    } else if (service == "reports") {
      t.path["id"] = "probe-id";
    } else {
      t.path["id"] = "0123abcd";
    }
    // Valid bodies.
    static const std::map<std::string, std::pair<json, bool>> bodies{
        {"nominations POST /api/nominations/v1/nominations",
         {{{"period", "2026"},
           {"award", "gk_ht"},
           {"subject_kind", "collective"},
           {"subject_id", "to-toan-tin"},
           {"reason", "Lý do."}},
          true}},
        {"nominations PUT /api/nominations/v1/nominations/{id}",
         {{{"period", "2026"},
           {"award", "gk_xa"},
           {"subject_kind", "individual"},
           {"subject_id", "gv-a"}},
          true}},
        {"nominations POST /api/nominations/v1/nominations/{id}/transitions",
         {{{"action", "submit"}}, false}},
        {"nominations PUT /api/nominations/v1/nominations/{id}/vote",
         {{{"meeting_id", "1"}, {"yes", 7}, {"no", 0}}, true}},
        {"nominations PUT /api/nominations/v1/nominations/{id}/dossier/{item}",
         {{{"copies", 1}}, true}},
        {"nominations POST /api/nominations/v1/nominations/{id}/evidence",
         {{{"achievement", 0}, {"link", "https://drive.google.com/file/d/bai-giang-1"}}, true}},
        {"nominations POST /api/nominations/v1/council/meetings",
         {{{"date", "2026-05-20"}, {"members_total", 9}, {"members_present", 7}}, true}},
        {"nominations PUT /api/nominations/v1/council/meetings/{id}",
         {{{"date", "2026-05-21"}, {"members_total", 9}, {"members_present", 8}}, true}},
        {"nominations PUT /api/nominations/v1/catalogue/units/{id}", {{{"name", "Tổ thử"}}, true}},
        {"nominations PUT /api/nominations/v1/catalogue/periods/{id}",
         {{{"kind", "annual"}, {"year", 2026}, {"label", "Năm học thử"}}, true}},
        {"nominations PUT /api/nominations/v1/catalogue/award-forms/{id}",
         {{{"label", "Giấy khen thử"}}, true}},
        {"nominations PUT /api/nominations/v1/catalogue/staff/{id}",
         {{{"name", "Cán bộ thử"}, {"unit_id", "to-toan-tin"}}, true}},
        {"nominations POST /api/nominations/v1/tokens", {{{"staff_id", "gv-a"}}, true}},
        {"nominations PUT /api/nominations/v1/registrations/{year}/{kind}/{subject_id}",
         {{{"titles", {"Lao động tiên tiến"}},
           {"targets", {{{"content_area", "II.1"}, {"text", "12 bài giảng điện tử"}}}},
           {"submit", true}},
          true}},
        {"nominations POST /api/nominations/v1/rounds",
         {{{"period", "2026"},
           {"name", "Đợt thử"},
           {"opens", "2026-11-01"},
           {"closes", "2026-11-30"}},
          true}},
        {"nominations PUT /api/nominations/v1/rounds/{id}",
         {{{"period", "2026"},
           {"name", "Đợt thử"},
           {"opens", "2026-11-01"},
           {"closes", "2026-11-30"}},
          true}},
        // Issuing: no signer is configured here, so a valid call is 422 (signer_missing)
        // before anything is rendered.
        {"nominations POST /api/nominations/v1/documents/to-trinh",
         {{{"period", "2026"}, {"award", "gk_xa"}}, true}},
        {"nominations POST /api/nominations/v1/documents/quyet-dinh", {{{"period", "2026"}}, true}},
        {"nominations POST /api/nominations/v1/documents/bien-ban", {{{"meeting_id", "1"}}, true}},
        {"nominations POST /api/nominations/v1/documents/bao-cao-thanh-tich",
         {{{"nomination_id", "1"}}, true}},
        // Their previews take the same bodies and refuse the same way.
        {"nominations POST /api/nominations/v1/documents/to-trinh/preview",
         {{{"period", "2026"}, {"award", "gk_xa"}}, true}},
        {"nominations POST /api/nominations/v1/documents/quyet-dinh/preview",
         {{{"period", "2026"}}, true}},
        {"nominations POST /api/nominations/v1/documents/bien-ban/preview",
         {{{"meeting_id", "1"}}, true}},
        {"nominations POST /api/nominations/v1/documents/bao-cao-thanh-tich/preview",
         {{{"nomination_id", "1"}}, true}},
        {"nominations POST /api/nominations/v1/zalo-links",
         {{{"code", "abcd1234"}, {"zalo_user_id", "zalo-1"}}, true}},
        {"reports PUT /api/reports/v1/deadlines/{id}",
         {{{"name", "Hạn thử"},
           {"recipient", "UBND xã"},
           {"rule", "yearly"},
           {"month", 10},
           {"day", 15},
           {"first_year", 2000},
           {"last_year", 2100}},
          true}},
        {"reports POST /api/reports/v1/deadlines/{id}/done",
         {{{"due_date", "2026-10-30"}, {"done_on", "2026-10-28"}, {"number", "25/BC-THCSVP1"}},
          true}},
        {"reports PUT /api/reports/v1/contributions/{year}/{unit}",
         {{{"narratives", {{"II.1", "Một."}}}, {"figures", {{"e_lessons", 1}}}}, true}},
        {"reports PATCH /api/reports/v1/contributions/{year}/{unit}",
         {{{"narratives", {{"II.2", "Hai."}}}, {"figures", {{"e_lessons", 2}}}}, true}},
        {"reports POST /api/reports/v1/contributions/{year}/{unit}/reopen",
         {{{"reason", "Thiếu số liệu nội dung II.2."}}, true}},
        {"reports POST /api/reports/v1/contributions/{year}/{unit}/submit",
         {{{"narratives", {{"II.1", "Một."}}}}, true}},
        {"reports PUT /api/reports/v1/indicators/{year}",
         {{{"indicators",
            {{{"code", "e_lessons"}, {"label", "Bài giảng"}, {"area", "II.4"}, {"unit", "bài"}}}}},
          true}},
        {"reports POST /api/reports/v1/school-reports/{year}/sent",
         {{{"sent_on", "2026-10-30"}, {"number", "25/BC-THCSVP1"}}, true}},
        {"reports PATCH /api/reports/v1/school-reports/{year}/sections",
         {{{"situation", "Trường có 18 lớp."}, {"next_year", "Tiếp tục."}}, true}},
        {"notifications POST /api/notifications/v1/messages",
         {{{"target", "group"}, {"text", "Thử."}}, true}},
        {"notifications POST /api/notifications/v1/bot/zalo/webhook", {json::object(), false}},
    };
    if (key.starts_with("nominations POST /api/nominations/v1/initiatives") ||
        key.starts_with("nominations PUT /api/nominations/v1/initiatives/")) {
      t.body = initiative_body();
      t.probe_body = true;
    }
    // "Mẫu văn bản": the school's own file is a valid template of its document.
    if (pattern.ends_with("/templates/{file}")) {
      t.path["file"] = service == "reports" ? "bao-cao-nam.txt" : "to-trinh.txt";
      if (method == "PUT") {
        std::ifstream in(testing::source_dir() + "/config/documents/" + t.path["file"]);
        std::stringstream text;
        text << in.rdbuf();
        t.body = {{"wording", text.str()}};
        t.probe_body = true;
      }
    }
    if (auto b = bodies.find(key); b != bodies.end()) {
      t.body = b->second.first;
      t.probe_body = b->second.second;
      if (key.ends_with("/vote")) t.body["meeting_id"] = meeting_id_;
    }
    return t;
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

  std::set<std::string> words_of(const JsonSchema& doc) const {
    std::set<std::string> words;
    for (const auto& route : routes_of_document(doc.root())) {
      std::size_t start = 1;
      while (start < route.pattern.size()) {
        auto end = route.pattern.find('/', start);
        if (end == std::string::npos) end = route.pattern.size();
        auto segment = route.pattern.substr(start, end - start);
        if (!segment.empty() && segment[0] != '{') words.insert(segment);
        start = end + 1;
      }
    }
    return words;
  }

  static std::string fill(std::string pattern, const std::map<std::string, std::string>& values) {
    for (const auto& [name, value] : values) {
      auto at = pattern.find("{" + name + "}");
      if (at != std::string::npos) pattern.replace(at, name.size() + 2, value);
    }
    return pattern;
  }

  ServiceStack stack_;
  std::map<std::string, JsonSchema> docs_;
  std::string admin_;
  static json initiative_body() {
    return {{"title", "Kho bài giảng điện tử dùng chung"},
            {"author_ids", {"gv-a"}},
            {"unit_id", "to-toan-tin"},
            {"content_area", "II.4"},
            {"year", 2026}};
  }

  std::string draft_id_, review_id_, closed_id_, meeting_id_, corrected_meeting_id_, initiative_id_;
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
      const Target target = target_of(service, route.method, route.pattern);
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
