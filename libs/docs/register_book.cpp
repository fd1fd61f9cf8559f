#include "docs/register_book.hpp"

#include "core/messages.hpp"

namespace thidua::docs {

XlsxBook register_book(const std::vector<IssuedDocument>& entries, int year) {
  using common::say;
  XlsxSheet sheet;
  sheet.name = sheet_name(say("register.sheet"));
  sheet.title = say("register.title", {{"year", std::to_string(year)}});
  sheet.headers = {say("register.col_number"),  say("register.col_date"),
                   say("register.col_type"),    say("register.col_summary"),
                   say("register.col_signer"),  say("register.col_recipient"),
                   say("register.col_version"), say("register.col_reason")};
  sheet.widths = {18, 12, 20, 60, 24, 40, 10, 40};
  for (const auto& d : entries) {
    std::string signer = d.signer_title.empty() ? d.signer : d.signer + " (" + d.signer_title + ")";
    sheet.rows.push_back({d.number_text, d.issued_on, d.type_name, d.summary, signer, d.recipient,
                          static_cast<double>(d.version),
                          d.reason.empty() ? XlsxCell{} : XlsxCell{d.reason}});
  }
  if (entries.empty()) sheet.rows.push_back({say("register.none")});
  XlsxBook book;
  book.sheets.push_back(std::move(sheet));
  return book;
}

std::string register_file_name(int year) {
  return common::say("register.file_name", {{"year", std::to_string(year)}});
}

}  // namespace thidua::docs
