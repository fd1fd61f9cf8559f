// The documents of an award round issued end to end: the real nominations service on a real
// Redis, a seeded 2026 round (staff, nominations through the council's vote), the issuing
// replica's clock pinned by libfaketime to 10:00 on 5 November 2026, LibreOffice making the
// PDF, poppler reading it (documents_check.hpp). The tờ trình per award form and the
// principal's quyết định, each numbered in its own series, frozen, with a Vietnamese file
// name; the register shared with the reports service.
// LibreOffice and poppler-utils come with scripts/setup.sh: without them this test fails,
// saying so, rather than skipping.
#include <algorithm>
#include <fstream>

#include "documents_check.hpp"
#include "reports_fixture.hpp"
#include "round_documents_fixture.hpp"
#include "support/spreadsheet.hpp"

namespace thidua::testing::reports_e2e {
namespace {
using namespace documents_check;

TEST_F(RoundDocumentsE2e, ProposalAndDecisionAreIssuedNumberedFrozenAndReadByRealTools) {
  for (const char* tool : {"soffice", "pdftotext", "pdfinfo", "pdftoppm", "curl"}) {
    ASSERT_TRUE(have(tool)) << tool
                            << " is missing: bash scripts/setup.sh installs it "
                               "(libreoffice-writer-nogui, poppler-utils, curl)";
  }
  // The seeded round: four colleagues, a council sitting, three proposals for the commune's
  // Giấy khen (one rejected), two for the principal's.
  add_staff("gv-an", "Nguyễn Văn An", "giáo viên", "to-toan-tin");
  call(*nominations_, "PUT", "/api/nominations/v1/catalogue/staff/gv-an", 200,
       {{"name", "Nguyễn Văn An"},
        {"position", "giáo viên"},
        {"unit_id", "to-toan-tin"},
        {"gender", "male"},
        {"birth_date", "1985-03-12"},
        {"qualifications", "Cử nhân Sư phạm Toán"}});
  add_staff("gv-hoa", "Lê Thị Hoa", "tổ trưởng", "to-ngu-van");
  add_staff("nv-lan", "Phạm Thị Lan", "nhân viên văn thư", "to-van-phong");
  add_staff("gv-minh", "Võ Văn Minh", "giáo viên", "to-khtn");
  json open_quota = {{"code", "gk_ht"},
                     {"label", "Giấy khen của Hiệu trưởng"},
                     {"level", "school"},
                     {"authority", "Hiệu trưởng Trường THCS Vĩnh Phong 1"},
                     {"quotas", {{"annual", {{"collective", -1}, {"individual", -1}}}}}};
  call(*nominations_, "PUT", "/api/nominations/v1/catalogue/award-forms/gk_ht", 200, open_quota);
  // The council by name: nine members, one away; the chair and the secretary among those there.
  const std::vector<std::pair<std::string, std::string>> council = {
      {"hd-cuong", "Phạm Văn Cường"}, {"hd-binh", "Trần Thị Bình"}, {"hd-dung", "Lê Văn Dũng"},
      {"hd-giang", "Ngô Thị Giang"},  {"hd-hai", "Đỗ Văn Hải"},     {"hd-khanh", "Bùi Thị Khánh"},
      {"hd-long", "Mai Văn Long"},    {"hd-my", "Hồ Thị My"},       {"hd-nam", "Vũ Văn Nam"}};
  json members = json::array();
  for (const auto& [id, name] : council) {
    add_staff(id, name, "giáo viên", "to-toan-tin");
    members.push_back({{"staff_id", id}, {"present", id != "hd-nam"}});
  }
  auto meeting = call(*nominations_, "POST", "/api/nominations/v1/council/meetings", 201,
                      {{"date", "2026-11-02"},
                       {"start_time", "14:00"},
                       {"end_time", "16:30"},
                       {"place", "Phòng họp Hội đồng sư phạm"},
                       {"chair_id", "hd-cuong"},
                       {"secretary_id", "hd-my"},
                       {"agenda", "Xét đề nghị khen thưởng năm 2026."},
                       {"members", members}});
  EXPECT_EQ(meeting["members_total"], 9);
  EXPECT_EQ(meeting["members_present"], 8);
  EXPECT_EQ(meeting["chair"]["name"], "Phạm Văn Cường");
  auto counted = call(*nominations_, "POST", "/api/nominations/v1/council/meetings", 201,
                      {{"date", "2026-11-03"}, {"members_total", 9}, {"members_present", 7}});
  const std::string m = meeting.value("id", "");
  // Last year gv-an got the principal's Giấy khen: the decision is recorded, so next year's
  // báo cáo thành tích lists it by itself.
  const std::string past = through_council("gk_ht", "individual", "gv-an",
                                           "Bài giảng điện tử năm 2025.", m, true, "2025");
  const std::string n = "/api/nominations/v1/nominations/" + past;
  for (const char* item : {"to_trinh", "bien_ban", "bao_cao_thanh_tich"}) {
    call(*nominations_, "PUT", n + "/dossier/" + item, 200, {{"copies", 1}});
  }
  const std::string approved_on =
      call(*nominations_, "GET", n, 200)["outcome"]["approval"].value("date", "");
  call(*nominations_, "POST", n + "/transitions", 200,
       {{"action", "forward"}, {"date", approved_on}, {"reference", "05/TTr-THCSVP1"}});
  call(*nominations_, "POST", n + "/transitions", 200,
       {{"action", "award"}, {"decision_number", "12/QĐ-THCSVP1"}, {"decision_date", approved_on}});
  const std::string unit_nomination =
      through_council("gk_xa", "collective", "to-toan-tin", "Dẫn đầu chuyển đổi số của trường.", m);
  const std::string an_nomination =
      through_council("gk_xa", "individual", "gv-an", "Soạn 12 bài giảng điện tử cho khối 6.", m);
  through_council("gk_xa", "individual", "gv-hoa", "Kho học liệu số môn Ngữ văn.", m, false);
  through_council("gk_ht", "individual", "nv-lan", "Số hóa toàn bộ hồ sơ văn thư.", m);
  through_council("gk_ht", "individual", "gv-minh", "Hướng dẫn học sinh nghiên cứu khoa học.", m);

  auto issuer = start_issuer();
  ASSERT_TRUE(issuer);
  const std::string docs = "/api/nominations/v1/documents";
  // Nobody approved for the province's Bằng khen: nothing to list, nothing issued.
  auto none =
      call(*issuer, "POST", docs + "/to-trinh", 422, {{"period", "2026"}, {"award", "bk_tinh"}});
  EXPECT_EQ(none["code"], "no_nominees");
  // The principal grants only the school's own award.
  auto not_ours =
      call(*issuer, "POST", docs + "/quyet-dinh", 422, {{"period", "2026"}, {"award", "gk_xa"}});
  EXPECT_EQ(not_ours["code"], "not_school_award");

  auto proposal = call(*issuer, "POST", docs + "/to-trinh", 201,
                       {{"period", "2026"}, {"award", "gk_xa"}}, kIssueTimeoutMs);
  EXPECT_EQ(proposal["id"], "2026-ttr-01");
  EXPECT_EQ(proposal["number_text"], "01/TTr-THCSVP1");
  EXPECT_EQ(proposal["issued_on"], "2026-11-05");
  EXPECT_EQ(proposal["recipient"], "Chủ tịch Ủy ban nhân dân xã Vĩnh Phong");
  auto decision =
      call(*issuer, "POST", docs + "/quyet-dinh", 201,
           {{"period", "2026"},
            {"signer", {{"authority", ""}, {"title", "HIỆU TRƯỞNG"}, {"name", "Phạm Văn Cường"}}}},
           kIssueTimeoutMs);
  EXPECT_EQ(decision["id"], "2026-qd-01");
  EXPECT_EQ(decision["number_text"], "01/QĐ-THCSVP1");
  EXPECT_EQ(decision["signer"], "Phạm Văn Cường");
  // Again: only with a reason, as a new version with the next number of its series.
  auto again =
      call(*issuer, "POST", docs + "/to-trinh", 409, {{"period", "2026"}, {"award", "gk_xa"}});
  EXPECT_EQ(again["code"], "reason_required");
  auto second = call(*issuer, "POST", docs + "/to-trinh", 201,
                     {{"period", "2026"}, {"award", "gk_xa"}, {"reason", "Sửa thành tích tổ Toán"}},
                     kIssueTimeoutMs);
  EXPECT_EQ(second["id"], "2026-ttr-02");
  EXPECT_EQ(second["version"], 2);
  EXPECT_EQ(second["replaces"], "2026-ttr-01");

  // Frozen: a name corrected after issue changes neither file.
  const std::string pdf = dir_ + "/to-trinh.pdf";
  auto headers = download(issuer->url() + docs + "/2026-ttr-01.pdf", kAdmin, pdf);
  EXPECT_NE(headers.find("application/pdf"), std::string::npos) << headers;
  EXPECT_NE(headers.find("filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20Gi%E1%BA%A5y%20khen"),
            std::string::npos)
      << headers;
  call(*nominations_, "PUT", "/api/nominations/v1/catalogue/staff/gv-an", 200,
       {{"name", "Nguyễn Văn Ân"},
        {"position", "giáo viên"},
        {"unit_id", "to-toan-tin"},
        {"gender", "male"},
        {"birth_date", "1985-03-12"},
        {"qualifications", "Cử nhân Sư phạm Toán"}});
  const std::string pdf_again = dir_ + "/to-trinh-again.pdf";
  download(issuer->url() + docs + "/2026-ttr-01.pdf", kAdmin, pdf_again);
  EXPECT_EQ(slurp(pdf), slurp(pdf_again));

  auto text = check_pdf(pdf, "01/TTr-THCSVP1", "Vĩnh Phong, ngày 05 tháng 11 năm 2026",
                        "Trần Thị Bình", "to-trinh-gk-xa-2026");
  EXPECT_NE(text.find("TỜ TRÌNH"), std::string::npos) << text;
  EXPECT_NE(text.find("Chủ tịch Ủy ban nhân dân xã Vĩnh Phong"), std::string::npos) << text;
  EXPECT_NE(text.find("Nguyễn Văn An"), std::string::npos) << text;
  EXPECT_NE(text.find("Tổ Toán – Tin"), std::string::npos) << text;
  EXPECT_EQ(text.find("Lê Thị Hoa"), std::string::npos) << "a rejected nomination is listed";
  EXPECT_EQ(text.find("Phạm Thị Lan"), std::string::npos) << "another form's nominee is listed";

  const std::string qd = dir_ + "/quyet-dinh.pdf";
  download(issuer->url() + docs + "/2026-qd-01.pdf", kAdmin, qd);
  text = check_pdf(qd, "01/QĐ-THCSVP1", "Vĩnh Phong, ngày 05 tháng 11 năm 2026", "Phạm Văn Cường",
                   "quyet-dinh-gk-ht-2026");
  EXPECT_NE(text.find("QUYẾT ĐỊNH"), std::string::npos) << text;
  EXPECT_NE(text.find("Phạm Thị Lan"), std::string::npos) << text;
  EXPECT_NE(text.find("Võ Văn Minh"), std::string::npos) << text;
  const std::string docx = dir_ + "/quyet-dinh.docx";
  download(issuer->url() + docs + "/2026-qd-01.docx", kAdmin, docx);
  EXPECT_EQ(slurp(docx).substr(0, 2), "PK");

  // The biên bản: needs the names; then signed by the chair, the secretary on the left.
  auto incomplete = call(*issuer, "POST", docs + "/bien-ban", 422,
                         {{"meeting_id", counted.value("id", "")}}, kIssueTimeoutMs);
  EXPECT_EQ(incomplete["code"], "minutes_incomplete");
  auto minutes =
      call(*issuer, "POST", docs + "/bien-ban", 201, {{"meeting_id", m}}, kIssueTimeoutMs);
  EXPECT_EQ(minutes["id"], "2026-bb-01");
  EXPECT_EQ(minutes["signer"], "Phạm Văn Cường");
  const std::string bb = dir_ + "/bien-ban.pdf";
  headers = download(issuer->url() + docs + "/2026-bb-01.pdf", kAdmin, bb);
  EXPECT_NE(headers.find("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n"), std::string::npos) << headers;
  text = check_pdf(bb, "01/BB-THCSVP1", "Vĩnh Phong, ngày 05 tháng 11 năm 2026", "Phạm Văn Cường",
                   "bien-ban-hop-2026-11-02");
  EXPECT_NE(text.find("BIÊN BẢN"), std::string::npos) << text;
  EXPECT_NE(text.find("Hồ Thị My"), std::string::npos) << "the secretary signs: " << text;
  EXPECT_NE(text.find("Vũ Văn Nam"), std::string::npos) << "the absent member is named: " << text;
  EXPECT_NE(text.find("14:00"), std::string::npos) << text;
  EXPECT_NE(text.find("16:30"), std::string::npos) << text;
  EXPECT_NE(text.find("Phòng họp Hội đồng sư phạm"), std::string::npos) << text;
  // The rejected nomination is there with its tally (its conclusion may wrap in the cell).
  EXPECT_NE(text.find("Lê Thị Hoa"), std::string::npos) << text;
  std::string packed = text;  // pdftotext may close up "2 / 6 / 0"
  std::erase(packed, ' ');
  EXPECT_NE(packed.find("2/6/0"), std::string::npos) << text;

  // The báo cáo thành tích of gv-an (profile from the staff record, last year's award found
  // by itself, the registration of the year against the achievements, the initiative the
  // register recognised) and of Tổ Toán – Tin (its members).
  call(*nominations_, "PUT", "/api/nominations/v1/registrations/2026/individual/gv-an", 200,
       {{"titles", {"Lao động tiên tiến"}},
        {"targets", {{{"content_area", "II.3"}, {"text", "Số hóa 30 học liệu"}}}},
        {"submit", true}});
  call(*nominations_, "POST", "/api/nominations/v1/initiatives", 201,
       {{"title", "Kho học liệu số dùng chung của tổ"},
        {"author_ids", {"gv-an"}},
        {"unit_id", "to-toan-tin"},
        {"content_area", "II.3"},
        {"year", 2026},
        {"level", "co_so"},
        {"decision",
         {{"number", "15/QĐ-THCSVP1"}, {"date", "2026-05-20"}, {"issuer", "Hiệu trưởng"}}}});
  auto report = call(*issuer, "POST", docs + "/bao-cao-thanh-tich", 201,
                     {{"nomination_id", an_nomination}}, kIssueTimeoutMs);
  EXPECT_EQ(report["id"], "2026-bc-01");
  EXPECT_EQ(report["type_name"], "Báo cáo thành tích");
  const std::string bctt = dir_ + "/bao-cao-thanh-tich.pdf";
  download(issuer->url() + docs + "/2026-bc-01.pdf", kAdmin, bctt);
  text = check_pdf(bctt, "01/BC-THCSVP1", "Vĩnh Phong, ngày 05 tháng 11 năm 2026", "Trần Thị Bình",
                   "bao-cao-thanh-tich-ca-nhan-2026");
  EXPECT_NE(text.find("BÁO CÁO THÀNH TÍCH"), std::string::npos) << text;
  EXPECT_NE(text.find("12/03/1985"), std::string::npos) << "birth date: " << text;
  EXPECT_NE(text.find("Cử nhân Sư phạm Toán"), std::string::npos) << text;
  EXPECT_NE(text.find("12/QĐ-THCSVP1"), std::string::npos) << "last year's award: " << text;
  EXPECT_NE(text.find("Nguyễn Văn Ân"), std::string::npos) << "the reporter signs: " << text;
  EXPECT_NE(text.find("Lao động tiên tiến"), std::string::npos) << "registered: " << text;
  // Cells wrap: their first lines are what a line of pdftotext holds.
  EXPECT_NE(text.find("Số hóa 30"), std::string::npos) << "the target: " << text;
  EXPECT_NE(text.find("Kho học liệu số"), std::string::npos) << "initiative: " << text;
  EXPECT_NE(text.find("15/QĐ-THCSVP1"), std::string::npos) << "its decision: " << text;
  auto unit_report = call(*issuer, "POST", docs + "/bao-cao-thanh-tich", 201,
                          {{"nomination_id", unit_nomination}}, kIssueTimeoutMs);
  const std::string bctt_unit = dir_ + "/bao-cao-thanh-tich-tap-the.pdf";
  download(issuer->url() + docs + "/" + unit_report.value("id", "") + ".pdf", kAdmin, bctt_unit);
  text = check_pdf(bctt_unit, unit_report.value("number_text", ""),
                   "Vĩnh Phong, ngày 05 tháng 11 năm 2026", "Trần Thị Bình",
                   "bao-cao-thanh-tich-tap-the-2026");
  EXPECT_NE(text.find("Tổ Toán – Tin"), std::string::npos) << text;
  EXPECT_NE(text.find("Lê Văn Dũng"), std::string::npos) << "a member of the group: " << text;

  // The register: the school's one, each document once.
  auto reg = call(*issuer, "GET", docs + "?year=2026", 200);
  ASSERT_EQ(reg["documents"].size(), 6u);
  EXPECT_EQ(reg["documents"][0]["type_name"], "Tờ trình");
  EXPECT_EQ(reg["documents"][1]["type_name"], "Quyết định");
  EXPECT_EQ(reg["documents"][2]["reason"], "Sửa thành tích tổ Toán");
  // …and as a workbook a văn thư opens: one row per document, dates as dates.
  const std::string book = dir_ + "/so-van-ban-di.xlsx";
  download(issuer->url() + docs + "/register/2026/xlsx", kAdmin, book);
  std::ifstream in(book, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto sheets = sheets_as_csv(bytes, make_temp_dir("thidua-register"));
  ASSERT_EQ(sheets.size(), 1u) << "LibreOffice Calc could not open the register";
  const auto& sheet = sheets["Sổ văn bản đi"];
  EXPECT_NE(sheet.find("SỔ VĂN BẢN ĐI NĂM 2026"), std::string::npos) << sheet;
  EXPECT_NE(
      sheet.find("\"Số, ký hiệu\",Ngày ban hành,Tên loại,Trích yếu nội dung,Người ký,Nơi nhận"),
      std::string::npos)
      << sheet;
  EXPECT_NE(sheet.find("\n01/TTr-THCSVP1,05/11/2026,Tờ trình,"), std::string::npos) << sheet;
  // The title, a blank row, the headers, then one row per document.
  EXPECT_EQ(std::count(sheet.begin(), sheet.end(), '\n'), 3 + 6) << sheet;
  issuer->process.stop();
}

}  // namespace
}  // namespace thidua::testing::reports_e2e
