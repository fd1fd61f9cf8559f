// DocumentsApp's export of the school's register (sổ văn bản đi), kept apart from issuing.
#include "docs/register_book.hpp"
#include "nominations/app/documents_app.hpp"

namespace thidua::nominations {

Task<ExportFile> DocumentsApp::register_workbook(int year) {
  std::optional<int> asked = year;
  std::optional<std::string> any_kind;
  auto entries = co_await register_entries(asked, any_kind);
  docs::XlsxBook book = docs::register_book(entries, year);
  std::string name = docs::register_file_name(year);
  co_return co_await export_workbook(renderer_, std::move(name), std::move(book));
}

}  // namespace thidua::nominations
