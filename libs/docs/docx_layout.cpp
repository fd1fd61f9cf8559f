#include "docs/docx_layout.hpp"

#include <algorithm>
#include <cstddef>

namespace thidua::docs::docx {

// XML 1.0 allows no C0 control characters but tab, LF and CR; a line break inside a run
// would not be one in Word either, so those become spaces.
std::string clean(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\t' || c == '\r') {
      out += ' ';
    } else if (u >= 0x20) {
      out += c;
    }
  }
  return out;
}

void val(pugi::xml_node parent, const char* name, const std::string& v) {
  parent.append_child(name).append_attribute("w:val") = v.c_str();
}

pugi::xml_node para(pugi::xml_node parent, const ParaStyle& s) {
  auto p = parent.append_child("w:p");
  auto pr = p.append_child("w:pPr");
  if (s.keep_next) pr.append_child("w:keepNext");
  if (s.rule_below) {
    auto b = pr.append_child("w:pBdr").append_child("w:bottom");
    b.append_attribute("w:val") = "single";
    b.append_attribute("w:sz") = 6;
    b.append_attribute("w:space") = 1;
    b.append_attribute("w:color") = "000000";
  }
  auto sp = pr.append_child("w:spacing");
  sp.append_attribute("w:before") = s.before;
  sp.append_attribute("w:after") = s.after;
  sp.append_attribute("w:line") = s.line > 0 ? s.line : 240;
  sp.append_attribute("w:lineRule") = "auto";
  if (s.first_line || s.ind_left || s.ind_right) {
    auto ind = pr.append_child("w:ind");
    ind.append_attribute("w:left") = s.ind_left;
    ind.append_attribute("w:right") = s.ind_right;
    if (s.first_line) ind.append_attribute("w:firstLine") = s.first_line;
  }
  val(pr, "w:jc", s.jc);
  return p;
}

void run(pugi::xml_node p, const std::string& text, const RunStyle& s) {
  auto r = p.append_child("w:r");
  auto pr = r.append_child("w:rPr");
  if (s.bold) pr.append_child("w:b"), pr.append_child("w:bCs");
  if (s.italic) pr.append_child("w:i"), pr.append_child("w:iCs");
  if (s.size) {
    val(pr, "w:sz", std::to_string(s.size));
    val(pr, "w:szCs", std::to_string(s.size));
  }
  auto t = r.append_child("w:t");
  t.append_attribute("xml:space") = "preserve";
  t.text().set(clean(text).c_str());
}

void line(pugi::xml_node parent, const std::string& text, const RunStyle& r, ParaStyle p) {
  auto node = para(parent, p);
  if (!text.empty()) run(node, text, r);
}

// A short rule: an empty, tiny paragraph whose bottom border spans `width` twips, centred in
// `room`.
void rule(pugi::xml_node parent, int room, int width) {
  ParaStyle s;
  s.jc = "center";
  s.rule_below = true;
  s.ind_left = s.ind_right = std::max(0, (room - width) / 2);
  auto p = para(parent, s);
  auto pr = p.child("w:pPr").append_child("w:rPr");
  val(pr, "w:sz", "4");  // 2 pt: the rule sits right under the line above
}

pugi::xml_node table(pugi::xml_node parent, const std::vector<int>& widths, bool borders,
                     int indent, int cell_margin) {
  auto tbl = parent.append_child("w:tbl");
  auto pr = tbl.append_child("w:tblPr");
  int total = 0;
  for (int w : widths) total += w;
  auto tw = pr.append_child("w:tblW");
  tw.append_attribute("w:w") = total;
  tw.append_attribute("w:type") = "dxa";
  if (indent) {
    auto ind = pr.append_child("w:tblInd");
    ind.append_attribute("w:w") = indent;
    ind.append_attribute("w:type") = "dxa";
  }
  auto b = pr.append_child("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    auto e = b.append_child(side);
    e.append_attribute("w:val") = borders ? "single" : "nil";
    if (borders) {
      e.append_attribute("w:sz") = 4;
      e.append_attribute("w:space") = 0;
      e.append_attribute("w:color") = "000000";
    }
  }
  auto layout = pr.append_child("w:tblLayout");
  layout.append_attribute("w:type") = "fixed";
  auto mar = pr.append_child("w:tblCellMar");
  for (const char* side : {"w:left", "w:right"}) {
    auto e = mar.append_child(side);
    e.append_attribute("w:w") = borders ? 85 : cell_margin;
    e.append_attribute("w:type") = "dxa";
  }
  auto grid = tbl.append_child("w:tblGrid");
  for (int w : widths) grid.append_child("w:gridCol").append_attribute("w:w") = w;
  return tbl;
}

pugi::xml_node cell(pugi::xml_node row, int width, bool center_vertically) {
  auto tc = row.append_child("w:tc");
  auto pr = tc.append_child("w:tcPr");
  auto w = pr.append_child("w:tcW");
  w.append_attribute("w:w") = width;
  w.append_attribute("w:type") = "dxa";
  if (center_vertically) val(pr, "w:vAlign", "center");
  return tc;
}

}  // namespace thidua::docs::docx
