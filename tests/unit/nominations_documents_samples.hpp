#pragma once
// The catalogue, nominations, the school's templates and the text reading the nominations
// documents' tests share (nominations_documents_test.cpp,
// nominations_meeting_documents_test.cpp).
#include <fstream>
#include <sstream>
#include <string>

#include "docs/document.hpp"
#include "nominations/domain/catalogue.hpp"
#include "nominations/domain/record.hpp"
#include "support/process.hpp"

namespace thidua::nominations::documents_test {

inline std::string school_template(const std::string& file) {
  std::ifstream in(testing::source_dir() + "/config/documents/" + file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline Catalogue sample_catalogue() {
  Catalogue c;
  c.units = {{"to-toan-tin", "Tổ Toán – Tin", "subject_group"},
             {"to-van-phong", "Tổ Văn phòng", "office"}};
  StaffMember an;
  an.id = "gv-an";
  an.name = "Nguyễn Văn An";
  an.position = "giáo viên";
  an.unit_id = "to-toan-tin";
  StaffMember hoa = an;
  hoa.id = "nv-hoa";
  hoa.name = "Lê Thị Hoa";
  hoa.position = "nhân viên văn thư";
  hoa.unit_id = "to-van-phong";
  c.staff = {an, hoa};
  c.periods = {{"2026", PeriodKind::Annual, 2026, 1, "Năm 2026"}};
  AwardForm xa;
  xa.code = "gk_xa";
  xa.label = "Giấy khen của Chủ tịch UBND xã";
  xa.level = "commune";
  xa.authority = "Chủ tịch Ủy ban nhân dân xã Vĩnh Phong";
  AwardForm ht = xa;
  ht.code = "gk_ht";
  ht.label = "Giấy khen của Hiệu trưởng";
  ht.level = "school";
  c.award_forms = {xa, ht};
  return c;
}

inline NominationRecord nomination(const std::string& id, SubjectKind kind,
                                   const std::string& subject, Status status,
                                   const std::string& award = "gk_xa") {
  NominationRecord r;
  r.id = id;
  r.draft.period = "2026";
  r.draft.award = award;
  r.draft.subject_kind = kind;
  r.draft.subject_id = subject;
  r.draft.reason = "Thành tích của " + subject;
  r.status = status;
  return r;
}

// The body's text, then what is sent with it (the appendix), blocks in order.
inline std::string body_text(const docs::Document& d) {
  std::string all;
  std::vector<docs::Block> blocks = d.body;
  blocks.insert(blocks.end(), d.appendix.begin(), d.appendix.end());
  for (const auto& b : blocks) {
    for (const auto& s : b.spans) all += s.text + "\n";
    for (const auto& row : b.rows) {
      for (const auto& cell : row) all += cell + "|";
      all += "\n";
    }
  }
  return all;
}

}  // namespace thidua::nominations::documents_test
