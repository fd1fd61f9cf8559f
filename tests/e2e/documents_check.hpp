#pragma once
// Reading an issued document with tools no one here wrote: curl downloads it (headers kept),
// poppler's pdftotext finds the national title on one line, the number, the dateline and the
// signer, pdfinfo says A4, pdftoppm renders page 1 to a PNG kept under the build's
// Testing/documents/ to look at.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/process.hpp"

namespace thidua::testing::documents_check {

inline std::string run(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

inline bool have(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// GET `url` with the bearer token into `file` (binary-safe); the response headers.
inline std::string download(const std::string& url, const std::string& token,
                            const std::string& file) {
  std::string headers = file + ".headers";
  int rc = std::system(("curl -s -o '" + file + "' -D '" + headers +
                        "' -H 'Authorization: Bearer " + token + "' '" + url + "'")
                           .c_str());
  EXPECT_EQ(rc, 0) << "curl " << url;
  return slurp(headers);
}

// The PDF's text (pdftotext -layout), after checking what every issued document shows; page 1
// is kept as `artifact`.png (and the PDF as `artifact`.pdf) under Testing/documents/.
inline std::string check_pdf(const std::string& pdf, const std::string& number,
                             const std::string& date_line, const std::string& signer,
                             const std::string& artifact) {
  EXPECT_EQ(slurp(pdf).substr(0, 5), "%PDF-") << pdf;
  auto text = run("pdftotext -layout '" + pdf + "' - 2>&1");
  bool title_on_one_line = false;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    title_on_one_line =
        title_on_one_line || line.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos;
  }
  EXPECT_TRUE(title_on_one_line) << text;
  EXPECT_NE(text.find("Số: " + number), std::string::npos) << text;
  EXPECT_NE(text.find(date_line), std::string::npos) << text;
  EXPECT_NE(text.find(signer), std::string::npos) << text;
  auto info = run("pdfinfo '" + pdf + "' 2>&1");
  EXPECT_NE(info.find("(A4)"), std::string::npos) << info;
  const std::string artifacts = build_dir() + "/Testing/documents";
  std::filesystem::create_directories(artifacts);
  const std::string png = artifacts + "/" + artifact + "-trang-1";
  std::filesystem::remove(png + ".png");
  run("pdftoppm -png -r 80 -f 1 -l 1 -singlefile '" + pdf + "' '" + png + "' 2>&1");
  EXPECT_TRUE(std::filesystem::exists(png + ".png")) << "no " << png << ".png";
  std::filesystem::copy_file(pdf, artifacts + "/" + artifact + ".pdf",
                             std::filesystem::copy_options::overwrite_existing);
  return text;
}

}  // namespace thidua::testing::documents_check
