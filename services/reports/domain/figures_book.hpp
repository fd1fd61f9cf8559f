#pragma once
// The units' figures of a year's report as a workbook (issue 11, "XLSX exports: the units'
// report figures"): a row per unit the year lists, a column per indicator of the year's list,
// the counts as number cells, and the totals the report prints (the submitted parts only).
// Pure; words from the message catalogue.
#include <string>

#include "docs/xlsx_book.hpp"
#include "reports/domain/school_report.hpp"

namespace thidua::reports {

// One sheet: title, header (unit, state, then each indicator with its unit of measure), a
// row per unit of `r.units` (a unit that has not submitted: its state and empty cells), a
// blank row, and the totals row as SchoolReport::totals() adds them.
docs::XlsxBook figures_book(const SchoolReport& r);
// "Số liệu báo cáo của các tổ năm 2026.xlsx"
std::string figures_file_name(int year);

}  // namespace thidua::reports
