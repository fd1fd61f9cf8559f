#pragma once
// A workbook of plain tables as data, for the Excel exports the board and the council download
// (issues 11 and 12): each sheet a title row, a header row in bold and rows of cells, text,
// numbers or dates as real cells (a figure sums in Excel; a date sorts). Pure: a domain builds
// one without linking the writer (xlsx_table.hpp, libxlsxwriter). What a sheet says is the
// caller's (its message catalogue).
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/clock.hpp"

namespace thidua::docs {

// One cell: empty, text (UTF-8), a number, or a calendar date shown dd/mm/yyyy.
using XlsxCell = std::variant<std::monostate, std::string, double, LocalDate>;

struct XlsxSheet {
  std::string name;   // the tab: at most 31 characters, none of []:*?/\ (Excel's rule)
  std::string title;  // row 1, bold; "" for none
  std::vector<std::string> headers;  // the header row, bold
  std::vector<double> widths;        // per column, in Excel's character widths; 0 = default
  std::vector<std::vector<XlsxCell>> rows;
};

struct XlsxBook {
  std::vector<XlsxSheet> sheets;
};

// "Theo tổ" as a tab: the characters Excel refuses replaced by "-", cut to 31 characters
// (whole UTF-8 characters).
std::string sheet_name(const std::string& wanted);

inline constexpr const char* kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace thidua::docs
