#include "core/text.hpp"

#include <vector>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "core/errors.hpp"
#include "core/messages.hpp"

namespace thidua::text {
namespace {
const icu::Normalizer2& normalizer(bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || !n) throw std::runtime_error("ICU normaliser unavailable");
  return *n;
}

icu::UnicodeString decode(std::string_view s) {
  if (!valid_utf8(s)) {
    throw bad_request("invalid_utf8", common::say("problem.invalid_utf8"));
  }
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}
// Code points of one_line(s).
std::vector<UChar32> line_code_points(std::string_view s) {
  std::vector<UChar32> out;
  bool space = false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (u_isUWhiteSpace(c)) {
      space = !out.empty();
      continue;
    }
    auto type = u_charType(c);
    if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR) continue;
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string utf8_of(const std::vector<UChar32>& code_points) {
  icu::UnicodeString u;
  for (UChar32 c : code_points) u.append(c);
  std::string out;
  u.toUTF8String(out);
  return out;
}
}  // namespace

// ICU's U8_NEXT refuses what is not UTF-8 (overlong forms, surrogates, truncated
// sequences, values past U+10FFFF) with a negative code point.
bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  auto normalised = normalizer(true).normalize(decode(s), status);
  if (U_FAILURE(status)) throw bad_request("invalid_text", common::say("problem.invalid_text"));
  std::string out;
  normalised.toUTF8String(out);
  return out;
}

std::string fold(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  auto decomposed = normalizer(false).normalize(decode(s), status);
  if (U_FAILURE(status)) throw bad_request("invalid_text", common::say("problem.invalid_text"));
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0111 || c == 0x0110) c = 'd';  // đ, Đ have no decomposition
    out.append(static_cast<UChar32>(u_tolower(c)));
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::size_t length(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  std::size_t count = 0;
  for (int32_t i = 0; i < n; ++count) U8_FWD_1(p, i, n);
  return count;
}

std::size_t boundary_before(std::string_view s, std::size_t byte_limit) {
  if (byte_limit >= s.size()) return s.size();
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto i = static_cast<int32_t>(byte_limit);
  U8_SET_CP_START(p, 0, i);
  return static_cast<std::size_t>(i);
}

std::size_t offset_after(std::string_view s, std::size_t code_points) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  for (std::size_t k = 0; k < code_points && i < n; ++k) U8_FWD_1(p, i, n);
  return static_cast<std::size_t>(i);
}

bool blank(std::string_view s) {
  return one_line(s).empty();
}

std::string one_line(std::string_view s) {
  return utf8_of(line_code_points(s));
}

std::string excerpt(std::string_view s, std::size_t max_chars) {
  auto cps = line_code_points(s);
  if (cps.size() <= max_chars) return utf8_of(cps);
  cps.resize(max_chars == 0 ? 0 : max_chars - 1);
  while (!cps.empty() && cps.back() == ' ') cps.pop_back();
  if (max_chars > 0) cps.push_back(0x2026);  // …
  return utf8_of(cps);
}

}  // namespace thidua::text

namespace thidua::text {
namespace {
// `s` with its first code point mapped by `map` (u_tolower, u_toupper); the rest as it is.
// `keep_abbreviation`: an upper-case second letter ("UBND") leaves `s` as it is.
std::string map_first(std::string_view s, UChar32 (*map)(UChar32), bool keep_abbreviation) {
  if (s.empty() || !valid_utf8(s)) return std::string(s);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  UChar32 first;
  U8_NEXT(p, i, n, first);
  if (keep_abbreviation && i < n) {
    int32_t j = i;
    UChar32 second;
    U8_NEXT(p, j, n, second);
    if (u_isupper(second)) return std::string(s);
  }
  icu::UnicodeString u;
  u.append(map(first));
  std::string out;
  u.toUTF8String(out);
  out.append(s.substr(static_cast<std::size_t>(i)));
  return out;
}
}  // namespace

std::string lower_first(std::string_view s) {
  return map_first(s, u_tolower, true);
}

std::string upper_first(std::string_view s) {
  return map_first(s, u_toupper, false);
}

std::string upper(std::string_view s) {
  if (!valid_utf8(s)) return std::string(s);
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toUpper(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return out;
}
}  // namespace thidua::text
