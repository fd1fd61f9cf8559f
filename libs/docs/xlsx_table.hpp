#pragma once
// Writes a workbook (xlsx_book.hpp) as an .xlsx file, by libxlsxwriter (Debian:
// libxlsxwriter-dev), never by hand. Shared by the services.
#include <string>

#include "docs/xlsx_book.hpp"

namespace thidua::docs {

// The .xlsx file's bytes. Blocking (writes and reads a temporary file under $TMPDIR or
// /tmp): call it off the event loop (Renderer::xlsx). Throws std::runtime_error when the
// library refuses (a sheet name too long or repeated, no sheet) or the file cannot be made.
std::string write_xlsx(const XlsxBook& book);

}  // namespace thidua::docs
