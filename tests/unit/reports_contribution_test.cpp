// Units' parts, the school's report and the reminder text: pure rules, no I/O.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "core/errors.hpp"
#include "reports/api/contribution_json.hpp"
#include "reports/api/deadline_json.hpp"
#include "reports/api/school_report_json.hpp"
#include "reports/domain/contribution.hpp"
#include "reports/domain/deadline.hpp"
#include "reports/domain/reminder_text.hpp"
#include "reports/domain/school_report.hpp"
#include "reports/store/stored_forms.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;

TEST(Contribution, ParsesNarrativesFiguresAndTexts) {
  auto c = parse_contribution(json::parse(R"({
    "narratives": {"II.1": "Họp tổ về AI", "II.4": "Soạn bài giảng điện tử"},
    "figures": {"e_lessons": 12, "it_ai_stem_meetings": 3},
    "difficulties": "Thiếu máy chiếu", "proposals": "Bổ sung thiết bị"})"),
                              "to-toan-tin", 2027, default_indicators());
  EXPECT_EQ(c.narratives.at("II.4"), "Soạn bài giảng điện tử");
  EXPECT_EQ(c.figures.at("e_lessons"), 12);
  EXPECT_EQ(c.figures.at("staff_trained_digital_skills"), 0);  // every indicator present
  EXPECT_EQ(c.figures.size(), default_indicators().size());
  auto back = contribution_from_stored(stored_contribution(c));
  EXPECT_EQ(back.narratives, c.narratives);
  EXPECT_EQ(back.figures, c.figures);
  EXPECT_EQ(back.difficulties, "Thiếu máy chiếu");
}

TEST(Contribution, RejectsWhatTheReportCannotPrint) {
  for (const char* bad : {R"({"narratives": {"II.7": "x"}})", R"({"narratives": ["x"]})",
                          R"({"figures": {"e_lessons": -1}})", R"({"figures": {"e_lessons": 1.5}})",
                          R"({"figures": {"likes": 3}})", R"({"figures": {"e_lessons": "3"}})",
                          R"({"difficulties": 5})"}) {
    EXPECT_THROW(parse_contribution(json::parse(bad), "u", 2027, default_indicators()), ApiError)
        << bad;
  }
  std::string long_text(kNarrativeMaxChars + 1, 'a');
  EXPECT_THROW(parse_contribution(json{{"narratives", {{"II.1", long_text}}}}, "u", 2027,
                                  default_indicators()),
               ApiError);
}

TEST(Indicators, ThePlansListCoversEveryContentAreaAndPassesItsOwnCheck) {
  std::set<std::string> areas;
  for (const auto& i : default_indicators()) areas.insert(i.area);
  EXPECT_EQ(areas, (std::set<std::string>{"II.1", "II.2", "II.3", "II.4", "II.5", "II.6"}));
  EXPECT_NO_THROW(check_indicator_list(default_indicators()));
}

TEST(Indicators, ABoardsListIsCheckedAndNamesTheFault) {
  auto list = default_indicators();
  auto refused = [](std::vector<Indicator> l, const std::string& words) {
    try {
      check_indicator_list(l);
      ADD_FAILURE() << "accepted; expected: " << words;
    } catch (const ApiError& e) {
      EXPECT_EQ(e.status(), 400);
      EXPECT_NE(e.detail().find(words), std::string::npos) << e.detail();
    }
  };
  refused({}, "ít nhất một chỉ số");
  auto twice = list;
  twice.push_back(list[0]);
  refused(twice, "hai lần");
  auto bad_code = list;
  bad_code[0].code = "Bài giảng";
  refused(bad_code, "chữ thường không dấu");
  auto bad_area = list;
  bad_area[1].area = "II.7";
  refused(bad_area, "II.1 đến II.6");
  auto no_unit = list;
  no_unit[2].unit = " ";
  refused(no_unit, "đơn vị tính");
  auto no_label = list;
  no_label[2].label = "";
  refused(no_label, "cần có tên");
  std::vector<Indicator> many(kMaxIndicators + 1, list[0]);
  for (std::size_t n = 0; n < many.size(); ++n) many[n].code = "c" + std::to_string(n);
  refused(many, "tối đa 60");
}

TEST(Indicators, AFigureOnlyForTheYearsListAndNoneDroppedOnceCounted) {
  std::vector<Indicator> year{{"lessons", "Bài giảng", "II.4", "bài"},
                              {"rooms", "Phòng học thông minh", "II.2", "phòng"}};
  auto c = parse_contribution(json{{"figures", {{"rooms", 3}}}}, "u", 2028, year);
  EXPECT_EQ(c.figures, (std::map<std::string, long long>{{"lessons", 0}, {"rooms", 3}}));
  EXPECT_THROW(parse_contribution(json{{"figures", {{"e_lessons", 1}}}}, "u", 2028, year), ApiError)
      << "a code of the plan's list that this year's list does not have";
  // Dropping an indicator nobody counted is fine; one with figures is refused by name.
  std::vector<Indicator> fewer{year[1]};
  EXPECT_TRUE(dropped_with_figures(year, fewer, {{"lessons", 0}, {"rooms", 3}}).empty());
  EXPECT_EQ(dropped_with_figures(year, fewer, {{"lessons", 2}}),
            std::vector<std::string>{"lessons"});
  // Renaming keeps the code, so it drops nothing.
  auto renamed = year;
  renamed[0].label = "Bài giảng điện tử";
  EXPECT_TRUE(dropped_with_figures(year, renamed, {{"lessons", 2}}).empty());
}

SchoolReport sample_report() {
  SchoolReport r;
  r.indicators = default_indicators();
  r.year = 2027;
  r.school = {"Trường THCS Vĩnh Phong 1", "Vĩnh Phong", "UBND xã (qua Phòng Văn hóa – Xã hội)",
              "Kết quả thực hiện phong trào"};
  r.units = {{"to-toan-tin", "Tổ Toán – Tin", "subject_group"},
             {"to-ngu-van", "Tổ Ngữ văn", "subject_group"},
             {"to-van-phong", "Tổ Văn phòng", "office"}};
  auto a = parse_contribution(json::parse(R"({"narratives": {"II.4": "Dạy <b>STEM</b>"},
      "figures": {"e_lessons": 12}})"),
                              "to-toan-tin", 2027, default_indicators());
  a.submitted = true;
  auto b =
      parse_contribution(json::parse(R"({"figures": {"e_lessons": 5, "procedures_online": 40}})"),
                         "to-van-phong", 2027, default_indicators());
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
  EXPECT_EQ(j["sections"]["unwritten"].size(), 6u);  // nothing the board writes yet
  EXPECT_EQ(j["sections"]["situation"], "");
  EXPECT_TRUE(j["sections"]["updated_by"].is_null());
}

// A PATCH of the board's sections: only the keys it names, null leaves one, unknown keys and
// texts that are not texts are refused.
TEST(SchoolSections, PatchBodiesNameSectionsByTheirKeys) {
  auto p = parse_sections_patch(json::parse(R"({"strengths": "Tốt.\nRất tốt.", "next_year": null,
                                                "limitations": ""})"));
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p.at(SchoolSection::Strengths), "Tốt.\nRất tốt.");
  EXPECT_EQ(p.at(SchoolSection::Limitations), "");
  auto code_of = [](const char* body) {
    try {
      parse_sections_patch(json::parse(body));
    } catch (const ApiError& e) {
      return e.code();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(code_of(R"({"tinh_hinh": "x"})"), "unknown_section");
  EXPECT_EQ(code_of(R"({"situation": 3})"), "invalid_field");
  EXPECT_EQ(code_of(("{\"situation\": \"" + std::string(12001, 'a') + "\"}").c_str()),
            "field_too_long");
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
