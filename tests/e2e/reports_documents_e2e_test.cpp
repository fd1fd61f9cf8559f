// The yearly report issued end to end: the real reports and nominations services on a real
// Redis, the clock pinned by libfaketime to 20 October 2026, LibreOffice making the PDF, and
// the PDF read by poppler's tools, which no one here wrote: pdftotext finds the national
// title on one line, the number, the dateline and the signer; pdfinfo says A4; pdftoppm
// renders page 1 to a PNG kept under the build's Testing/documents/ to look at.
// LibreOffice and poppler-utils come with scripts/setup.sh: without them this test fails,
// saying so, rather than skipping.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "reports_fixture.hpp"

namespace thidua::testing::reports_e2e {
namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

bool have(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// LibreOffice's first conversion on a machine busy with builds can take tens of seconds.
constexpr int kIssueTimeoutMs = 120000;

class DocumentsE2e : public ReportsE2e {
 protected:
  // GET with curl into `file` (binary-safe); the response headers, lower-cased names.
  std::string download(const Service& s, const std::string& path, const std::string& file) {
    std::string headers = file + ".headers";
    int rc = std::system(("curl -s -o '" + file + "' -D '" + headers +
                          "' -H 'Authorization: Bearer " + kAdmin + "' '" + s.url() + path + "'")
                             .c_str());
    EXPECT_EQ(rc, 0) << "curl " << path;
    return slurp(headers);
  }

  void submit_part(const Service& reports, const std::string& unit, const std::string& text,
                   int lessons) {
    json part = {{"narratives", {{"II.4", text}}},
                 {"figures", {{"e_lessons", lessons}}},
                 {"difficulties", "Thiếu máy chiếu ở phòng học bộ môn."}};
    call(reports, "PUT", "/api/reports/v1/contributions/2026/" + unit, 200, part);
    call(reports, "POST", "/api/reports/v1/contributions/2026/" + unit + "/submit", 200);
  }

  std::unique_ptr<Service> start_issuer(std::map<std::string, std::string> extra = {}) {
    extra.emplace("THIDUA_SIGNER_NAME", "Trần Thị Bình");
    extra.emplace("THIDUA_DOCUMENT_TEMPLATES", source_dir() + "/config/documents");
    extra.emplace("THIDUA_PLANNER_TICK_MS", "3600000");
    extra.emplace("THIDUA_PDF_WORK_DIR", dir_);
    // 10:00 on 20 October 2026 in Vietnam, whatever the wall clock says.
    return start_reports("2026-10-20 03:00:00", "http://127.0.0.1:9", extra);
  }
};

TEST_F(DocumentsE2e, YearlyReportIsIssuedNumberedFrozenAndReadByRealTools) {
  for (const char* tool : {"soffice", "pdftotext", "pdfinfo", "pdftoppm", "curl"}) {
    ASSERT_TRUE(have(tool)) << tool
                            << " is missing: bash scripts/setup.sh installs it "
                               "(libreoffice-writer-nogui, poppler-utils, curl)";
  }
  auto reports = start_issuer();
  ASSERT_TRUE(reports);
  submit_part(*reports, "to-toan-tin", "Soạn 12 bài giảng điện tử cho khối 6.", 12);
  submit_part(*reports, "to-ngu-van", "Xây dựng kho học liệu số môn Ngữ văn.", 3);

  // Without a signer anywhere the report cannot be signed: refused before any rendering.
  auto unsigned_issue = start_issuer({{"THIDUA_SIGNER_NAME", ""}});
  auto refused = call(*unsigned_issue, "POST", "/api/reports/v1/school-reports/2026/documents", 422,
                      json::object());
  EXPECT_EQ(refused["code"], "signer_missing");
  unsigned_issue->process.stop();

  // LibreOffice missing: 503 in Vietnamese, nothing issued, no number taken.
  auto no_office = start_issuer({{"THIDUA_PDF_PROGRAM", "/nonexistent/soffice"}});
  auto down = call(*no_office, "POST", "/api/reports/v1/school-reports/2026/documents", 503,
                   json::object());
  EXPECT_EQ(down["code"], "pdf_unavailable");
  EXPECT_NE(down.value("detail", "").find("LibreOffice"), std::string::npos);
  no_office->process.stop();

  // An initiative the register recognised in 2026: the report draws it from nominations.
  call(*nominations_, "PUT", "/api/nominations/v1/catalogue/staff/gv-an", 200,
       {{"name", "Nguyễn Văn An"}, {"unit_id", "to-toan-tin"}});
  call(*nominations_, "POST", "/api/nominations/v1/initiatives", 201,
       {{"title", "Kho học liệu số dùng chung"},
        {"author_ids", {"gv-an"}},
        {"unit_id", "to-toan-tin"},
        {"content_area", "II.3"},
        {"year", 2026},
        {"level", "co_so"},
        {"decision", {{"number", "15/QĐ-THCSVP1"}, {"date", "2026-05-20"}}}});

  // The board writes its own sections: two members at once, each a different section, and
  // both stand; a section emptied is gone; a key the report has not is refused.
  const std::string sections = "/api/reports/v1/school-reports/2026/sections";
  call(*reports, "PATCH", sections, 200,
       {{"situation", "Trường có 42 cán bộ, giáo viên.\nNăm học có 18 lớp."},
        {"limitations", "Tạm"}});
  std::thread writers[2];
  const json edits[2] = {{{"next_year", "Mở rộng kho học liệu số dùng chung."}},
                         {{"strengths", "Các tổ hưởng ứng sôi nổi."}, {"limitations", ""}}};
  for (int i = 0; i < 2; ++i) {
    writers[i] = std::thread([&, i] { call(*reports, "PATCH", sections, 200, edits[i]); });
  }
  for (auto& t : writers) t.join();
  call(*reports, "PATCH", sections, 400, {{"tinh_hinh", "x"}});
  call(*reports, "PATCH", sections, 422, json::object());
  auto written = call(*reports, "GET", "/api/reports/v1/school-reports/2026", 200)["sections"];
  EXPECT_EQ(written["situation"], "Trường có 42 cán bộ, giáo viên.\nNăm học có 18 lớp.");
  EXPECT_EQ(written["next_year"], "Mở rộng kho học liệu số dùng chung.");
  EXPECT_EQ(written["strengths"], "Các tổ hưởng ứng sôi nổi.");
  EXPECT_EQ(written["limitations"], "");
  EXPECT_EQ(written["unwritten"], json({"direction", "limitations", "proposals"}));
  EXPECT_EQ(written["updated_by"], "bootstrap-admin");
  // The preview page is the document as it would be issued.
  auto page = http_call("GET", reports->url() + "/api/reports/v1/school-reports/2026/html", "",
                        {{"Authorization", "Bearer " + kAdmin}}, kIssueTimeoutMs);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Năm học có 18 lớp."), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("Kho học liệu số dùng chung"), std::string::npos) << page.body;

  auto first = call(*reports, "POST", "/api/reports/v1/school-reports/2026/documents", 201,
                    json::object(), kIssueTimeoutMs);
  EXPECT_EQ(first["id"], "2026-bc-01");
  EXPECT_EQ(first["number_text"], "01/BC-THCSVP1");
  EXPECT_EQ(first["issued_on"], "2026-10-20");
  EXPECT_EQ(first["version"], 1);
  EXPECT_EQ(first["signer"], "Trần Thị Bình");

  // Again without a reason: refused. With reasons, at the same time: distinct numbers.
  auto again =
      call(*reports, "POST", "/api/reports/v1/school-reports/2026/documents", 409, json::object());
  EXPECT_EQ(again["code"], "reason_required");
  json replies[2];
  std::thread racers[2];
  for (int i = 0; i < 2; ++i) {
    racers[i] = std::thread([&, i] {
      json body = {{"reason", "Bổ sung số liệu lần " + std::to_string(i + 1)}};
      auto r = http_call(
          "POST", reports->url() + "/api/reports/v1/school-reports/2026/documents", body.dump(),
          {{"Authorization", "Bearer " + kAdmin}, {"Content-Type", "application/json"}}, 120000);
      replies[i] = json::parse(r.body, nullptr, false);
      replies[i]["status_code"] = r.status;
    });
  }
  for (auto& t : racers) t.join();
  std::set<std::string> numbers;
  std::set<int> versions;
  for (const auto& r : replies) {
    EXPECT_EQ(r["status_code"], 201) << r.dump();
    numbers.insert(r.value("number_text", ""));
    versions.insert(r.value("version", 0));
  }
  EXPECT_EQ(numbers, (std::set<std::string>{"02/BC-THCSVP1", "03/BC-THCSVP1"}));
  EXPECT_EQ(versions, (std::set<int>{2, 3}));

  // The register: every issue once, in order, with what the sổ văn bản đi records.
  auto reg = call(*reports, "GET", "/api/reports/v1/documents?year=2026", 200);
  ASSERT_EQ(reg["documents"].size(), 3u);
  for (int i = 0; i < 3; ++i) {
    const auto& e = reg["documents"][i];
    EXPECT_EQ(e["number"], i + 1);  // number 3 commits only after 2: the register is in order
    EXPECT_EQ(e["type_name"], "Báo cáo");
    EXPECT_EQ(e["signer"], "Trần Thị Bình");
    EXPECT_EQ(e["recipient"], "UBND xã (qua Phòng Văn hóa – Xã hội)");
    EXPECT_NE(e.value("summary", "").find("năm 2026"), std::string::npos);
  }

  // Frozen: a part corrected after issue changes neither stored file.
  const std::string docx1 = dir_ + "/issued-01.docx";
  auto headers = download(*reports, "/api/reports/v1/documents/2026-bc-01.docx", docx1);
  EXPECT_NE(headers.find("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20n%C4%83m%202026%20-%20s%E1%BB%91%"
                         "2001-BC-THCSVP1.docx"),
            std::string::npos)
      << headers;
  json corrected = {{"narratives", {{"II.4", "Nội dung sửa sau khi phát hành."}}},
                    {"figures", {{"e_lessons", 99}}}};
  call(*reports, "PUT", "/api/reports/v1/contributions/2026/to-toan-tin", 200, corrected);
  // A count the service refuses is named as the form and the report print it, not by its code.
  auto wrong_count = call(*reports, "PATCH", "/api/reports/v1/contributions/2026/to-toan-tin", 400,
                          json{{"figures", {{"e_lessons", -3}}}});
  EXPECT_EQ(wrong_count["detail"],
            "Chỉ số \"Bài giảng điện tử đã soạn\" phải là số nguyên từ 0 đến 1000000.");
  const std::string docx1_again = dir_ + "/issued-01-again.docx";
  download(*reports, "/api/reports/v1/documents/2026-bc-01.docx", docx1_again);
  EXPECT_EQ(slurp(docx1), slurp(docx1_again));
  EXPECT_EQ(slurp(docx1).size(), first["files"]["docx"]["bytes"].get<std::size_t>());

  const std::string pdf = dir_ + "/issued-01.pdf";
  headers = download(*reports, "/api/reports/v1/documents/2026-bc-01.pdf", pdf);
  EXPECT_NE(headers.find("application/pdf"), std::string::npos) << headers;
  ASSERT_EQ(slurp(pdf).substr(0, 5), "%PDF-");

  // What poppler reads in it.
  auto text = run("pdftotext -layout '" + pdf + "' - 2>&1");
  bool title_on_one_line = false;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    title_on_one_line =
        title_on_one_line || line.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos;
  }
  EXPECT_TRUE(title_on_one_line) << text;
  EXPECT_NE(text.find("Số: 01/BC-THCSVP1"), std::string::npos) << text;
  EXPECT_NE(text.find("Vĩnh Phong, ngày 20 tháng 10 năm 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("Trần Thị Bình"), std::string::npos) << text;
  EXPECT_NE(text.find("Soạn 12 bài giảng điện tử cho khối 6."), std::string::npos) << text;
  EXPECT_EQ(text.find("Nội dung sửa sau khi phát hành."), std::string::npos);
  EXPECT_NE(text.find("Lưu: VT, TĐKT."), std::string::npos) << text;
  EXPECT_NE(text.find("KẾT QUẢ KHEN THƯỞNG"), std::string::npos) << text;
  EXPECT_NE(text.find("Năm học có 18 lớp."), std::string::npos) << "the board's text: " << text;
  EXPECT_NE(text.find("NHIỆM VỤ NĂM 2027"), std::string::npos) << text;
  EXPECT_NE(text.find("Mở rộng kho học liệu số dùng chung."), std::string::npos) << text;
  EXPECT_NE(text.find("Trong năm chưa có quyết định khen thưởng nào"), std::string::npos) << text;
  EXPECT_NE(text.find("Kho học liệu số"), std::string::npos) << "the initiative: " << text;
  EXPECT_NE(text.find("15/QĐ-THCSVP1"), std::string::npos) << text;
  auto info = run("pdfinfo '" + pdf + "' 2>&1");
  EXPECT_NE(info.find("(A4)"), std::string::npos) << info;

  const std::string artifacts = build_dir() + "/Testing/documents";
  std::filesystem::create_directories(artifacts);
  const std::string png = artifacts + "/bao-cao-nam-2026-trang-1";
  std::filesystem::remove(png + ".png");
  run("pdftoppm -png -r 80 -f 1 -l 1 -singlefile '" + pdf + "' '" + png + "' 2>&1");
  EXPECT_TRUE(std::filesystem::exists(png + ".png")) << "no " << png << ".png";
  std::filesystem::copy_file(pdf, artifacts + "/bao-cao-nam-2026.pdf",
                             std::filesystem::copy_options::overwrite_existing);

  // Marked sent: the version named, else the latest.
  auto sent = call(*reports, "POST", "/api/reports/v1/school-reports/2026/sent", 200,
                   {{"sent_on", "2026-10-20"}});
  EXPECT_EQ(sent["sent"]["document_id"],
            replies[0]["version"] == 3 ? replies[0]["id"] : replies[1]["id"]);
  sent = call(*reports, "POST", "/api/reports/v1/school-reports/2026/sent", 200,
              {{"sent_on", "2026-10-20"}, {"document_id", "2026-bc-01"}});
  EXPECT_EQ(sent["sent"]["document_id"], "2026-bc-01");
  EXPECT_EQ(sent["sent"]["number"], "01/BC-THCSVP1");
  call(*reports, "POST", "/api/reports/v1/school-reports/2026/sent", 422,
       {{"sent_on", "2026-10-20"}, {"document_id", "2026-bc-09"}});
  reports->process.stop();
}

// The school's template is read at start-up: a mistake stops the service with the file, the
// line and what can be used there, before any document is printed from it.
TEST(DocumentTemplates, ABrokenTemplateStopsStartUpNamingItsLine) {
  auto dir = make_temp_dir("thidua-bad-template");
  std::ofstream(dir + "/bao-cao-nam.txt") << "@loai: BÁO CÁO\n@trich-yeu: Năm {{nam}}\n"
                                             "{{#linh_vuc}}\n{{ten_linh_vuc}}\n{{/linh_vuc}}\n";
  auto out = run("THIDUA_DOCUMENT_TEMPLATES='" + dir + "' '" + binary("reports") +
                 "' --routes 2>&1; echo \"exit=$?\"");
  EXPECT_NE(out.find("bao-cao-nam.txt, dòng 4"), std::string::npos) << out;
  EXPECT_NE(out.find("{{ten_linh_vuc}}"), std::string::npos) << out;
  EXPECT_NE(out.find("{{ten}}"), std::string::npos) << "what can be used there: " << out;
  EXPECT_NE(out.find("exit=2"), std::string::npos) << out;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace thidua::testing::reports_e2e
