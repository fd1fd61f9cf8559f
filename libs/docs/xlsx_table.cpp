#include "docs/xlsx_table.hpp"

#include <unicode/utf8.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace thidua::docs {
namespace {
// A unique file for the library to write to: libxlsxwriter 1.1.4 (Debian 12) writes only to
// a path, so the workbook goes to a file of our own and is read back, then removed.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/thidua-xlsx-XXXXXX";
    int fd = mkstemp(path_.data());
    if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
    close(fd);
  }
  ~TempFile() { unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR)
    throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(e));
}

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* date;
  lxw_format* text;
};

void write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const XlsxCell& cell,
                const Formats& f) {
  if (const auto* s = std::get_if<std::string>(&cell)) {
    check(worksheet_write_string(ws, row, col, s->c_str(), f.text), "text cell");
  } else if (const auto* n = std::get_if<double>(&cell)) {
    check(worksheet_write_number(ws, row, col, *n, nullptr), "number cell");
  } else if (const auto* d = std::get_if<LocalDate>(&cell)) {
    lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0.0};
    check(worksheet_write_datetime(ws, row, col, &dt, f.date), "date cell");
  }
}

void write_sheet(lxw_workbook* wb, const XlsxSheet& sheet, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  if (!ws) throw std::runtime_error("xlsx: sheet name refused: " + sheet.name);
  for (std::size_t c = 0; c < sheet.widths.size(); ++c) {
    if (sheet.widths[c] <= 0) continue;
    auto col = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(ws, col, col, sheet.widths[c], nullptr), "column width");
  }
  lxw_row_t row = 0;
  if (!sheet.title.empty()) {
    check(worksheet_write_string(ws, row, 0, sheet.title.c_str(), f.title), "title");
    row += 2;  // a blank row between the title and the table
  }
  for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
    check(worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), sheet.headers[c].c_str(),
                                 f.header),
          "header");
  }
  // The header stays in sight while the rows scroll.
  if (!sheet.headers.empty()) worksheet_freeze_panes(ws, row + 1, 0);
  ++row;
  for (const auto& cells : sheet.rows) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      write_cell(ws, row, static_cast<lxw_col_t>(c), cells[c], f);
    }
    ++row;
  }
}
}  // namespace

std::string sheet_name(const std::string& wanted) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < wanted.size() && chars < 31;) {
    // One character at a time (ICU's U8_FWD_1: a broken sequence counts as one).
    auto start = static_cast<int32_t>(i);
    auto next = start;
    U8_FWD_1(reinterpret_cast<const uint8_t*>(wanted.data()), next,
             static_cast<int32_t>(wanted.size()));
    auto len = static_cast<std::size_t>(next - start);
    std::string ch = wanted.substr(i, len);
    if (ch.size() == 1 && std::string_view("[]:*?/\\").find(ch[0]) != std::string_view::npos) {
      ch = "-";
    }
    out += ch;
    i += len;
    ++chars;
  }
  return out;
}

std::string write_xlsx(const XlsxBook& book) {
  if (book.sheets.empty()) throw std::runtime_error("xlsx: a workbook needs a sheet");
  TempFile file;
  const char* dir = std::getenv("TMPDIR");
  std::string tmpdir = dir && *dir ? dir : "/tmp";
  lxw_workbook_options options{};
  options.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(file.path().c_str(), &options);
  if (!wb) throw std::runtime_error("xlsx: cannot start a workbook");
  try {
    Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb),
              workbook_add_format(wb)};
    format_set_bold(f.title);
    format_set_font_size(f.title, 13);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_bg_color(f.header, 0xE6F0FA);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_num_format(f.date, "dd/mm/yyyy");
    format_set_align(f.date, LXW_ALIGN_LEFT);
    format_set_text_wrap(f.text);
    format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
    for (const auto& sheet : book.sheets) write_sheet(wb, sheet, f);
  } catch (...) {
    workbook_close(wb);  // frees it; the half-written file goes with TempFile
    throw;
  }
  check(workbook_close(wb), "close");
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("xlsx: cannot read the workbook back");
  return bytes.str();
}

}  // namespace thidua::docs
