#pragma once
// Column widths of a document's table (a list of nominees, a register of initiatives): every
// column at least as wide as its longest word, so that no word — "STT", a year, a decision
// number — is broken letter by letter (a clerk sends such a page back); the room left is
// shared in proportion to how much each column has to say.
#include <string>
#include <vector>

namespace thidua::docs {

// Twips (1/1440 inch) a table cell needs around its text: Word's default cell margins
// (108 twips each side) and a little air.
inline constexpr int kCellPadding = 260;
// Twips of one character of 13 pt Times New Roman, bold (an em is 260 twips): a capital
// about 0.72 em, any other letter, digit or sign about 0.52 em — on the safe side, so that a
// word estimated to fit does fit.
inline constexpr int kCapitalTwips = 190;
inline constexpr int kCharTwips = 136;

// `rows`: the cells' texts, the header first; `total`: the width to fill, in twips. The
// widths sum to `total`. When even the longest words do not fit, every column gets its
// share of `total` in proportion to its longest word.
std::vector<int> column_widths(const std::vector<std::vector<std::string>>& rows, int total);

}  // namespace thidua::docs
