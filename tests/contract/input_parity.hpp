#pragma once
// What input_parity_test.cpp sends: the samples of a parameter's or a field's values, read
// from its schema (input_samples.cpp), and where each operation's requests go, with valid path
// values and a valid body (input_targets.cpp).
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "contract/json_schema.hpp"

namespace thidua::contract::input_parity {
using nlohmann::json;

// Percent-encodes every byte that is not unreserved (RFC 3986 2.3), or every byte.
// A value as a client would put it in a path or a query (http::encode_segment), or with
// every byte escaped, the way a careless client might and the router must still read.
std::string encode(const std::string& s, bool every_byte = false);

// The schema's keywords with $ref and allOf followed, its own first: where bounds are read.
json flattened(const JsonSchema& doc, const json& schema);

// Samples written as text, for parameters and string fields.
std::vector<std::string> text_samples(const json& flat, const std::set<std::string>& words,
                                      std::size_t longest);

// A parameter's text as the JSON value its schema is applied to: a whole number where the
// schema wants a number, the text itself otherwise (OpenAPI's simple style).
json param_instance(const json& flat, const std::string& text);

// Sample JSON values for a body field.
std::vector<json> value_samples(const JsonSchema& doc, const json& schema,
                                const std::set<std::string>& words, int depth);

// The literal words of the document's route patterns.
std::set<std::string> words_of(const JsonSchema& doc);

// The pattern with its {name} placeholders replaced by the values.
std::string fill(std::string pattern, const std::map<std::string, std::string>& values);

// Where a request goes, with valid values for its path parameters and a valid body.
struct Target {
  std::map<std::string, std::string> path;
  json body;  // null: the operation takes none
  bool probe_body = false;
};

// The ids of what the test prepared in nominations: a draft to edit, a nomination under review,
// a withdrawn one, a meeting to vote in, another to correct, and an initiative.
struct Prepared {
  std::string draft, review, closed, meeting, corrected_meeting, initiative;
};

Target target_of(const std::string& service, const std::string& method, const std::string& pattern,
                 const Prepared& ids);

json initiative_body();

}  // namespace thidua::contract::input_parity
