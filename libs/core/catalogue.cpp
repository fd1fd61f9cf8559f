#include "core/catalogue.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace thidua::text {
namespace {

// Walks `text`, calling `on_literal` for plain text and `on_placeholder` for each {name}.
template <typename Literal, typename Placeholder>
void walk(std::string_view key, std::string_view text, Literal on_literal,
          Placeholder on_placeholder) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto brace = text.find_first_of("{}", i);
    if (brace == std::string_view::npos) {
      on_literal(text.substr(i));
      return;
    }
    on_literal(text.substr(i, brace - i));
    if (brace + 1 < text.size() && text[brace + 1] == text[brace]) {  // "{{" or "}}"
      on_literal(text.substr(brace, 1));
      i = brace + 2;
      continue;
    }
    auto close = text[brace] == '{' ? text.find('}', brace) : std::string_view::npos;
    if (close == std::string_view::npos || close == brace + 1) {
      throw std::logic_error("catalogue: stray brace in " + std::string(key));
    }
    on_placeholder(text.substr(brace + 1, close - brace - 1));
    i = close + 1;
  }
}

template <typename Pairs>
std::string render_with(std::string_view key, std::string_view text, const Pairs& vars) {
  std::vector<bool> used(vars.size(), false);
  std::string out;
  out.reserve(text.size() + 64);
  walk(
      key, text, [&out](std::string_view s) { out.append(s); },
      [&](std::string_view name) {
        std::size_t k = 0;
        for (const auto& [n, v] : vars) {
          if (std::string_view(n) == name) {
            out.append(v);
            used[k] = true;
            return;
          }
          ++k;
        }
        throw std::logic_error("catalogue: no value for {" + std::string(name) + "} in " +
                               std::string(key));
      });
  std::size_t k = 0;
  for (const auto& [n, v] : vars) {
    if (!used[k++]) {
      throw std::logic_error("catalogue: " + std::string(key) + " has no {" + std::string(n) + "}");
    }
  }
  return out;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string without_links(std::string s) {
  for (std::string_view scheme : {"https://", "http://"}) {
    for (auto at = s.find(scheme); at != std::string::npos; at = s.find(scheme, at)) {
      auto end = s.find_first_of(" \n", at);
      s.erase(at, end == std::string::npos ? std::string::npos : end - at);
    }
  }
  return s;
}

bool word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '_';
}

// `word` (lower case) stands alone in `lower`, not inside another word ("admin" in "/admin"
// counts, "id" in "idea" does not).
bool has_word(const std::string& lower, std::string_view word) {
  for (auto at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
    bool starts = at == 0 || !word_char(lower[at - 1]);
    auto end = at + word.size();
    bool ends = end >= lower.size() || !word_char(lower[end]);
    if (starts && ends) return true;
  }
  return false;
}

// Words a school's staff should never read from the bot or the API.
constexpr std::string_view kProgrammerWords[] = {
    "staff", "leader",    "admin",  "council", "null",  "undefined", "none", "error",
    "param", "parameter", "syntax", "user",    "token", "json",      "http", "id"};
// English that has slipped into a Vietnamese text ("not found", "please try again"): the
// words no field or code of the API is named by, so no text needs one on purpose. Only words
// that no unaccented Vietnamese syllable spells ("can", "to", "be" are left out: "can thiệp").
constexpr std::string_view kEnglishWords[] = {
    "the",      "and",     "not",     "is",    "are",     "was",     "were",   "of",     "for",
    "with",     "from",    "this",    "that",  "your",    "you",     "please", "failed", "fail",
    "invalid",  "missing", "unknown", "found", "must",    "cannot",  "should", "only",   "when",
    "required", "allowed", "sorry",   "again", "warning", "success", "hello",  "welcome"};
// Phrases of a program or of a stranger rather than of a colleague (issue 13).
constexpr std::string_view kForeignPhrases[] = {"tham số", "Tham số", "cú pháp", "Cú pháp", "Bạn ",
                                                "bạn ",    "bạn.",    "suất",    "Suất"};
}  // namespace

std::string_view Catalogue::text_of(std::string_view key) const {
  auto it = std::find_if(messages_.begin(), messages_.end(),
                         [key](const Message& m) { return m.key == key; });
  if (it == messages_.end()) throw std::logic_error("catalogue: no message " + std::string(key));
  return it->text;
}

std::string Catalogue::render(std::string_view key, Vars vars) const {
  return render_with(key, text_of(key), vars);
}

std::string Catalogue::render(std::string_view key,
                              const std::vector<std::pair<std::string, std::string>>& vars) const {
  return render_with(key, text_of(key), vars);
}

std::vector<std::string> Catalogue::placeholders(std::string_view key) const {
  std::vector<std::string> out;
  walk(
      key, text_of(key), [](std::string_view) {},
      [&out](std::string_view name) {
        if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
      });
  return out;
}

std::vector<std::string> lint_message(std::string_view rendered,
                                      std::span<const std::string_view> codes_shown) {
  std::vector<std::string> problems;
  std::string s(rendered);
  if (s.empty()) problems.emplace_back("empty text");
  if (s.find_first_of("{}") != std::string::npos) problems.emplace_back("a placeholder is left");
  if (s.find("  ") != std::string::npos) problems.emplace_back("two spaces in a row");
  for (std::string_view p :
       {" .", " ,", " ;", " :", " )", "( ", "()", "\"\"", "\n ", " \n", ",.", ".."}) {
    if (s.find(p) != std::string::npos) {
      problems.push_back("\"" + std::string(p) + "\": an empty value or a stray space");
    }
  }
  if (!s.empty() && (s.front() == ' ' || s.back() == ' ')) {
    problems.emplace_back("space at an end");
  }
  // A link is read as a whole, not as words ("…/admin/" is the dashboard's address).
  auto lower = lower_ascii(without_links(s));
  for (auto w : kProgrammerWords) {
    bool shown = std::find(codes_shown.begin(), codes_shown.end(), w) != codes_shown.end();
    if (!shown && has_word(lower, w)) {
      problems.push_back("programmer's word \"" + std::string(w) + "\"");
    }
  }
  for (auto w : kEnglishWords) {
    if (has_word(lower, w)) problems.push_back("English word \"" + std::string(w) + "\"");
  }
  for (auto p : kForeignPhrases) {
    if (s.find(p) != std::string::npos) problems.push_back("wording \"" + std::string(p) + "\"");
  }
  // A period in running text is lower case: "báo cáo năm 2026", not "báo cáo Năm 2026".
  for (auto at = s.find(" Năm "); at != std::string::npos; at = s.find(" Năm ", at + 1)) {
    if (at > 0 && s[at - 1] != '.' && s[at - 1] != ':' && s[at - 1] != '\n') {
      problems.emplace_back("\"Năm\" upper case in running text");
    }
  }
  return problems;
}

}  // namespace thidua::text
