#pragma once
// A message catalogue: every text a service says to a person, one keyed entry each, with
// named placeholders written {name}. Each service keeps its catalogue in one file, so the
// wording is reviewed as a whole (issue 13); a test renders every entry with sample values
// and runs lint_message() over the result.
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace thidua::text {

struct Message {
  std::string_view key;   // what the code names it by: "reply.whoami"
  std::string_view text;  // UTF-8, NFC; "{name}" is a placeholder, "{{" and "}}" are braces
};

// (placeholder, value) pairs; a value is inserted as it is.
using Vars = std::initializer_list<std::pair<std::string_view, std::string_view>>;

class Catalogue {
 public:
  constexpr explicit Catalogue(std::span<const Message> messages) : messages_(messages) {}

  // The text of `key` with each {placeholder} replaced by its value. Throws std::logic_error
  // for an unknown key, a placeholder without a value or a value for no placeholder: each is
  // a mistake in the code or the catalogue, never in what a person typed.
  std::string render(std::string_view key, Vars vars = {}) const;
  // The same with the values in a vector (for callers that build them up).
  std::string render(std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& vars) const;
  // The placeholders of `key`, in order of first appearance. Throws like render().
  std::vector<std::string> placeholders(std::string_view key) const;
  std::span<const Message> messages() const { return messages_; }

 private:
  std::string_view text_of(std::string_view key) const;
  std::span<const Message> messages_;
};

// What is wrong with a rendered text as a school would read it: a placeholder left or
// rendered empty ("()", "mã )", "\"\""), two spaces in a row, a space before punctuation, a
// programmer's word, a stray English word ("not found", "please"), "bạn" (colleagues are
// "thầy cô"), "suất" for a quota's places.
// Empty when nothing is. For tests of each service's catalogue.
// `codes_shown`: programmer's words that this one text names on purpose, because a script
// must send exactly that value (an API detail: "tổ trưởng (leader)", "null (chưa quy
// định)"); each catalogue test lists them per message, so every exception is reviewed.
std::vector<std::string> lint_message(std::string_view rendered,
                                      std::span<const std::string_view> codes_shown = {});

}  // namespace thidua::text
