#include "docs/html_page.hpp"

#include "docs/format.hpp"

namespace thidua::docs {
namespace {
// A4 with the margins of Phụ lục I (top and bottom 20 mm, left 30 mm, right 15 mm), Times New
// Roman 14 pt justified with a first-line indent, as the DOCX.
constexpr const char* kStyle =
    "@page{size:A4;margin:20mm 15mm 20mm 30mm}"
    "body{font-family:'Times New Roman','Liberation Serif',serif;font-size:14pt;"
    "line-height:1.3;max-width:165mm;margin:1.5em auto;padding:0 1em;color:#000;background:#fff}"
    "table.head,table.sign{width:100%;border-collapse:collapse}"
    "table.head td,table.sign td{vertical-align:top;text-align:center;padding:0}"
    "table.head td:first-child{width:42%}.small{font-size:13pt}"
    ".rule{border-bottom:1px solid #000;display:inline-block;padding-bottom:2px}"
    ".date{font-style:italic}.title{text-align:center;font-weight:bold;margin:1.2em 0 0}"
    ".list-title{text-align:center;font-weight:bold;margin:1em 0 0}"
    ".note{text-align:center;font-style:italic;margin:0 0 .4em}"
    ".appendix{break-before:page;border-top:1px dashed #000;margin-top:2em;padding-top:1em}"
    "@media print{.appendix{border-top:0;margin-top:0;padding-top:0}}"
    ".summary{text-align:center;font-weight:bold;margin:0}.to{text-align:center}"
    "p.body{text-align:justify;text-indent:1.27cm;margin:.4em 0}"
    "h2,h3,h4{font-size:14pt;margin:.6em 0 .2em;text-indent:1.27cm}h4{font-style:italic}"
    "table.grid{border-collapse:collapse;width:100%;margin:.4em 0;font-size:13pt}"
    "table.grid td,table.grid th{border:1px solid #000;padding:2px 5px}"
    "td.recipients{text-align:left!important;font-size:12pt;width:45%}"
    ".room{height:5em}@media print{body{margin:0;padding:0;max-width:none}}";

void spans_to(std::string& out, const std::vector<Span>& spans) {
  for (const auto& s : spans) {
    std::string t = html_escape(s.text);
    if (s.italic) t = "<i>" + t + "</i>";
    if (s.bold) t = "<b>" + t + "</b>";
    out += t;
  }
}

void block_to(std::string& out, const Block& b) {
  const char* tag = b.kind == BlockKind::Heading1   ? "h2"
                    : b.kind == BlockKind::Heading2 ? "h3"
                    : b.kind == BlockKind::Heading3 ? "h4"
                                                    : nullptr;
  if (b.kind == BlockKind::Table) {
    out += "<table class=\"grid\">";
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
      out += "<tr>";
      for (const auto& cell : b.rows[r]) {
        out += r == 0 ? "<th scope=\"col\">" : "<td>";
        out += html_escape(cell);
        out += r == 0 ? "</th>" : "</td>";
      }
      out += "</tr>";
    }
    out += "</table>\n";
    return;
  }
  if (b.kind == BlockKind::Title || b.kind == BlockKind::Note) {
    out += b.kind == BlockKind::Title ? "<p class=\"list-title\">" : "<p class=\"note\">";
    spans_to(out, b.spans);
    out += "</p>\n";
    return;
  }
  if (tag) {
    out += std::string("<") + tag + ">";
    spans_to(out, b.spans);
    out += std::string("</") + tag + ">\n";
    return;
  }
  out += "<p class=\"body\">";
  spans_to(out, b.spans);
  out += "</p>\n";
}

void signer_to(std::string& out, const Signer& s) {
  for (const auto* text : {&s.heading, &s.authority, &s.title}) {
    if (!text->empty()) out += "<b>" + html_escape(*text) + "</b><br>";
  }
  out += "<div class=\"room\"></div><b>" + html_escape(s.name) + "</b>";
}
}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_page(const Document& d) {
  std::string h = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  h += "<title>" + html_escape(d.title) + "</title><style>";
  h += kStyle;
  h += "</style></head><body>\n<table class=\"head\"><tr><td class=\"small\">";
  h += html_escape(upper(d.governing_body)) + "<br><b class=\"rule\">" +
       html_escape(upper(d.issuing_body)) +
       "</b></td><td><b class=\"small\">CỘNG HÒA XÃ HỘI CHỦ "
       "NGHĨA VIỆT NAM</b><br><b class=\"rule\">Độc lập - Tự do - Hạnh phúc</b></td></tr>";
  h += "<tr><td class=\"small\">Số: " + html_escape(d.number) + "</td><td class=\"date\">" +
       html_escape(d.date_line) + "</td></tr></table>\n";
  h += "<p class=\"title\">" + html_escape(d.type) + "</p><p class=\"summary\">" +
       html_escape(d.summary) + "</p>\n";
  if (!d.addressee.empty()) {
    h += "<p class=\"to\">Kính gửi: " + html_escape(d.addressee) + "</p>\n";
  }
  for (const auto& b : d.body) block_to(h, b);
  h += "<table class=\"sign\"><tr><td";
  if (d.left_signer) {
    h += ">";
    signer_to(h, *d.left_signer);
  } else {
    h += " class=\"recipients\"><b><i>Nơi nhận:</i></b><br>";
    for (const auto& r : d.recipients) h += "- " + html_escape(r) + ";<br>";
    h += "- Lưu: " + html_escape(d.filing) + ".";
  }
  h += "</td><td>";
  signer_to(h, d.signer);
  h += "</td></tr></table>\n";
  if (!d.appendix.empty()) {
    // A page of its own when printed; on screen, a line above it.
    h += "<section class=\"appendix\">\n";
    for (const auto& b : d.appendix) block_to(h, b);
    h += "</section>\n";
  }
  h += "</body></html>\n";
  return h;
}

}  // namespace thidua::docs
