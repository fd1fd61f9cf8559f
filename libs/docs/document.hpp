#pragma once
// An administrative document as the writers see it: the parts of the layout of Nghị định
// 30/2020/NĐ-CP, Phụ lục I, filled in. Wording comes from a template (template.hpp), the
// issuer's names and the signer from settings, the number from the register; the writers
// (docx_writer.hpp) only lay it out.
#include <optional>
#include <string>
#include <vector>

namespace thidua::docs {

// A piece of text with one style. Bold and italic come from the template, never from data.
struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  friend bool operator==(const Span&, const Span&) = default;
};

enum class BlockKind {
  Heading1,   // "I. KẾT QUẢ THỰC HIỆN": bold
  Heading2,   // "1. …": bold
  Heading3,   // "a) …": bold italic
  Title,      // "DANH SÁCH …", the heading of a list sent with the document: bold, centred
  Note,       // "(Kèm theo Quyết định số …)" under such a heading: italic, centred
  Paragraph,  // justified, first-line indent
  Table,      // bordered; the first row is the header (bold, centred)
};

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  std::vector<Span> spans;                     // headings and paragraphs
  std::vector<std::vector<std::string>> rows;  // tables: rows of cells
  friend bool operator==(const Block&, const Block&) = default;
};

// The signature block: authority line ("KT. HIỆU TRƯỞNG"; empty when the head signs
// in their own name), title ("PHÓ HIỆU TRƯỞNG"), room for the signature and the seal, the
// signer's full name (bold).
struct Signer {
  std::string authority;
  std::string title;
  std::string name;
  // A line above the authority, for a signature that confirms another's document
  // ("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ" over "KT. HIỆU TRƯỞNG" over "PHÓ HIỆU TRƯỞNG").
  std::string heading = {};
};

// Who issues and signs: settings, not code (README: THIDUA_GOVERNING_BODY and the others),
// the same for every service that issues documents.
struct Issuer {
  std::string governing_body = "UBND xã Vĩnh Phong";
  std::string school = "Trường THCS Vĩnh Phong 1";
  std::string symbol = "THCSVP1";  // ký hiệu of the school in numbers: 01/BC-THCSVP1
  std::string place = "Vĩnh Phong";
  Signer signer;  // default signer; an issue request may name another
};

struct Document {
  std::string governing_body;  // "UBND xã Vĩnh Phong": printed in upper case
  std::string issuing_body;    // "Trường THCS Vĩnh Phong 1": upper case, bold, rule below
  std::string number;          // "01/BC-THCSVP1", printed after "Số: "
  std::string date_line;       // "Vĩnh Phong, ngày 20 tháng 10 năm 2026": italic
  std::string type;            // "BÁO CÁO": bold, centred
  std::string summary;         // trích yếu: bold, centred, short rule below
  std::string addressee;       // "UBND xã Vĩnh Phong" after "Kính gửi: "; empty: no line
  std::vector<Block> body;
  Signer signer;
  // A second signature on the left, in place of "Nơi nhận" (a biên bản: the secretary on the
  // left, the chair on the right).
  std::optional<Signer> left_signer;
  std::vector<std::string> recipients;  // "Nơi nhận:" lines, without "- " and ";"
  std::string filing;                   // "VT, TĐKT": the last line "- Lưu: VT, TĐKT."
  // What is sent with the document, after its signature on a page of its own: the danh sách
  // of a tờ trình or a quyết định ("DANH SÁCH … (Kèm theo Quyết định số …)"). Empty: none.
  std::vector<Block> appendix;
  std::string title;  // the file's title property
};

}  // namespace thidua::docs
