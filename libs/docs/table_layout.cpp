#include "docs/table_layout.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "core/text.hpp"

namespace thidua::docs {
namespace {
constexpr std::size_t kLongestLineChars = 60;  // past this a cell wraps anyway
// A longer "word" is a link or a code: Word and LibreOffice break it at the cell's edge, so it
// counts as this long. Whole, a drive link took two thirds of a báo cáo thành tích's table and
// left its achievements one word a line.
constexpr std::size_t kLongestWordChars = 16;

// Twips `word` takes in 13 pt Times New Roman, bold (headers are): capitals (with their
// marks, "Ư", "Đ") about 0.72 em, everything else about 0.52 em. An estimate on the safe
// side; the layout only has to keep words whole.
int word_twips(std::string_view word) {
  int twips = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(word.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    twips += c >= 0 && u_isupper(c) ? kCapitalTwips : kCharTwips;
  }
  return std::min(twips, static_cast<int>(kLongestWordChars) * kCharTwips);
}

// The characters of `s` on one line, each word counted at most kLongestWordChars long.
std::size_t line_chars(const std::string& s) {
  std::size_t chars = 0;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find_first_of(" \n\t", start);
    if (end == std::string::npos) end = s.size();
    chars +=
        std::min(kLongestWordChars, text::length(std::string_view(s).substr(start, end - start)));
    chars += end < s.size() ? 1 : 0;
    start = end + 1;
  }
  return chars;
}

// The widest word of `s`, in twips.
int longest_word(const std::string& s) {
  int best = 0;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find_first_of(" \n\t", start);
    if (end == std::string::npos) end = s.size();
    best = std::max(best, word_twips(std::string_view(s).substr(start, end - start)));
    start = end + 1;
  }
  return best;
}
}  // namespace

std::vector<int> column_widths(const std::vector<std::vector<std::string>>& rows, int total) {
  std::size_t n = 0;
  for (const auto& r : rows) n = std::max(n, r.size());
  if (n == 0) return {};
  std::vector<int> least(n, kCellPadding + kCharTwips);
  std::vector<int> wish(n, kCellPadding + kCharTwips);
  for (const auto& r : rows) {
    for (std::size_t i = 0; i < r.size(); ++i) {
      int word = kCellPadding + longest_word(r[i]);
      int line = kCellPadding +
                 kCharTwips * static_cast<int>(std::min(kLongestLineChars, line_chars(r[i])));
      least[i] = std::max(least[i], word);
      wish[i] = std::max(wish[i], std::max(word, line));
    }
  }
  long long least_sum = 0;
  long long extra_sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    least_sum += least[i];
    extra_sum += wish[i] - least[i];
  }
  std::vector<int> out(n);
  if (least_sum >= total) {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<int>(total * least[i] / least_sum);
  } else {
    long long room = total - least_sum;
    for (std::size_t i = 0; i < n; ++i) {
      long long share = extra_sum > 0 ? room * (wish[i] - least[i]) / extra_sum
                                      : room / static_cast<long long>(n);
      out[i] = least[i] + static_cast<int>(share);
    }
  }
  // Rounding leaves a few twips: the widest column takes them, so the table fills the line.
  int used = 0;
  for (int w : out) used += w;
  *std::max_element(out.begin(), out.end()) += total - used;
  return out;
}

}  // namespace thidua::docs
