#include "reports/domain/indicators.hpp"

#include <algorithm>
#include <set>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
constexpr std::size_t kCodeMax = 40, kLabelMax = 200, kUnitMax = 40;

bool well_formed_code(const std::string& code) {
  return !code.empty() && code.size() <= kCodeMax &&
         std::all_of(code.begin(), code.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

bool within(const std::string& s, std::size_t max_chars) {
  return !text::blank(s) && text::length(s) <= max_chars;
}
}  // namespace

const std::vector<Indicator>& default_indicators() {
  static const std::vector<Indicator> kPlan{
      {"it_ai_stem_meetings", "Buổi sinh hoạt chuyên môn về CNTT, AI, STEM", "II.1", "buổi"},
      {"digital_classrooms", "Phòng học, phòng chức năng được nâng cấp thiết bị số", "II.2",
       "phòng"},
      {"procedures_online", "Thủ tục, hồ sơ giải quyết trực tuyến", "II.3", "hồ sơ"},
      {"digital_materials_shared", "Học liệu số chia sẻ lên kho học liệu", "II.3", "học liệu"},
      {"e_lessons", "Bài giảng điện tử đã soạn", "II.4", "bài"},
      {"elearning_lessons", "Bài học E-learning", "II.4", "bài"},
      {"research_projects_guided", "Đề tài nghiên cứu khoa học của học sinh được hướng dẫn", "II.5",
       "đề tài"},
      {"staff_trained_digital_skills",
       "Cán bộ, giáo viên hoàn thành bồi dưỡng kỹ năng số (\"Bình dân học vụ số\")", "II.6",
       "người"},
  };
  return kPlan;
}

void check_indicator_list(const std::vector<Indicator>& list) {
  if (list.empty()) throw bad_request("invalid_indicators", say("problem.indicators_empty"));
  if (list.size() > kMaxIndicators) {
    throw bad_request("invalid_indicators", say("problem.indicators_too_many",
                                                {{"max", std::to_string(kMaxIndicators)}}));
  }
  std::set<std::string> seen;
  for (const auto& i : list) {
    const std::string shown = text::excerpt(i.code, kCodeMax);
    if (!well_formed_code(i.code)) {
      throw bad_request("invalid_indicators", say("problem.indicator_code", {{"code", shown}}));
    }
    if (!seen.insert(i.code).second) {
      throw bad_request("invalid_indicators", say("problem.indicator_twice", {{"code", shown}}));
    }
    if (!is_content_area(i.area)) {
      throw bad_request("invalid_indicators", say("problem.indicator_area", {{"code", shown}}));
    }
    if (!within(i.label, kLabelMax)) {
      throw bad_request("invalid_indicators", say("problem.indicator_label", {{"code", shown}}));
    }
    if (!within(i.unit, kUnitMax)) {
      throw bad_request("invalid_indicators", say("problem.indicator_unit", {{"code", shown}}));
    }
  }
}

void check_figures_known(const std::map<std::string, long long>& figures,
                         const std::vector<Indicator>& list) {
  for (const auto& figure : figures) {
    const std::string& code = figure.first;  // a structured binding cannot be captured (clang)
    bool known =
        std::any_of(list.begin(), list.end(), [&](const auto& i) { return i.code == code; });
    if (!known) {
      throw bad_request("unknown_indicator",
                        say("problem.unknown_indicator", {{"indicator", text::excerpt(code, 32)}}));
    }
  }
}

std::vector<std::string> dropped_with_figures(const std::vector<Indicator>& before,
                                              const std::vector<Indicator>& after,
                                              const std::map<std::string, long long>& counted) {
  std::vector<std::string> out;
  for (const auto& i : before) {
    bool kept =
        std::any_of(after.begin(), after.end(), [&](const auto& a) { return a.code == i.code; });
    auto n = counted.find(i.code);
    if (!kept && n != counted.end() && n->second > 0) out.push_back(i.code);
  }
  return out;
}

std::map<std::string, long long> zero_figures(const std::vector<Indicator>& list) {
  std::map<std::string, long long> out;
  for (const auto& i : list) out[i.code] = 0;
  return out;
}

}  // namespace thidua::reports
