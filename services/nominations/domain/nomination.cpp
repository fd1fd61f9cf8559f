#include "nominations/domain/nomination.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "http/json_io.hpp"

namespace thidua::nominations {

const std::vector<AwardForm>& default_award_forms() {
  static const std::vector<AwardForm> forms{
      {"bk_bo", "Bằng khen của Bộ trưởng Bộ GD&ĐT", 3},
      {"bk_tinh", "Bằng khen của Chủ tịch UBND tỉnh", 2},
      {"gk_xa", "Giấy khen của Chủ tịch UBND xã", 1},
      {"gk_ht", "Giấy khen của Hiệu trưởng", 1},
  };
  return forms;
}

const AwardForm* find_award(const std::string& code) {
  for (const auto& f : default_award_forms()) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

std::string_view subject_kind_name(SubjectKind kind) {
  return kind == SubjectKind::Individual ? "individual" : "collective";
}

namespace {
bool valid_period(const std::string& p) {
  // Annual periods 2025–2030, the interim review 2027 and the final review 2030.
  if (p == "so-ket-2027" || p == "tong-ket-2030") return true;
  return p.size() == 4 && p >= "2025" && p <= "2030" &&
         std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

NewNomination parse_new_nomination(const nlohmann::json& body) {
  NewNomination n;
  n.period = http::required_string(body, "period", 20);
  if (!valid_period(n.period)) {
    throw bad_request("invalid_period",
                      "Kỳ khen thưởng \"" + n.period +
                          "\" không hợp lệ: dùng năm 2025–2030, \"so-ket-2027\" hoặc "
                          "\"tong-ket-2030\".");
  }
  n.award = http::required_string(body, "award", 40);
  if (!find_award(n.award)) {
    throw bad_request("unknown_award", "Không có hình thức khen thưởng mã \"" + n.award + "\".");
  }
  auto kind = http::required_string(body, "subject_kind", 20);
  if (kind == "individual") {
    n.subject_kind = SubjectKind::Individual;
  } else if (kind == "collective") {
    n.subject_kind = SubjectKind::Collective;
  } else {
    throw bad_request("invalid_subject_kind",
                      "\"subject_kind\" phải là \"individual\" (cá nhân) hoặc \"collective\" "
                      "(tập thể).");
  }
  n.subject_name = http::required_string(body, "subject_name", 200);
  n.unit = http::optional_string(body, "unit", "", 200);
  n.reason = http::optional_string(body, "reason", "", 4000);
  return n;
}

nlohmann::json to_json(const Nomination& n) {
  const AwardForm* award = find_award(n.data.award);
  return {{"id", n.id},
          {"period", n.data.period},
          {"award", n.data.award},
          {"award_label", award ? award->label : n.data.award},
          {"subject_kind", subject_kind_name(n.data.subject_kind)},
          {"subject_name", n.data.subject_name},
          {"unit", n.data.unit},
          {"reason", n.data.reason},
          {"status", n.status},
          {"created_by", n.created_by},
          {"created_at", n.created_at}};
}

Nomination nomination_from_json(const nlohmann::json& j) {
  Nomination n;
  n.id = j.at("id").get<std::string>();
  n.data.period = j.at("period").get<std::string>();
  n.data.award = j.at("award").get<std::string>();
  n.data.subject_kind = j.at("subject_kind").get<std::string>() == "collective"
                            ? SubjectKind::Collective
                            : SubjectKind::Individual;
  n.data.subject_name = j.at("subject_name").get<std::string>();
  n.data.unit = j.value("unit", "");
  n.data.reason = j.value("reason", "");
  n.status = j.at("status").get<std::string>();
  n.created_by = j.value("created_by", "");
  n.created_at = j.value("created_at", "");
  return n;
}

}  // namespace thidua::nominations
