// The preview of each document of an award round (issue 11: "an HTML preview for the
// dashboard that shows the same content") through the API of the real binary on a real
// Redis, the clock pinned by libfaketime to 25 November 2026: POST /documents/{kind}/preview
// answers the page the issued document is built from, with its number left blank; it takes
// no number and stores nothing; only the board may ask; bad input is a Vietnamese problem.
// Issuing afterwards (LibreOffice makes the PDF) produces the same text with its number.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/nominations_service.hpp"
#include "support/zip_part.hpp"

namespace thidua {
namespace {
using nlohmann::json;
using testing::HttpReply;

// LibreOffice's first conversion on a machine busy with builds can take tens of seconds.
constexpr int kIssueTimeoutMs = 120000;

std::string collapse(const std::string& s) {
  return std::regex_replace(s, std::regex("\\s+"), " ");
}
std::string unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {{"&lt;", "<"},    {"&gt;", ">"},
                                                          {"&quot;", "\""}, {"&#39;", "'"},
                                                          {"&apos;", "'"},  {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
      s.replace(at, std::string(from).size(), to);
    }
  }
  return s;
}
// The text a reader sees in a preview page's body: blocks apart, inline marks removed.
std::string page_text(const std::string& html) {
  auto start = html.find("<body>");
  std::string body = html.substr(start == std::string::npos ? 0 : start);
  body = std::regex_replace(body, std::regex("</?(b|i)>"), "");
  body = std::regex_replace(body, std::regex("<[^>]*>"), " ");
  return collapse(unescape(body));
}
// The paragraphs of an issued DOCX (word/document.xml), each as one line of text.
std::vector<std::string> docx_paragraphs(const std::string& docx) {
  std::string xml = testing::zip_part(docx, "word/document.xml");
  std::vector<std::string> out;
  std::regex paragraph("<w:p[ >][\\s\\S]*?</w:p>"), run("<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:br/>");
  for (std::sregex_iterator p(xml.begin(), xml.end(), paragraph), end; p != end; ++p) {
    std::string text;
    const std::string part = p->str();
    for (std::sregex_iterator r(part.begin(), part.end(), run); r != end; ++r) {
      text += (*r)[1].matched ? (*r)[1].str() : " ";
    }
    text = collapse(unescape(text));
    if (text.find_first_not_of(' ') != std::string::npos) out.push_back(text);
  }
  return out;
}

class Previews : public testing::NominationsServiceTest {
 protected:
  void SetUp() override {
    auto env = testing::faked_clock_env("2026-11-25 10:00:00");
    env["THIDUA_SIGNER_NAME"] = "Trần Thị Bình";
    env["THIDUA_DOCUMENT_TEMPLATES"] = testing::source_dir() + "/config/documents";
    env["THIDUA_PDF_WORK_DIR"] = testing::make_temp_dir("thidua-previews-pdf");
    start_nominations(env);
    if (HasFatalFailure()) return;
    add_staff("gv-an", "to-toan-tin");
    add_staff("gv-ba", "to-ngu-van", "leader");
    for (const char* id : {"hd-a", "hd-b", "hd-c"}) add_staff(id, "to-ngu-van", "council");
    auto m = api("POST", "/council/meetings", meeting_body("Phòng họp Hội đồng sư phạm").dump());
    ASSERT_EQ(m.status, 201) << m.body;
    meeting_ = json::parse(m.body).value("id", "");
    nomination_ = approved("gv-an", "Kho học liệu số <môn Toán> & bài giảng điện tử");
  }

  // A nomination of `subject` for `award`, voted at the meeting and approved.
  std::string approved(const std::string& subject, const std::string& reason,
                       const std::string& award = "gk_xa") {
    auto r = api("POST", "/nominations",
                 json{{"period", "2026"},
                      {"award", award},
                      {"subject_kind", "individual"},
                      {"subject_id", subject},
                      {"reason", reason}}
                     .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    std::string id = json::parse(r.body).value("id", "");
    const std::string n = "/nominations/" + id;
    EXPECT_EQ(api("POST", n + "/transitions", R"({"action":"submit"})").status, 200);
    EXPECT_EQ(api("POST", n + "/transitions", R"({"action":"review"})").status, 200);
    auto v = api("PUT", n + "/vote", json{{"meeting_id", meeting_}, {"yes", 2}, {"no", 0}}.dump());
    EXPECT_EQ(v.status, 200) << v.body;
    EXPECT_EQ(api("POST", n + "/transitions", R"({"action":"approve"})").status, 200);
    return id;
  }

  HttpReply preview(const std::string& kind, const json& body, const std::string& token = kAdmin) {
    return api("POST", "/documents/" + kind + "/preview", body.dump(), token);
  }
  std::string page(const std::string& kind, const json& body) {
    auto r = preview(kind, body);
    EXPECT_EQ(r.status, 200) << kind << ": " << r.body;
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
    return r.body;
  }
  void refused(const HttpReply& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json") << r.body;
    auto problem = json::parse(r.body, nullptr, false);
    EXPECT_EQ(problem.value("code", ""), code) << r.body;
    EXPECT_FALSE(problem.value("detail", "").empty()) << r.body;
  }
  // Issues `kind` and returns its DOCX's paragraphs and its number ("01/TTr-THCSVP1").
  std::pair<std::vector<std::string>, std::string> issue(const std::string& kind,
                                                         const json& body) {
    std::map<std::string, std::string> headers = {{"Authorization", "Bearer " + kAdmin}};
    const std::string base = "http://127.0.0.1:" + std::to_string(port_) + "/api/nominations/v1";
    auto r = testing::http_call("POST", base + "/documents/" + kind, body.dump(), headers,
                                kIssueTimeoutMs);
    EXPECT_EQ(r.status, 201) << r.body;
    auto issued = json::parse(r.body, nullptr, false);
    auto docx = testing::http_call("GET", base + "/documents/" + issued.value("id", "") + ".docx",
                                   "", headers);
    EXPECT_EQ(docx.status, 200);
    return {docx_paragraphs(docx.body), issued.value("number_text", "")};
  }
  // Every paragraph of the issued DOCX, in its order, is in the preview's text, the number
  // written blank: the same document, laid out by the same builder.
  static void same_document(const std::string& html, const std::vector<std::string>& paragraphs,
                            const std::string& number, const std::string& blank) {
    ASSERT_GE(paragraphs.size(), 10u) << "the DOCX was not read";
    const std::string text = page_text(html);
    std::size_t at = 0;
    for (std::string p : paragraphs) {
      if (auto n = p.find(number); n != std::string::npos) p.replace(n, number.size(), blank);
      p = collapse(p);
      auto found = text.find(p, at);
      ASSERT_NE(found, std::string::npos) << "not in the preview (in order): «" << p << "»\n"
                                          << text;
      at = found + p.size();
    }
  }

  std::string meeting_, nomination_;
};

TEST_F(Previews, EachDocumentIsPreviewedAsIssuingThenMakesItNumberBlankNothingStored) {
  const json round = {{"period", "2026"}, {"award", "gk_xa"}};
  const json minutes = {{"meeting_id", meeting_}};
  const json report = {{"nomination_id", nomination_}};
  const std::string to_trinh = page("to-trinh", round);
  const std::string bien_ban = page("bien-ban", minutes);
  const std::string bao_cao = page("bao-cao-thanh-tich", report);
  // The number left blank, the date of today, the nominee; a name made of markup is text.
  EXPECT_NE(to_trinh.find("Số:      /TTr-THCSVP1"), std::string::npos) << to_trinh;
  EXPECT_NE(to_trinh.find("ngày 25 tháng 11 năm 2026"), std::string::npos) << to_trinh;
  EXPECT_NE(to_trinh.find("Cán bộ gv-an"), std::string::npos) << to_trinh;
  EXPECT_EQ(to_trinh.find("<môn Toán>"), std::string::npos) << "markup reached the page";
  EXPECT_NE(bien_ban.find("Số:      /BB-THCSVP1"), std::string::npos) << bien_ban;
  EXPECT_NE(bien_ban.find("Phòng họp Hội đồng sư phạm"), std::string::npos) << bien_ban;
  EXPECT_NE(bao_cao.find("Số:      /BC-THCSVP1"), std::string::npos) << bao_cao;
  EXPECT_NE(bao_cao.find("&lt;môn Toán&gt; &amp; bài giảng"), std::string::npos) << bao_cao;

  // The register says who signs when an issue names no one (the settings' signer).
  auto listed = json::parse(api("GET", "/documents", "").body);
  EXPECT_EQ(listed["default_signer"]["name"], "Trần Thị Bình") << listed.dump();

  // Nothing stored: no number taken, no register entry, no key written.
  const auto keys_before = redis_.cmd({"KEYS", "*docs*"});
  EXPECT_TRUE(keys_before.empty() || keys_before == std::vector<std::string>{"(nil)"})
      << keys_before.size();
  auto reg = api("GET", "/documents?year=2026", "");
  EXPECT_EQ(json::parse(reg.body)["documents"].size(), 0u) << reg.body;

  // Issued now: the same text, with the first numbers of each series.
  auto [ttr, ttr_number] = issue("to-trinh", round);
  EXPECT_EQ(ttr_number, "01/TTr-THCSVP1");
  same_document(to_trinh, ttr, ttr_number, "/TTr-THCSVP1");
  auto [bb, bb_number] = issue("bien-ban", minutes);
  EXPECT_EQ(bb_number, "01/BB-THCSVP1");
  same_document(bien_ban, bb, bb_number, "/BB-THCSVP1");
  auto [bc, bc_number] = issue("bao-cao-thanh-tich", report);
  EXPECT_EQ(bc_number, "01/BC-THCSVP1");
  same_document(bao_cao, bc, bc_number, "/BC-THCSVP1");
  // Once issued, a preview needs no reason and is still the same page, but for the council's
  // minutes: cited by their meeting's day before, by the biên bản's number and date since.
  const std::string again = page("to-trinh", round);
  EXPECT_NE(to_trinh.find("Căn cứ Biên bản họp Hội đồng Thi đua – Khen thưởng ngày "),
            std::string::npos)
      << to_trinh;
  EXPECT_NE(again.find("Căn cứ Biên bản số 01/BB-THCSVP1 ngày 25 tháng 11 năm 2026 họp Hội đồng "
                       "Thi đua – Khen thưởng của nhà trường,"),
            std::string::npos)
      << again;
  auto without_basis = [](std::string html) {
    auto at = html.find("Căn cứ Biên bản");
    if (at == std::string::npos) return html;
    auto start = html.rfind("<p", at);
    return html.erase(start, html.find("</p>", at) + 4 - start);
  };
  EXPECT_EQ(without_basis(again), without_basis(to_trinh));
}

TEST_F(Previews, TheDecisionIsPreviewedForTheSchoolsOwnAward) {
  auto open = api("PUT", "/catalogue/award-forms/gk_ht",
                  json{{"code", "gk_ht"},
                       {"label", "Giấy khen của Hiệu trưởng"},
                       {"level", "school"},
                       {"authority", "Hiệu trưởng Trường THCS Vĩnh Phong 1"},
                       {"quotas", {{"annual", {{"collective", -1}, {"individual", -1}}}}}}
                      .dump());
  ASSERT_EQ(open.status, 200) << open.body;
  refused(preview("quyet-dinh", {{"period", "2026"}}), 422, "no_nominees");
  approved("gv-ba", "Số hóa hồ sơ tổ.", "gk_ht");
  const json own = {
      {"period", "2026"},
      {"signer", {{"authority", ""}, {"title", "HIỆU TRƯỞNG"}, {"name", "Phạm Văn Cường"}}}};
  const std::string qd = page("quyet-dinh", own);
  EXPECT_NE(qd.find("Số:      /QĐ-THCSVP1"), std::string::npos) << qd;
  EXPECT_NE(qd.find("Cán bộ gv-ba"), std::string::npos) << qd;
  EXPECT_NE(qd.find("<b>Phạm Văn Cường</b>"), std::string::npos) << "the request's signer: " << qd;
  EXPECT_EQ(qd.find("Trần Thị Bình"), std::string::npos) << qd;
}

TEST_F(Previews, OnlyTheBoardPreviewsAndBadInputIsRefusedInVietnamese) {
  const json round = {{"period", "2026"}, {"award", "gk_xa"}};
  // Who may issue may preview: the council reads the register but does not issue.
  EXPECT_EQ(preview("to-trinh", round, "").status, 401);
  for (const char* who : {"hd-a", "gv-ba", "gv-an"}) {
    refused(preview("to-trinh", round, token_for(who)), 403, "forbidden");
    refused(preview("bien-ban", {{"meeting_id", meeting_}}, token_for(who)), 403, "forbidden");
  }
  refused(preview("to-trinh", {{"period", "1999"}, {"award", "gk_xa"}}), 404, "unknown_period");
  refused(preview("to-trinh", {{"period", "2026"}, {"award", "khong-co"}}), 404, "unknown_award");
  // Nobody approved for the province's Bằng khen: as issuing says, nothing to list.
  refused(preview("to-trinh", {{"period", "2026"}, {"award", "bk_tinh"}}), 422, "no_nominees");
  refused(preview("quyet-dinh", round), 422, "not_school_award");
  refused(preview("bien-ban", {{"meeting_id", "999"}}), 422, "unknown_meeting");
  refused(preview("bien-ban", json::object()), 400, "missing_field");
  refused(preview("bao-cao-thanh-tich", {{"nomination_id", "999"}}), 404, "nomination_not_found");
  refused(api("POST", "/documents/to-trinh/preview", "{not json"), 400, "malformed_json");
  // A draft has no báo cáo thành tích yet.
  auto draft = api("POST", "/nominations",
                   json{{"period", "2026"},
                        {"award", "gk_xa"},
                        {"subject_kind", "individual"},
                        {"subject_id", "gv-ba"},
                        {"reason", "Chưa gửi."}}
                       .dump());
  ASSERT_EQ(draft.status, 201) << draft.body;
  refused(preview("bao-cao-thanh-tich", {{"nomination_id", json::parse(draft.body)["id"]}}), 409,
          "nomination_draft");
  // Nobody to sign: refused before anything is read.
  refused(preview("to-trinh", {{"period", "2026"}, {"award", "gk_xa"}, {"signer", {{"name", ""}}}}),
          422, "signer_missing");
  auto reg = api("GET", "/documents", "");
  EXPECT_EQ(json::parse(reg.body)["documents"].size(), 0u) << reg.body;
}

}  // namespace
}  // namespace thidua
