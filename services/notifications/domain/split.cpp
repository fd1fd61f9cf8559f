#include "notifications/domain/split.hpp"

#include "core/text.hpp"

namespace thidua::notifications {
namespace {
bool blank(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> split_message(const std::string& text, std::size_t max_chars) {
  std::vector<std::string> parts;
  std::string_view rest = trim(text);
  while (!rest.empty()) {
    std::size_t limit = text::offset_after(rest, max_chars);
    if (limit == rest.size()) {
      parts.emplace_back(rest);
      break;
    }
    // `limit` is a code point boundary; prefer a line break, then a space, at or before it.
    std::string_view head = rest.substr(0, limit + 1);  // the char at limit may be the break
    std::size_t cut = head.rfind('\n');
    if (cut == std::string_view::npos || cut == 0) cut = head.rfind(' ');
    if (cut == std::string_view::npos || cut == 0) cut = limit;
    parts.emplace_back(trim(rest.substr(0, cut)));
    rest = trim(rest.substr(cut));
  }
  return parts;
}

}  // namespace thidua::notifications
