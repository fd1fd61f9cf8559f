// Units' parts, the school's report and the reminder text: pure rules, no I/O.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "reports/domain/contribution.hpp"
#include "reports/domain/deadline.hpp"
#include "reports/domain/reminder_text.hpp"
#include "reports/domain/school_report.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;

TEST(Contribution, ParsesNarrativesFiguresAndTexts) {
  auto c = parse_contribution(json::parse(R"({
    "narratives": {"II.1": "Họp tổ về AI", "II.4": "Soạn bài giảng điện tử"},
    "figures": {"e_lessons": 12, "it_ai_stem_meetings": 3},
    "difficulties": "Thiếu máy chiếu", "proposals": "Bổ sung thiết bị"})"),
                              "to-toan-tin", 2027);
  EXPECT_EQ(c.narratives.at("II.4"), "Soạn bài giảng điện tử");
  EXPECT_EQ(c.figures.at("e_lessons"), 12);
  EXPECT_EQ(c.figures.at("staff_trained_digital_skills"), 0);  // every indicator present
  EXPECT_EQ(c.figures.size(), indicators().size());
  auto back = contribution_from_json(to_json(c));
  EXPECT_EQ(back.narratives, c.narratives);
  EXPECT_EQ(back.figures, c.figures);
  EXPECT_EQ(back.difficulties, "Thiếu máy chiếu");
}

TEST(Contribution, RejectsWhatTheReportCannotPrint) {
  for (const char* bad : {R"({"narratives": {"II.7": "x"}})", R"({"narratives": ["x"]})",
                          R"({"figures": {"e_lessons": -1}})", R"({"figures": {"e_lessons": 1.5}})",
                          R"({"figures": {"likes": 3}})", R"({"figures": {"e_lessons": "3"}})",
                          R"({"difficulties": 5})"}) {
    EXPECT_THROW(parse_contribution(json::parse(bad), "u", 2027), ApiError) << bad;
  }
  std::string long_text(kNarrativeMaxChars + 1, 'a');
  EXPECT_THROW(parse_contribution(json{{"narratives", {{"II.1", long_text}}}}, "u", 2027),
               ApiError);
}

TEST(Indicators, EachBelongsToAContentArea) {
  for (const auto& i : indicators()) {
    EXPECT_TRUE(i.area.size() == 4 && i.area.rfind("II.", 0) == 0) << i.code;
  }
}

SchoolReport sample_report() {
  SchoolReport r;
  r.year = 2027;
  r.school = {"Trường THCS Vĩnh Phong 1", "Vĩnh Phong", "UBND xã (qua Phòng Văn hóa – Xã hội)",
              "Kết quả thực hiện phong trào"};
  r.units = {{"to-toan-tin", "Tổ Toán – Tin", "subject_group"},
             {"to-ngu-van", "Tổ Ngữ văn", "subject_group"},
             {"to-van-phong", "Tổ Văn phòng", "office"}};
  auto a = parse_contribution(json::parse(R"({"narratives": {"II.4": "Dạy <b>STEM</b>"},
      "figures": {"e_lessons": 12}})"),
                              "to-toan-tin", 2027);
  a.submitted = true;
  auto b =
      parse_contribution(json::parse(R"({"figures": {"e_lessons": 5, "procedures_online": 40}})"),
                         "to-van-phong", 2027);
  b.submitted = true;
  b.late = true;
  r.submitted = {{a.unit_id, a}, {b.unit_id, b}};
  return r;
}

TEST(SchoolReport, AddsUpSubmittedPartsAndNamesTheMissing) {
  auto r = sample_report();
  EXPECT_EQ(r.totals().at("e_lessons"), 17);
  ASSERT_EQ(r.missing().size(), 1u);
  EXPECT_EQ(r.missing()[0]->id, "to-ngu-van");
  auto j = to_json(r);
  EXPECT_EQ(j["status"], "open");
  EXPECT_EQ(j["areas"].size(), 6u);
  EXPECT_EQ(j["areas"][3]["code"], "II.4");
  EXPECT_EQ(j["areas"][3]["narratives"][0]["unit_name"], "Tổ Toán – Tin");
  EXPECT_EQ(j["totals"]["procedures_online"], 40);
  EXPECT_EQ(j["missing"][0]["unit_name"], "Tổ Ngữ văn");
}

TEST(SchoolReport, PrintsTheAdministrativeLayoutInVietnamese) {
  auto r = sample_report();
  r.sent = SentMark{{2027, 10, 9}, "25/BC-THCSVP1", "admin", "2027-10-09T02:00:00Z", ""};
  auto html = render_html(r, {2027, 10, 29});
  for (const char* part :
       {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "TRƯỜNG THCS VĨNH PHONG 1", "Số: 25/BC-THCSVP1", "Vĩnh Phong, ngày 09 tháng 10 năm 2027",
        "BÁO CÁO", "Kính gửi: UBND xã (qua Phòng Văn hóa – Xã hội)", "Nơi nhận:", "Lưu: VT",
        "HIỆU TRƯỞNG", "Tổ Ngữ văn", "Dạy &lt;b&gt;STEM&lt;/b&gt;"}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(html.find("<b>STEM</b>"), std::string::npos);  // text is escaped
  r.sent.reset();
  auto draft = render_html(r, {2028, 2, 3});
  EXPECT_NE(draft.find("Vĩnh Phong, ngày 03 tháng 02 năm 2028"), std::string::npos);
}

TEST(ReminderText, NamesOnlyTheUnitsThatStillOwe) {
  ReminderContent c{"Báo cáo năm 2027",
                    "UBND xã (qua Phòng Văn hóa – Xã hội)",
                    {2027, 10, 30},
                    7,
                    {"Tổ Ngữ văn", "Tổ Văn phòng"},
                    false,
                    "Ban giám hiệu"};
  auto text = reminder_text(c);
  EXPECT_NE(text.find("30/10/2027"), std::string::npos);
  EXPECT_NE(text.find("còn 7 ngày"), std::string::npos);
  EXPECT_NE(text.find("Tổ Ngữ văn, Tổ Văn phòng"), std::string::npos);
  EXPECT_NE(text.find("Ban giám hiệu"), std::string::npos);
  EXPECT_EQ(text.find("QUÁ HẠN"), std::string::npos);
  c.days_before = 0;
  EXPECT_NE(reminder_text(c).find("hôm nay"), std::string::npos);
  c.days_before = -2;
  auto overdue = reminder_text(c);
  EXPECT_NE(overdue.find("QUÁ HẠN 2 ngày"), std::string::npos);
  EXPECT_NE(overdue.find("Kính gửi Ban giám hiệu"), std::string::npos);
  c.days_before = 3;
  c.owing.clear();
  EXPECT_NE(reminder_text(c).find("Tất cả các đơn vị đã nộp"), std::string::npos);
}

TEST(Deadline, ParsesAndRoundTrips) {
  auto d = parse_deadline(to_json(yearly_report_deadline()));
  EXPECT_EQ(d.id, "bao-cao-nam");
  EXPECT_EQ(d.month, 10);
  EXPECT_EQ(d.day, 30);
  auto once = parse_deadline(json::parse(
      R"({"id":"tu-danh-gia","name":"Tự đánh giá CĐS","recipient":"Sở GD&ĐT","rule":"once","date":"2026-05-31","owed_by":"school"})"));
  EXPECT_EQ(once.rule, RuleKind::Once);
  EXPECT_EQ(once.owed_by, Owner::School);
  EXPECT_EQ(to_json(once)["date"], "2026-05-31");
  auto status = [](const char* body) {
    try {
      parse_deadline(json::parse(body));
    } catch (const ApiError& e) {
      return e.status();
    }
    return 0;
  };
  // Malformed (what the OpenAPI schema refuses), whatever the rule: 400.
  for (const char* bad : {R"({"id":"X","name":"a","recipient":"b"})",
                          R"({"id":"a","name":"a","recipient":"b","rule":"weekly"})",
                          R"({"id":"a","name":"a","recipient":"b","rule":"once"})",
                          R"({"id":"a","name":"a","recipient":"b","owed_by":"nobody"})",
                          R"({"id":"a","name":"a","recipient":"b","date":"30/10/2026"})",
                          R"({"id":"a","name":"a","recipient":"b","rule":"once",)"
                          R"("date":"2026-05-31","month":13})"}) {
    EXPECT_EQ(status(bad), 400) << bad;
  }
  // Well formed, but the fields do not fit together: 422.
  for (const char* unfit : {R"({"id":"a","name":"a","recipient":"b","month":2,"day":30})",
                            R"({"id":"a","name":"a","recipient":"b","first_year":2030,)"
                            R"("last_year":2026})"}) {
    EXPECT_EQ(status(unfit), 422) << unfit;
  }
  EXPECT_EQ(status(R"({"id":"a","name":"a","recipient":"b","rule":null,"month":null})"), 0);
}

}  // namespace
}  // namespace thidua::reports
