#pragma once
// What every service's catalogue test checks (issue 13): keys are unique, and each message,
// rendered with one sample value per placeholder, passes text::lint_message(). A text may name on
// purpose a programmer's word that a script must send (an API detail: "tổ trưởng (leader)"); the
// test lists those per message, and an exception that is no longer needed is a problem too.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/catalogue.hpp"

namespace thidua::catalogue_check {

using Samples = std::map<std::string, std::string>;  // placeholder → sample value
using CodesShown = std::map<std::string_view, std::vector<std::string_view>>;  // key → words

// One line per problem, "key: what is wrong — the rendered text"; empty when all is well.
inline std::vector<std::string> problems(const text::Catalogue& catalogue, const Samples& samples,
                                         const CodesShown& codes_shown = {}) {
  std::vector<std::string> out;
  std::set<std::string_view> keys;
  for (const auto& m : catalogue.messages()) {
    if (!keys.insert(m.key).second) out.push_back(std::string(m.key) + ": the key appears twice");
  }
  for (const auto& [key, words] : codes_shown) {
    bool known = false;
    for (const auto& m : catalogue.messages()) known = known || m.key == key;
    if (!known) out.push_back(std::string(key) + ": listed as showing codes, not in the catalogue");
  }
  for (const auto& m : catalogue.messages()) {
    std::vector<std::pair<std::string, std::string>> vars;
    bool complete = true;
    for (const auto& p : catalogue.placeholders(m.key)) {
      auto it = samples.find(p);
      if (it == samples.end()) {
        out.push_back(std::string(m.key) + ": no sample for {" + p + "}");
        complete = false;
      } else {
        vars.emplace_back(p, it->second);
      }
    }
    if (!complete) continue;
    auto text = catalogue.render(m.key, vars);
    auto shown = codes_shown.find(m.key);
    std::vector<std::string_view> allowed;
    if (shown != codes_shown.end()) allowed = shown->second;
    for (const auto& problem : text::lint_message(text, allowed)) {
      out.push_back(std::string(m.key) + ": " + problem + " — " + text);
    }
    // Each exception is still needed: without it, the lint would object to that word.
    for (auto word : allowed) {
      std::vector<std::string_view> others;
      for (auto w : allowed) {
        if (w != word) others.push_back(w);
      }
      if (text::lint_message(text, others).size() == text::lint_message(text, allowed).size()) {
        out.push_back(std::string(m.key) + ": \"" + std::string(word) +
                      "\" listed as shown on purpose, but the text does not show it");
      }
    }
  }
  return out;
}

}  // namespace thidua::catalogue_check
