#pragma once
// The register of issued documents (sổ văn bản đi) as an Excel workbook (issue 11: "a
// register of issued documents … is readable and exportable"): one sheet, a row per
// document in the order of issue, with the columns a văn thư keeps by hand (Nghị định
// 30/2020/NĐ-CP, Phụ lục IV: số, ngày, tên loại và trích yếu, người ký, nơi nhận) and the
// version and reason of a document issued again. Dates are date cells. Words from the shared
// catalogue (libs/core/messages.cpp): the register is the school's, not one service's.
#include <string>
#include <vector>

#include "docs/issued.hpp"
#include "docs/xlsx_book.hpp"

namespace thidua::docs {

// `entries`: the register of `year` (numbering year), in the order of issue.
XlsxBook register_book(const std::vector<IssuedDocument>& entries, int year);
// "Sổ văn bản đi năm 2026.xlsx"
std::string register_file_name(int year);

}  // namespace thidua::docs
