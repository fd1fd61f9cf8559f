#include "reports/domain/school_sections.hpp"

#include <vector>

namespace thidua::reports {

const std::array<SectionInfo, 6>& school_sections() {
  // The labels follow the usual outline of a school's yearly report on an emulation
  // movement: situation, direction, results (the units' parts), assessment, next year,
  // proposals.
  static const std::array<SectionInfo, 6> kSections{{
      {SchoolSection::Situation, "situation", "tinh_hinh", "Căn cứ và đặc điểm tình hình"},
      {SchoolSection::Direction, "direction", "chi_dao",
       "Công tác chỉ đạo, tuyên truyền, phát động"},
      {SchoolSection::Strengths, "strengths", "uu_diem", "Ưu điểm"},
      {SchoolSection::Limitations, "limitations", "han_che", "Hạn chế"},
      {SchoolSection::NextYear, "next_year", "phuong_huong", "Phương hướng năm tới"},
      {SchoolSection::Proposals, "proposals", "kien_nghi", "Đề xuất, kiến nghị của nhà trường"},
  }};
  return kSections;
}

std::optional<SchoolSection> section_of_key(std::string_view key) {
  for (const auto& s : school_sections()) {
    if (s.key == key) return s.section;
  }
  return std::nullopt;
}

const std::string& SchoolSections::of(SchoolSection s) const {
  static const std::string kNone;
  auto it = text.find(s);
  return it == text.end() ? kNone : it->second;
}

SectionsPatch normalise(SectionsPatch patch) {
  for (auto& [section, value] : patch) {
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) value.clear();
  }
  return patch;
}

std::vector<SectionInfo> unwritten(const SchoolSections& s) {
  std::vector<SectionInfo> out;
  for (const auto& info : school_sections()) {
    if (s.of(info.section).empty()) out.push_back(info);
  }
  return out;
}

}  // namespace thidua::reports
