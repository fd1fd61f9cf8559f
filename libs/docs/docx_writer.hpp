#pragma once
// Writes a Document as DOCX (Office Open XML WordprocessingML, ECMA-376), the format
// Vietnamese offices edit and exchange, in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I:
//   - A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm;
//   - Times New Roman (LibreOffice uses the metric-compatible Liberation Serif where Times
//     is missing), body 14 pt, justified, first-line indent 1 cm, 6 pt between paragraphs;
//   - page numbers from page 2, centred at the top (a first page without header);
//   - the two-column header table: the governing body in capitals over the issuing body in
//     bold capitals with a short rule; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" bold 13 pt on one
//     line over "Độc lập - Tự do - Hạnh phúc" bold 14 pt with a rule; "Số: …" and the italic
//     place-and-date line below them;
//   - the type and the summary bold and centred, a short rule below;
//   - the signature block beside "Nơi nhận:" (bold italic) whose list ends "- Lưu: …".
// The same Document gives the same bytes (fixed times inside the archive), so a frozen copy
// can be compared with a new rendering.
#include <stdexcept>
#include <string>

#include "docs/document.hpp"

namespace thidua::docs {

// The DOCX file's bytes. Throws std::runtime_error if the archive cannot be built (out of
// memory): never because of the text, which is escaped as XML requires.
std::string write_docx(const Document& doc);

}  // namespace thidua::docs
