#include "docs/xlsx_book.hpp"

#include <unicode/utf8.h>

#include <string_view>

namespace thidua::docs {

std::string sheet_name(const std::string& wanted) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < wanted.size() && chars < 31;) {
    // One character at a time (ICU's U8_FWD_1: a broken sequence counts as one).
    auto start = static_cast<int32_t>(i);
    auto next = start;
    U8_FWD_1(reinterpret_cast<const uint8_t*>(wanted.data()), next,
             static_cast<int32_t>(wanted.size()));
    auto len = static_cast<std::size_t>(next - start);
    std::string ch = wanted.substr(i, len);
    if (ch.size() == 1 && std::string_view("[]:*?/\\").find(ch[0]) != std::string_view::npos) {
      ch = "-";
    }
    out += ch;
    i += len;
    ++chars;
  }
  return out;
}

}  // namespace thidua::docs
