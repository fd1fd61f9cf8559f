#pragma once
// The school's template, the report and the text reading the yearly report's tests share
// (reports_documents_test.cpp, reports_yearly_document_test.cpp).
#include <fstream>
#include <sstream>
#include <string>

#include "docs/document.hpp"
#include "reports/domain/indicators.hpp"
#include "reports/domain/school_report.hpp"
#include "reports/domain/yearly_document.hpp"
#include "support/process.hpp"

namespace thidua::reports::documents_test {

inline std::string school_template() {
  std::ifstream in(testing::source_dir() + "/config/documents/" + kYearlyReportTemplate);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline SchoolReport sample_report() {
  SchoolReport r;
  r.indicators = default_indicators();
  r.year = 2026;
  r.school.name = "Trường THCS Vĩnh Phong 1";
  r.school.place = "Vĩnh Phong";
  r.school.recipient = "UBND xã Vĩnh Phong (qua Phòng Văn hóa – Xã hội)";
  r.units = {{"to-toan-tin", "Tổ Toán – Tin", "subject_group"},
             {"to-ngu-van", "Tổ Ngữ văn", "subject_group"}};
  Contribution c;
  c.unit_id = "to-toan-tin";
  c.year = 2026;
  c.narratives = {{"II.4", "Soạn 12 bài giảng điện tử.\nDạy thử ở khối 6."}};
  c.figures = {{"e_lessons", 12}};
  c.difficulties = "Thiếu máy chiếu.";
  c.submitted = true;
  r.submitted.emplace(c.unit_id, c);
  return r;
}

inline std::string body_text(const docs::Document& d) {
  std::string all;
  for (const auto& b : d.body) {
    for (const auto& s : b.spans) all += s.text;
    for (const auto& row : b.rows) {
      for (const auto& c : row) all += c + "|";
    }
    all += "\n";
  }
  return all;
}

}  // namespace thidua::reports::documents_test
