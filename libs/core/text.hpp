#pragma once
// Vietnamese text handling: everything stored is UTF-8 in NFC; matching ignores case and
// diacritics so "/hanchot" and "/hạnchót" mean the same command.
#include <cstddef>
#include <string>
#include <string_view>

namespace thidua::text {

bool valid_utf8(std::string_view s);
// NFC form; throws ApiError 400 (invalid_utf8) when `s` is not UTF-8.
std::string nfc(std::string_view s);
// Lower case, diacritics removed, đ → d: the form commands and searches compare.
std::string fold(std::string_view s);
// Length in Unicode code points (Zalo counts characters, not bytes).
std::size_t length(std::string_view s);
// Byte offset of the code point boundary at or before `byte_limit`.
std::size_t boundary_before(std::string_view s, std::size_t byte_limit);

}  // namespace thidua::text
