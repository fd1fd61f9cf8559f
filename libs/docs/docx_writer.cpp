#include "docs/docx_writer.hpp"

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>
#include <vector>

#include "docs/docx_layout.hpp"
#include "docs/docx_package.hpp"
#include "docs/format.hpp"
#include "docs/table_layout.hpp"

namespace thidua::docs {
namespace {
using namespace docx;  // the layout's measures and pieces

void header_block(pugi::xml_node body, const Document& d) {
  ParaStyle center;
  center.jc = "center";
  auto tbl = table(body, {kHeadLeft, kHeadRight}, false, -kHeadOutdent, 28);
  auto row = tbl.append_child("w:tr");
  auto left = cell(row, kHeadLeft);
  line(left, upper(d.governing_body), {false, false, kHeadSmall}, center);
  line(left, upper(d.issuing_body), {true, false, kHeadSmall}, center);
  rule(left, kHeadLeft, kHeadLeft / 3);
  auto right = cell(row, kHeadRight);
  line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {true, false, kHeadSmall}, center);
  line(right, "Độc lập - Tự do - Hạnh phúc", {true, false, kBody}, center);
  rule(right, kHeadRight, 3250);  // as long as the motto at 14 pt
  auto second = tbl.append_child("w:tr");
  ParaStyle spaced = center;
  spaced.before = 120;
  line(cell(second, kHeadLeft), "Số: " + d.number, {false, false, kHeadSmall}, spaced);
  line(cell(second, kHeadRight), d.date_line, {false, true, kBody}, spaced);
}

void title_block(pugi::xml_node body, const Document& d) {
  ParaStyle center;
  center.jc = "center";
  center.keep_next = true;
  ParaStyle first = center;
  first.before = 360;
  line(body, d.type, {true, false, kBody}, first);
  line(body, d.summary, {true, false, kBody}, center);
  rule(body, kTextWidth, kTextWidth / 4);
  if (!d.addressee.empty()) {
    ParaStyle to = center;
    to.before = 240;
    line(body, "Kính gửi: " + d.addressee, {false, false, kBody}, to);
  }
}

bool numeric(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '%';
  });
}

void body_table(pugi::xml_node body, const Block& b) {
  if (b.rows.empty()) return;
  auto widths = column_widths(b.rows, kTextWidth);
  auto tbl = table(body, widths, true);
  for (std::size_t r = 0; r < b.rows.size(); ++r) {
    auto row = tbl.append_child("w:tr");
    if (r == 0) row.append_child("w:trPr").append_child("w:tblHeader");
    for (std::size_t c = 0; c < widths.size(); ++c) {
      std::string text = c < b.rows[r].size() ? b.rows[r][c] : "";
      ParaStyle s;
      s.jc = r == 0 || numeric(text) ? "center" : "left";
      s.before = s.after = 40;
      line(cell(row, widths[c], true), text, {r == 0, false, kHeadSmall}, s);
    }
  }
  line(body, "", {}, {});  // Word needs a paragraph between a table and what follows
}

// `keep_with_next`: the body's last paragraph, kept on the page of the signature block, so
// that block never stands alone at the top of a page ("THƯ KÝ / CHỦ TRÌ" and the names only).
void body_block(pugi::xml_node body, const Block& b, bool keep_with_next = false) {
  if (b.kind == BlockKind::Table) return body_table(body, b);
  if (b.kind == BlockKind::Title || b.kind == BlockKind::Note) {
    // A list's own heading and its "(Kèm theo …)", centred, kept with the table below.
    ParaStyle c;
    c.jc = "center";
    c.keep_next = true;
    c.before = b.kind == BlockKind::Title ? 240 : 0;
    c.after = b.kind == BlockKind::Note ? 120 : 0;
    auto p = para(body, c);
    const bool title = b.kind == BlockKind::Title;
    for (const auto& span : b.spans) run(p, span.text, {title || span.bold, !title, 0});
    return;
  }
  ParaStyle s;
  s.keep_next = keep_with_next;
  s.first_line = kFirstLineIndent;
  s.before = 120;
  s.line = 264;  // 1.1 lines
  RunStyle extra;
  if (b.kind != BlockKind::Paragraph) {
    s.keep_next = true;
    extra.bold = true;
    extra.italic = b.kind == BlockKind::Heading3;
  }
  auto p = para(body, s);
  for (const auto& span : b.spans) {
    run(p, span.text, {span.bold || extra.bold, span.italic || extra.italic, 0});
  }
}

// Authority and title (bold, centred), room for the signature and the seal, the name (bold).
void sign(pugi::xml_node at, const Signer& signer) {
  ParaStyle c;
  c.jc = "center";
  ParaStyle c_first = c;
  c_first.before = 240;
  bool first_line = true;
  for (const auto* text : {&signer.heading, &signer.authority, &signer.title}) {
    if (text->empty()) continue;
    line(at, *text, {true, false, kBody}, first_line ? c_first : c);
    first_line = false;
  }
  for (int i = 0; i < 4; ++i) line(at, "", {}, c);  // room for the signature and the seal
  line(at, signer.name, {true, false, kBody}, c);
}

void signature_block(pugi::xml_node body, const Document& d) {
  auto tbl = table(body, {kSignLeft, kSignRight}, false, 0, 0);
  auto row = tbl.append_child("w:tr");
  row.append_child("w:trPr").append_child("w:cantSplit");
  auto left = cell(row, kSignLeft);
  if (d.left_signer) {
    sign(left, *d.left_signer);
  } else {
    ParaStyle s;
    s.jc = "left";
    ParaStyle first = s;
    first.before = 240;
    line(left, "Nơi nhận:", {true, true, kRecipientsLabel}, first);
    for (const auto& r : d.recipients) line(left, "- " + r + ";", {false, false, kRecipients}, s);
    line(left, "- Lưu: " + d.filing + ".", {false, false, kRecipients}, s);
  }
  sign(cell(row, kSignRight), d.signer);
}

std::string document_xml(const Document& d) {
  pugi::xml_document x;
  auto root = x.append_child("w:document");
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  auto body = root.append_child("w:body");
  header_block(body, d);
  title_block(body, d);
  for (std::size_t i = 0; i < d.body.size(); ++i)
    body_block(body, d.body[i], i + 1 == d.body.size());
  signature_block(body, d);
  if (!d.appendix.empty()) {
    // What is sent with it starts a page of its own, after the signature.
    body.append_child("w:p").append_child("w:r").append_child("w:br").append_attribute("w:type") =
        "page";
    for (const auto& b : d.appendix) body_block(body, b);
  }
  auto sect = body.append_child("w:sectPr");
  auto header = sect.append_child("w:headerReference");
  header.append_attribute("w:type") = "default";
  header.append_attribute("r:id") = "rIdHeader";
  auto first = sect.append_child("w:headerReference");
  first.append_attribute("w:type") = "first";
  first.append_attribute("r:id") = "rIdHeaderFirst";
  auto size = sect.append_child("w:pgSz");
  size.append_attribute("w:w") = kPageWidth;
  size.append_attribute("w:h") = kPageHeight;
  auto mar = sect.append_child("w:pgMar");
  mar.append_attribute("w:top") = kMarginTop;
  mar.append_attribute("w:right") = kMarginRight;
  mar.append_attribute("w:bottom") = kMarginBottom;
  mar.append_attribute("w:left") = kMarginLeft;
  mar.append_attribute("w:header") = 567;
  mar.append_attribute("w:footer") = 567;
  mar.append_attribute("w:gutter") = 0;
  sect.append_child("w:titlePg");  // the first page has its own (empty) header
  std::ostringstream out;
  x.save(out, "", pugi::format_raw);  // with the XML declaration, UTF-8
  return out.str();
}

}  // namespace

std::string write_docx(const Document& doc) {
  return docx::package(doc, document_xml(doc));
}

}  // namespace thidua::docs
