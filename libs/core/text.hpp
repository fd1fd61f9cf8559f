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
// Byte offset just past the first `code_points` code points (or the end of `s`).
std::size_t offset_after(std::string_view s, std::size_t code_points);
// One line of plain text: control and format characters (zero-width space, bidi marks)
// dropped, every run of white space (line breaks, no-break space) as one ' ', trimmed.
// Never throws: a byte that is not UTF-8 becomes U+FFFD.
std::string one_line(std::string_view s);
// Nothing a reader would see: empty, or only white space (no-break space included) and
// format characters. A required name or title that is blank counts as missing.
bool blank(std::string_view s);
// one_line(s) cut to at most `max_chars` code points, the last of them "…" when cut: the
// form in which a reply quotes what a person typed.
std::string excerpt(std::string_view s, std::size_t max_chars);
// `s` with its first letter in lower case, as a label reads in running text ("Năm 2026" →
// "năm 2026", "Sơ kết giai đoạn 1" → "sơ kết giai đoạn 1"); an abbreviation ("UBND") and
// text that is not UTF-8 are returned as they are.
std::string lower_first(std::string_view s);
// `s` with its first letter in upper case, as a label stands alone ("tổ trưởng" → "Tổ
// trưởng", on a badge or a heading); text that is not UTF-8 is returned as it is.
std::string upper_first(std::string_view s);
// The whole of `s` in upper case by Vietnamese rules (ICU, locale "vi"): "UBND xã Vĩnh
// Phong" → "UBND XÃ VĨNH PHONG", as the governing and issuing bodies are printed; text that
// is not UTF-8 is returned as it is.
std::string upper(std::string_view s);

}  // namespace thidua::text
