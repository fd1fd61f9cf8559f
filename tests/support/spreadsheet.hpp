#pragma once
// A workbook read by a consumer nobody here wrote: LibreOffice Calc headless converts every
// sheet of an .xlsx to CSV (libreoffice-calc-nogui, LibreOffice 7.2 or later for the "-1":
// all sheets), for tests of the Excel exports.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace thidua::testing {

// Each sheet's name → its CSV (UTF-8, comma-separated, text quoted only when needed); empty
// when LibreOffice could not open the file. `dir` is a scratch directory of the test's.
inline std::map<std::string, std::string> sheets_as_csv(const std::string& xlsx,
                                                        const std::string& dir) {
  namespace fs = std::filesystem;
  const std::string file = dir + "/book.xlsx";
  std::ofstream(file, std::ios::binary) << xlsx;
  // 44,34,76: comma, double quote, UTF-8; the 9th token: cells as shown (a date as the
  // workbook formats it, 20/10/2026); the last, -1: every sheet to its own file,
  // "book-<sheet>.csv".
  const std::string filter =
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
  const std::string command =
      "timeout 120 soffice --headless --norestore "
      "-env:UserInstallation=file://" +
      dir + "/profile --convert-to '" + filter + "' --outdir " + dir + "/csv " + file + " > " +
      dir + "/soffice.log 2>&1";
  std::map<std::string, std::string> sheets;
  if (std::system(command.c_str()) != 0 || !fs::exists(dir + "/csv")) return sheets;
  for (const auto& entry : fs::directory_iterator(dir + "/csv")) {
    std::string name = entry.path().stem().string();  // book-Theo tổ
    if (name.rfind("book-", 0) == 0) name = name.substr(5);
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    sheets[name] = text.str();
  }
  return sheets;
}

}  // namespace thidua::testing
