#include "docs/docx_writer.hpp"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <utility>
#include <vector>

#include "docs/format.hpp"
#include "docs/table_layout.hpp"

namespace thidua::docs {
namespace {

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

const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

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

void line(pugi::xml_node parent, const std::string& text, const RunStyle& r, ParaStyle p = {}) {
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
                     int indent = 0, int cell_margin = 0) {
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

pugi::xml_node cell(pugi::xml_node row, int width, bool center_vertically = false) {
  auto tc = row.append_child("w:tc");
  auto pr = tc.append_child("w:tcPr");
  auto w = pr.append_child("w:tcW");
  w.append_attribute("w:w") = width;
  w.append_attribute("w:type") = "dxa";
  if (center_vertically) val(pr, "w:vAlign", "center");
  return tc;
}

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

void body_block(pugi::xml_node body, const Block& b) {
  if (b.kind == BlockKind::Table) return body_table(body, b);
  ParaStyle s;
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
  for (const auto& b : d.body) body_block(body, b);
  signature_block(body, d);
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

std::string header_xml(bool page_number) {
  pugi::xml_document x;
  auto root = x.append_child("w:hdr");
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  ParaStyle s;
  s.jc = "center";
  auto p = para(root, s);
  if (page_number) {
    auto field = p.append_child("w:fldSimple");
    field.append_attribute("w:instr") = " PAGE ";
    run(field, "2", {false, false, kHeadSmall});
  }
  std::ostringstream out;
  x.save(out, "", pugi::format_raw);
  return out.str();
}

const char* kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" )"
    R"(w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>)"
    R"(<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" )"
    R"(w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" )"
    R"(w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>)"
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>)"
    R"(<w:qFormat/></w:style></w:styles>)";

const char* kSettings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>)"
    R"(<w:compat><w:compatSetting w:name="compatibilityMode" )"
    R"(w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>)";

const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>)"
    R"(<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>)"
    R"(<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    R"(</Types>)";

const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(</Relationships>)";

const char* kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>)"
    R"(<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>)"
    R"(<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>)"
    R"(</Relationships>)";

std::string core_xml(const Document& d) {
  pugi::xml_document x;
  auto decl = x.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  auto root = x.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_child("dc:title").text().set(clean(d.title).c_str());
  root.append_child("dc:creator").text().set(clean(d.issuing_body).c_str());
  root.append_child("dc:language").text().set("vi-VN");
  std::ostringstream out;
  x.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

// libzip writing into memory: the archive's source is a growable buffer that outlives
// zip_close, and the entries' data stays in `parts` until then.
class ZipWriter {
 public:
  ZipWriter() {
    zip_error_t error;
    zip_error_init(&error);
    source_ = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!source_) fail("zip_source_buffer_create");
    zip_source_keep(source_);
    archive_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error);
    if (!archive_) fail("zip_open_from_source");
  }
  ~ZipWriter() {
    if (archive_) zip_discard(archive_);
    if (source_) zip_source_free(source_);
  }
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  void add(const std::string& name, std::string data) {
    parts_.push_back(std::make_unique<std::string>(std::move(data)));
    const auto& part = *parts_.back();
    zip_source_t* s = zip_source_buffer(archive_, part.data(), part.size(), 0);
    if (!s) fail("zip_source_buffer");
    zip_int64_t index = zip_file_add(archive_, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(s);
      fail("zip_file_add");
    }
    // A fixed time keeps the bytes the same for the same document.
    zip_file_set_mtime(archive_, static_cast<zip_uint64_t>(index), kFixedTime, 0);
  }

  std::string finish() {
    if (zip_close(archive_) != 0) fail("zip_close");
    archive_ = nullptr;
    if (zip_source_open(source_) != 0) fail("zip_source_open");
    zip_source_seek(source_, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(source_);
    zip_source_seek(source_, 0, SEEK_SET);
    std::string out(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)), '\0');
    zip_int64_t got = zip_source_read(source_, out.data(), out.size());
    zip_source_close(source_);
    if (got != size) fail("zip_source_read");
    return out;
  }

 private:
  static constexpr time_t kFixedTime = 1262347200;  // 2010-01-01 12:00 UTC
  [[noreturn]] static void fail(const char* what) {
    throw std::runtime_error(std::string("docx: ") + what + " failed");
  }
  zip_source_t* source_ = nullptr;
  zip_t* archive_ = nullptr;
  std::vector<std::unique_ptr<std::string>> parts_;
};

}  // namespace

std::string write_docx(const Document& doc) {
  ZipWriter zip;
  // [Content_Types].xml first, as the Open Packaging Conventions recommend.
  zip.add("[Content_Types].xml", kContentTypes);
  zip.add("_rels/.rels", kRootRels);
  zip.add("docProps/core.xml", core_xml(doc));
  zip.add("word/document.xml", document_xml(doc));
  zip.add("word/_rels/document.xml.rels", kDocumentRels);
  zip.add("word/styles.xml", kStyles);
  zip.add("word/settings.xml", kSettings);
  zip.add("word/header1.xml", header_xml(true));
  zip.add("word/header2.xml", header_xml(false));
  return zip.finish();
}

}  // namespace thidua::docs
