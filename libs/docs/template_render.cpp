// Filling a parsed Template: values into the lines, lists repeated, tables laid out (the
// parsing is in template.cpp).
#include <utility>

#include "core/text.hpp"
#include "docs/template.hpp"

namespace thidua::docs {
namespace {
using Line = Template::Line;
using Piece = Template::Piece;

class Renderer {
 public:
  explicit Renderer(const Values& root) : scope_{&root} {}

  Wording run(const std::vector<Line>& lines) {
    lines_(lines);
    end_table();
    return std::move(out_);
  }

 private:
  const std::string& value(const std::string& n) const {
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
      auto f = (*it)->text.find(n);
      if (f != (*it)->text.end()) return f->second;
    }
    throw std::logic_error("template value missing: " + n);
  }
  const std::vector<Values>& list(const std::string& n) const {
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
      auto f = (*it)->lists.find(n);
      if (f != (*it)->lists.end()) return f->second;
    }
    throw std::logic_error("template list missing: " + n);
  }

  std::vector<Span> spans(const std::vector<Piece>& pieces) const {
    std::vector<Span> out;
    for (const auto& p : pieces) out.push_back({p.placeholder ? value(p.text) : p.text, p.bold});
    return out;
  }
  std::string flat(const std::vector<Piece>& pieces) const {
    std::string s;
    for (const auto& sp : spans(pieces)) s += sp.text;
    for (auto& c : s) c = c == '\n' || c == '\r' ? ' ' : c;
    return s;
  }

  // A table with no row under its header is left out: a list with no item.
  void end_table() {
    if (in_table_ && blocks().back().rows.size() < 2) blocks().pop_back();
    in_table_ = false;
  }

  void paragraphs(const std::vector<Span>& all) {
    std::vector<Span> current;
    auto flush = [&] {
      bool blank = true;
      for (const auto& s : current)
        blank = blank && s.text.find_first_not_of(" \t") == std::string::npos;
      if (!blank) blocks().push_back({BlockKind::Paragraph, current, {}});
      current.clear();
    };
    for (const auto& s : all) {
      std::size_t start = 0;
      while (true) {
        auto nl = s.text.find('\n', start);
        std::string part = s.text.substr(start, nl - start);
        if (!part.empty() && part.back() == '\r') part.pop_back();
        // Pieces of one style in a row are one run in the document.
        if (!part.empty() && !current.empty() && current.back().bold == s.bold &&
            current.back().italic == s.italic) {
          current.back().text += part;
        } else if (!part.empty()) {
          current.push_back({part, s.bold, s.italic});
        }
        if (nl == std::string::npos) break;
        flush();
        start = nl + 1;
      }
    }
    flush();
  }

  void lines_(const std::vector<Line>& lines) {
    for (const auto& l : lines) {
      switch (l.kind) {
        case Line::Kind::Directive: {
          std::string v = flat(l.cells[0]);
          if (l.directive == "loai") out_.type = v;
          if (l.directive == "trich-yeu") out_.summary = v;
          if (l.directive == "kinh-gui") out_.addressee = v;
          if (l.directive == "luu") out_.filing = v;
          if (l.directive == "noi-nhan" && !v.empty()) out_.recipients.push_back(v);
          if (l.directive == "kem-theo") {
            end_table();
            appendix_ = true;
          }
          break;
        }
        case Line::Kind::Heading1:
        case Line::Kind::Heading2:
        case Line::Kind::Heading3: {
          end_table();
          BlockKind k = l.kind == Line::Kind::Heading1   ? BlockKind::Heading1
                        : l.kind == Line::Kind::Heading2 ? BlockKind::Heading2
                                                         : BlockKind::Heading3;
          blocks().push_back({k, {{flat(l.cells[0])}}, {}});
          break;
        }
        case Line::Kind::Title:
        case Line::Kind::Note: {
          end_table();
          BlockKind k = l.kind == Line::Kind::Title ? BlockKind::Title : BlockKind::Note;
          blocks().push_back({k, {{flat(l.cells[0])}}, {}});
          break;
        }
        case Line::Kind::Paragraph:
          end_table();
          paragraphs(spans(l.cells[0]));
          break;
        case Line::Kind::Row: {
          if (!in_table_) blocks().push_back({BlockKind::Table, {}, {}});
          in_table_ = true;
          std::vector<std::string> row;
          for (const auto& c : l.cells) row.push_back(flat(c));
          blocks().back().rows.push_back(std::move(row));
          break;
        }
        case Line::Kind::Open:
          for (const auto& item : list(l.list)) {
            scope_.push_back(&item);
            lines_(l.children);
            scope_.pop_back();
          }
          break;
        case Line::Kind::OpenEmpty:
          if (list(l.list).empty()) lines_(l.children);
          break;
      }
    }
  }

  std::vector<const Values*> scope_;
  Wording out_;
  bool appendix_ = false;  // after "@kem-theo:": the blocks go after the signature
  std::vector<Block>& blocks() { return appendix_ ? out_.appendix : out_.body; }
  bool in_table_ = false;
};

}  // namespace

Wording Template::render(const Values& values) const {
  return Renderer(values).run(lines_);
}

}  // namespace thidua::docs
