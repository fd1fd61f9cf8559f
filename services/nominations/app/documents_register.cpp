// DocumentsApp's export of the school's register (sổ văn bản đi), kept apart from issuing.
#include "docs/register_book.hpp"
#include "nominations/app/documents_app.hpp"

namespace thidua::nominations {

Task<ExportFile> DocumentsApp::register_workbook(int year) {
  std::optional<int> asked = year;
  std::optional<std::string> any_kind;
  auto entries = co_await register_entries(asked, any_kind);
  docs::XlsxBook book = docs::register_book(entries, year);
  std::optional<docs::RenderError> failed;
  ExportFile out{docs::register_file_name(year), ""};
  try {
    out.bytes = co_await renderer_.xlsx(std::move(book));
  } catch (const docs::RenderError& e) {
    failed = e;  // no co_await in a catch block (GCC 12)
  }
  if (failed) throw export_problem(*failed);
  co_return out;
}

}  // namespace thidua::nominations
