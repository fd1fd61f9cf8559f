#include "docs/template.hpp"

#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace thidua::docs {
namespace {
using Line = Template::Line;
using Piece = Template::Piece;

// "kem-theo" takes no value: the lines after it are sent with the document, after its
// signature (Document::appendix).
const std::set<std::string> kDirectives = {"loai",     "trich-yeu", "kinh-gui",
                                           "noi-nhan", "luu",       "kem-theo"};

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

bool plain_name(const std::string& n) {
  if (n.empty()) return false;
  for (char c : n) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string names_of(const std::vector<const Schema*>& scope) {
  std::set<std::string> all;
  for (const auto* s : scope) {
    all.insert(s->values.begin(), s->values.end());
    for (const auto& [n, _] : s->lists) all.insert("#" + n);
  }
  std::string out;
  for (const auto& n : all) out += (out.empty() ? "" : ", ") + std::string("{{") + n + "}}";
  return out;
}

class Parser {
 public:
  Parser(const Schema& root, std::string name) : root_(root), name_(std::move(name)) {}

  std::vector<Line> parse(const std::string& source) {
    std::istringstream in(source);
    std::string raw;
    int number = 0;
    std::vector<const Schema*> scope{&root_};
    // Open sections: the line that opened each, and where its children go.
    std::vector<Line*> open;
    std::vector<Line> top;
    while (std::getline(in, raw)) {
      ++number;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      std::string t = trim(raw);
      if (t.empty() || t[0] == '#') continue;
      auto& into = open.empty() ? top : open.back()->children;
      if (t.size() > 5 && t.rfind("{{", 0) == 0 && t.compare(t.size() - 2, 2, "}}") == 0 &&
          (t[2] == '#' || t[2] == '^' || t[2] == '/')) {
        std::string list = trim(t.substr(3, t.size() - 5));
        if (t[2] == '/') {
          if (open.empty())
            fail(number, "có {{/" + list + "}} mà không có {{#" + list + "}} mở trước.");
          if (open.back()->list != list) {
            fail(number, "{{/" + list + "}} đóng nhầm: đoạn đang mở là {{#" + open.back()->list +
                             "}} ở dòng " + std::to_string(open.back()->number) + ".");
          }
          open.pop_back();
          scope.pop_back();
          continue;
        }
        const Schema* inner = find_list(scope, list);
        if (!inner) {
          fail(number,
               "không có danh sách {{#" + list + "}}; ở đây dùng được: " + names_of(scope) + ".");
        }
        used_.insert(list);
        Line l;
        l.kind = t[2] == '#' ? Line::Kind::Open : Line::Kind::OpenEmpty;
        l.number = number;
        l.list = list;
        into.push_back(std::move(l));
        open.push_back(&into.back());
        // {{^list}} shows its lines when the list is empty: the outer names only.
        scope.push_back(t[2] == '#' ? inner : &kEmpty);
        continue;
      }
      into.push_back(parse_line(t, number, scope, !open.empty()));
    }
    if (!open.empty()) {
      fail(open.back()->number,
           "{{#" + open.back()->list + "}} chưa có dòng {{/" + open.back()->list + "}} đóng lại.");
    }
    for (const auto& r : root_.required) {
      if (!used_.count(r)) {
        throw TemplateError(name_ + ": mẫu thiếu chỗ điền bắt buộc {{" + r +
                            "}}; thêm lại dòng có {{" + r + "}}.");
      }
    }
    for (const char* d : {"loai", "trich-yeu"}) {
      if (!seen_.count(d)) {
        throw TemplateError(name_ + ": mẫu thiếu dòng @" + std::string(d) + ": …");
      }
    }
    return top;
  }

 private:
  [[noreturn]] void fail(int line, const std::string& what) const {
    throw TemplateError(name_ + ", dòng " + std::to_string(line) + ": " + what);
  }

  static const Schema* find_list(const std::vector<const Schema*>& scope, const std::string& n) {
    for (auto it = scope.rbegin(); it != scope.rend(); ++it) {
      auto found = (*it)->lists.find(n);
      if (found != (*it)->lists.end()) return &found->second;
    }
    return nullptr;
  }

  std::vector<Piece> pieces(const std::string& text, int number,
                            const std::vector<const Schema*>& scope) {
    std::vector<Piece> out;
    bool bold = false;
    std::string literal;
    auto flush = [&] {
      if (!literal.empty()) out.push_back({false, literal, bold});
      literal.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
      if (text.compare(i, 2, "**") == 0) {
        flush();
        bold = !bold;
        i += 2;
      } else if (text.compare(i, 2, "{{") == 0) {
        auto end = text.find("}}", i + 2);
        if (end == std::string::npos) fail(number, "có {{ mà không có }} đóng lại.");
        std::string n = trim(text.substr(i + 2, end - i - 2));
        if (!n.empty() && (n[0] == '#' || n[0] == '^' || n[0] == '/')) {
          fail(number, "{{" + n + "}} phải đứng riêng trên một dòng.");
        }
        bool known = false;
        for (const auto* s : scope) known = known || s->values.count(n);
        if (!plain_name(n) || !known) {
          fail(number,
               "không có chỗ điền {{" + n + "}}; ở đây dùng được: " + names_of(scope) + ".");
        }
        used_.insert(n);
        flush();
        out.push_back({true, n, bold});
        i = end + 2;
      } else {
        literal += text[i++];
      }
    }
    flush();
    if (bold) fail(number, "chữ đậm mở bằng ** chưa có ** đóng lại.");
    return out;
  }

  Line parse_line(const std::string& t, int number, const std::vector<const Schema*>& scope,
                  bool in_list) {
    Line l;
    l.number = number;
    if (t[0] == '@') {
      auto colon = t.find(':');
      std::string key =
          trim(t.substr(1, colon == std::string::npos ? std::string::npos : colon - 1));
      if (colon == std::string::npos || !kDirectives.count(key)) {
        fail(number, "không hiểu dòng \"" + t.substr(0, 40) +
                         "\"; dòng bắt đầu bằng @ là @loai:, @trich-yeu:, @kinh-gui:, "
                         "@noi-nhan:, @luu: hoặc @kem-theo:.");
      }
      if (key != "noi-nhan") {
        if (in_list) fail(number, "@" + key + " không đặt trong đoạn lặp.");
        if (seen_.count(key)) {
          fail(number, "@" + key + " đã có ở dòng " + std::to_string(seen_[key]) + ".");
        }
      }
      seen_.emplace(key, number);
      l.kind = Line::Kind::Directive;
      l.directive = key;
      l.cells.push_back(pieces(trim(t.substr(colon + 1)), number, scope));
      return l;
    }
    if (t[0] == '=') {
      auto level = t.find_first_not_of('=');
      if (level == std::string::npos || level > 3 || t[level] != ' ') {
        fail(number, "tiêu đề viết \"= \", \"== \" hoặc \"=== \" rồi đến chữ.");
      }
      l.kind = level == 1   ? Line::Kind::Heading1
               : level == 2 ? Line::Kind::Heading2
                            : Line::Kind::Heading3;
      l.cells.push_back(pieces(trim(t.substr(level)), number, scope));
      return l;
    }
    if (t[0] == '^') {
      // "^= DANH SÁCH …" a centred title, "^ (Kèm theo …)" a centred note in italics.
      const bool title = t.starts_with("^= ");
      if (!title && !t.starts_with("^ ")) {
        fail(number,
             "dòng căn giữa viết \"^= \" (tiêu đề in đậm) hoặc \"^ \" (in nghiêng) rồi "
             "đến chữ.");
      }
      l.kind = title ? Line::Kind::Title : Line::Kind::Note;
      l.cells.push_back(pieces(trim(t.substr(title ? 3 : 2)), number, scope));
      return l;
    }
    if (t[0] == '|') {
      if (t.size() < 2 || t.back() != '|') fail(number, "dòng của bảng phải kết thúc bằng |.");
      l.kind = Line::Kind::Row;
      std::string inner = t.substr(1, t.size() - 2);
      std::size_t start = 0;
      while (true) {
        auto bar = inner.find('|', start);
        l.cells.push_back(pieces(trim(inner.substr(start, bar - start)), number, scope));
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
      return l;
    }
    l.kind = Line::Kind::Paragraph;
    l.cells.push_back(pieces(t, number, scope));
    return l;
  }

  static const Schema kEmpty;
  const Schema& root_;
  std::string name_;
  std::set<std::string> used_;
  std::map<std::string, int> seen_;  // directive → line
};

const Schema Parser::kEmpty{};

}  // namespace

Template Template::parse(const std::string& source, const Schema& schema, const std::string& name) {
  if (!text::valid_utf8(source)) {
    throw TemplateError(name + ": tệp mẫu phải lưu dạng UTF-8 (chữ Việt có dấu chuẩn Unicode).");
  }
  Template t;
  t.lines_ = Parser(schema, name).parse(source);
  return t;
}

Template Template::load(const std::string& path, const Schema& schema) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw TemplateError(path + ": không đọc được tệp mẫu.");
  std::stringstream text;
  text << in.rdbuf();
  return parse(text.str(), schema, path);
}

}  // namespace thidua::docs
