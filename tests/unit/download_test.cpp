// Downloads with a Vietnamese file name: RFC 6266 with filename*=UTF-8'' (RFC 8187).
#include <gtest/gtest.h>

#include "http/download.hpp"

namespace thidua::http {
namespace {

TEST(ContentDisposition, HasAnAsciiNameAndTheUtf8NamePercentEncoded) {
  EXPECT_EQ(content_disposition("Báo cáo năm 2026 - số 01-BC-THCSVP1.pdf"),
            "attachment; filename=\"bao-cao-nam-2026-so-01-bc-thcsvp1.pdf\"; "
            "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20n%C4%83m%202026%20-%20s%E1%BB%91%2001-BC-"
            "THCSVP1.pdf");
}

TEST(ContentDisposition, CharactersAFileSystemRefusesBecomeDashes) {
  auto h = content_disposition("a/b\\c\"d\r\n.docx");
  EXPECT_EQ(h.find('"', 22), h.find("\"; filename*"));  // no quote inside the ASCII name
  EXPECT_NE(h.find("filename=\"a-b-c-d-.docx\""), std::string::npos) << h;
  EXPECT_EQ(h.find('\r'), std::string::npos);
  EXPECT_EQ(h.find('/'), std::string::npos);
}

TEST(Download, IsPrivateAndNamed) {
  auto r = download("%PDF-1.7", "application/pdf", "Báo cáo.pdf");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/pdf");
  bool named = false, private_ = false;
  for (const auto& [k, v] : r.headers) {
    named = named || (k == "Content-Disposition" && v.find("filename*=") != std::string::npos);
    private_ = private_ || (k == "Cache-Control" && v == "private, no-store");
  }
  EXPECT_TRUE(named);
  EXPECT_TRUE(private_);
}

}  // namespace
}  // namespace thidua::http
