#pragma once
// A Document as one HTML page: the dashboard's preview of what the DOCX and the PDF will
// say, laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I lays out the document (two-column
// header, number and date line, type and summary, body, recipients and signature), with A4
// page margins for printing. The same Document the writers get, so the preview shows the
// same content; only the typography is the browser's.
#include <string>

#include "docs/document.hpp"

namespace thidua::docs {

// A complete page (UTF-8, lang="vi"): no script, its one style sheet inline (the edge gives
// this page a policy that allows exactly that). Every text is escaped.
std::string html_page(const Document& d);

// "&", "<", ">", quotes as entities.
std::string html_escape(std::string_view s);

}  // namespace thidua::docs
