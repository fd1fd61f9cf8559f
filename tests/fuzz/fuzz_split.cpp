// The split of long texts into Zalo messages (notifications/domain/split.cpp). The first
// two bytes pick the part size (1–4096 characters); the rest is the text, made valid UTF-8
// the way parse_object guarantees it in production.
#include "core/text.hpp"
#include "fuzz_support.hpp"
#include "notifications/domain/split.hpp"

using thidua::fuzz::check;
namespace text = thidua::text;

namespace {
bool blank(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
std::string without_blanks(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (!blank(c)) out += c;
  }
  return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  std::size_t max_chars = 1 + ((data[0] << 8 | data[1]) % 4096);
  std::string input = thidua::fuzz::text_of(data + 2, size - 2);
  if (!text::valid_utf8(input)) return 0;
  auto parts = thidua::notifications::split_message(input, max_chars);
  std::string joined;
  for (const auto& p : parts) {
    check(!p.empty(), "no empty part");
    check(text::length(p) <= max_chars, "a part fits the limit");
    check(text::valid_utf8(p), "a part is valid UTF-8 (no cut inside a character)");
    check(!blank(p.front()) && !blank(p.back()), "whitespace at a cut is dropped");
    joined += p;
  }
  check(without_blanks(joined) == without_blanks(input), "only whitespace is lost");
  return 0;
}
