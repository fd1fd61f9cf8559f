#pragma once
// The pieces of WordprocessingML the DOCX writer lays a document out with: the page and type
// measures of Nghị định 30/2020/NĐ-CP, and paragraphs, runs, rules and tables as pugixml
// nodes. Internal to libs/docs (docx_writer.cpp, docx_package.cpp).
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace thidua::docs::docx {

// Lengths in twentieths of a point (twips): 1 mm = 56.7 twips.
constexpr int kPageWidth = 11906;   // A4: 210 mm
constexpr int kPageHeight = 16838;  // 297 mm
constexpr int kMarginTop = 1134;    // 20 mm
constexpr int kMarginBottom = 1134;
constexpr int kMarginLeft = 1701;                                    // 30 mm
constexpr int kMarginRight = 850;                                    // 15 mm
constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;  // 9355: 165 mm
// The header table reaches 5 mm into each margin, as offices lay it out, so the issuing
// body and the national title each fit on one line.
constexpr int kHeadOutdent = 284;
constexpr int kHeadLeft = 4252;  // 75 mm
constexpr int kHeadRight = kTextWidth + 2 * kHeadOutdent - kHeadLeft;
constexpr int kSignLeft = 4536;  // 80 mm: "Nơi nhận"
constexpr int kSignRight = kTextWidth - kSignLeft;
constexpr int kFirstLineIndent = 567;  // 10 mm
// Sizes in half points.
constexpr int kBody = 28;             // 14 pt
constexpr int kHeadSmall = 26;        // 13 pt: bodies, national title, "Số:"
constexpr int kRecipients = 22;       // 11 pt: the "Nơi nhận" list
constexpr int kRecipientsLabel = 24;  // 12 pt

inline constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct RunStyle {
  bool bold = false;
  bool italic = false;
  int size = 0;  // half points; 0: the document default (14 pt)
};

struct ParaStyle {
  const char* jc = "both";
  int first_line = 0;
  int before = 0;  // twips
  int after = 0;
  int line = 0;  // 240ths of a line; 0: single
  int ind_left = 0;
  int ind_right = 0;
  bool rule_below = false;  // a bottom border between the indents: the short rules
  bool keep_next = false;
};

// XML 1.0 allows no C0 control characters but tab, LF and CR; a line break inside a run
// would not be one in Word either, so those become spaces.
std::string clean(const std::string& s);
void val(pugi::xml_node parent, const char* name, const std::string& v);
pugi::xml_node para(pugi::xml_node parent, const ParaStyle& s);
void run(pugi::xml_node p, const std::string& text, const RunStyle& s);
// One paragraph of one run.
void line(pugi::xml_node parent, const std::string& text, const RunStyle& r, ParaStyle p = {});
// A short rule: an empty, tiny paragraph whose bottom border spans `width` twips, centred in
// `room`.
void rule(pugi::xml_node parent, int room, int width);
pugi::xml_node table(pugi::xml_node parent, const std::vector<int>& widths, bool borders,
                     int indent = 0, int cell_margin = 0);
pugi::xml_node cell(pugi::xml_node row, int width, bool center_vertically = false);

}  // namespace thidua::docs::docx
