#pragma once
// The wording of a document as a text file the school edits (config/documents/*.txt). One
// line is one piece of the document; what a line is, its first characters say:
//   # ghi chú                       a comment, left out
//   @loai: BÁO CÁO                  the type; also @trich-yeu (summary), @kinh-gui
//                                   (addressee), @noi-nhan (one recipient each, repeatable),
//                                   @luu (the filing line: "VT, TĐKT")
//   = I. KẾT QUẢ                    headings: "=" bold, "==" bold, "===" bold italic
//   | Chỉ số | Số lượng |           a table row; rows in a row make one table, the first is
//                                   its header; a table with no row under its header is left
//                                   out
//   {{#linh_vuc}} … {{/linh_vuc}}   the lines between, once for each item of a list (each on a
//                                   line of its own); {{^list}} … {{/list}}: only when empty
//   anything else                   a paragraph; **…** is bold
// {{name}} anywhere in a line is a placeholder. Each document type declares its placeholders
// (a Schema); a template that uses one it does not declare, leaves out one it requires, or
// is malformed is refused when it is loaded, with the line and what to change, in
// Vietnamese: never at print time. Values are inserted as text: a value cannot start a
// heading or a table, and a value with line breaks becomes several paragraphs.
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "docs/document.hpp"

namespace thidua::docs {

// The template cannot be used; what() is Vietnamese and names the file's line.
class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The placeholders a document type offers: plain values and lists whose items have their
// own (an item's names shadow the outer ones). `required`: names the template must use.
struct Schema {
  std::set<std::string> values;
  std::map<std::string, Schema> lists;
  std::set<std::string> required;
};

// What fills the placeholders.
struct Values {
  std::map<std::string, std::string> text;
  std::map<std::string, std::vector<Values>> lists;
};

// The template's contribution to a Document.
struct Wording {
  std::string type;
  std::string summary;
  std::string addressee;
  std::vector<std::string> recipients;
  std::string filing;
  std::vector<Block> body;
  std::vector<Block> appendix;  // the lines after "@kem-theo:" (Document::appendix)
};

class Template {
 public:
  // Parses and checks `source` against `schema`. `name` names the file in errors. Throws
  // TemplateError.
  static Template parse(const std::string& source, const Schema& schema, const std::string& name);
  // Reads the file at `path`, then parse(). Throws TemplateError (also when unreadable).
  static Template load(const std::string& path, const Schema& schema);

  // Throws std::logic_error when `values` lacks a placeholder the schema declares: a
  // mistake in the code that builds the values, which a unit test holds to the schema.
  Wording render(const Values& values) const;

  struct Piece {
    bool placeholder = false;
    std::string text;  // literal text, or the placeholder's name
    bool bold = false;
  };
  struct Line {
    enum class Kind {
      Directive,
      Heading1,
      Heading2,
      Heading3,
      Title,  // "^= DANH SÁCH …": centred, bold
      Note,   // "^ (Kèm theo …)": centred, italic
      Paragraph,
      Row,
      Open,
      OpenEmpty
    };
    Kind kind = Kind::Paragraph;
    int number = 0;                         // in the file
    std::string directive;                  // loai, trich-yeu, …
    std::vector<std::vector<Piece>> cells;  // one for most kinds; one per cell for rows
    std::string list;                       // Open, OpenEmpty: the list's name
    std::vector<Line> children;             // Open, OpenEmpty: the lines inside
  };

 private:
  std::vector<Line> lines_;
};

}  // namespace thidua::docs
