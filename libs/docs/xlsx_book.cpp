#include "docs/xlsx_book.hpp"

#include <string_view>

namespace thidua::docs {

std::string sheet_name(const std::string& wanted) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < wanted.size() && chars < 31;) {
    auto lead = static_cast<unsigned char>(wanted[i]);
    std::size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
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
