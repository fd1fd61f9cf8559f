#include "nominations/domain/nomination.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "http/json_io.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

std::vector<std::string> string_list(const json& j, const std::string& field, std::size_t max_items,
                                     std::size_t max_chars) {
  std::vector<std::string> out;
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array() || it->size() > max_items) {
    throw bad_request("invalid_field", "Trường \"" + field + "\" phải là danh sách tối đa " +
                                           std::to_string(max_items) + " mục.");
  }
  for (const auto& v : *it) {
    if (!v.is_string() || v.get_ref<const std::string&>().size() > max_chars * 4) {
      throw bad_request("invalid_field", "Mỗi mục của \"" + field + "\" phải là chuỗi ký tự.");
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

Achievement parse_achievement(const json& j) {
  if (!j.is_object())
    throw bad_request("invalid_achievement", "Mỗi thành tích phải là một đối tượng.");
  Achievement a;
  a.text = http::required_string(j, "text", 2000);
  a.areas = string_list(j, "areas", 6, 8);
  for (const auto& area : a.areas) {
    if (!is_content_area(area)) {
      throw bad_request("unknown_content_area",
                        "Nội dung \"" + area + "\" không có trong kế hoạch: dùng II.1 đến II.6.");
    }
  }
  a.evidence = string_list(j, "evidence", 20, 500);
  for (const auto& link : a.evidence) {
    if (link.rfind("https://", 0) != 0 && link.rfind("http://", 0) != 0) {
      throw bad_request("invalid_evidence_link",
                        "Minh chứng phải là đường dẫn bắt đầu bằng http:// hoặc https://.");
    }
  }
  return a;
}
}  // namespace

NominationDraft parse_draft(const json& body) {
  NominationDraft d;
  d.period = catalogue_id_field(body, "period");
  d.award = catalogue_id_field(body, "award");
  auto kind = parse_subject_kind(http::required_string(body, "subject_kind", 20));
  if (!kind) {
    throw bad_request(
        "invalid_subject_kind",
        "\"subject_kind\" phải là \"individual\" (cá nhân) hoặc \"collective\" (tập thể).");
  }
  d.subject_kind = *kind;
  d.subject_id = catalogue_id_field(body, "subject_id");
  d.reason = http::optional_string(body, "reason", "", 4000);
  auto it = body.find("achievements");
  if (it != body.end() && !it->is_null()) {
    if (!it->is_array() || it->size() > 50) {
      throw bad_request("invalid_field",
                        "\"achievements\" phải là danh sách tối đa 50 thành tích.");
    }
    for (const auto& a : *it) d.achievements.push_back(parse_achievement(a));
  }
  return d;
}

bool writes_nominations(Role role) {
  return role == Role::Admin || role == Role::Leader;
}

Subject check_draft(const NominationDraft& d, const Catalogue& c, Role role,
                    const std::string& actor_unit) {
  if (!c.period(d.period)) {
    throw unprocessable("unknown_period", "Không có kỳ khen thưởng \"" + d.period + "\".");
  }
  if (!c.award(d.award)) {
    throw unprocessable("unknown_award", "Không có hình thức khen thưởng mã \"" + d.award + "\".");
  }
  Subject s;
  if (d.subject_kind == SubjectKind::Individual) {
    const StaffMember* m = c.staff_member(d.subject_id);
    if (!m) throw unprocessable("unknown_staff", "Không có cán bộ mã \"" + d.subject_id + "\".");
    if (m->on_hold) {
      throw unprocessable("subject_on_hold",
                          m->name + " đang tạm dừng xét khen thưởng (" + m->hold_reason +
                              "); chỉ đề nghị được khi việc này đã giải quyết xong.");
    }
    s.name = m->name;
    s.unit_id = m->unit_id;
  } else {
    const Unit* u = c.unit(d.subject_id);
    if (!u) throw unprocessable("unknown_unit", "Không có đơn vị mã \"" + d.subject_id + "\".");
    s.name = u->name;
    s.unit_id = u->id;
  }
  if (const Unit* u = c.unit(s.unit_id)) s.unit_name = u->name;
  if (role == Role::Leader && s.unit_id != actor_unit) {
    throw ApiError(403, "not_own_unit",
                   "Tổ trưởng chỉ đề nghị khen thưởng cho tổ của mình và thành viên trong tổ.");
  }
  return s;
}

json to_json(const NominationDraft& d) {
  json achievements = json::array();
  for (const auto& a : d.achievements) {
    achievements.push_back({{"text", a.text}, {"areas", a.areas}, {"evidence", a.evidence}});
  }
  return {{"period", d.period},
          {"award", d.award},
          {"subject_kind", subject_kind_name(d.subject_kind)},
          {"subject_id", d.subject_id},
          {"reason", d.reason},
          {"achievements", achievements}};
}

NominationDraft draft_from_json(const json& j) {
  NominationDraft d;
  d.period = j.value("period", "");
  d.award = j.value("award", "");
  d.subject_kind =
      parse_subject_kind(j.value("subject_kind", "individual")).value_or(SubjectKind::Individual);
  d.subject_id = j.value("subject_id", "");
  d.reason = j.value("reason", "");
  for (const auto& a : j.value("achievements", json::array())) {
    d.achievements.push_back({a.value("text", ""), a.value("areas", std::vector<std::string>{}),
                              a.value("evidence", std::vector<std::string>{})});
  }
  return d;
}

std::string live_key(const NominationDraft& d) {
  return d.period + ":" + d.award + ":" + std::string(subject_kind_name(d.subject_kind)) + ":" +
         d.subject_id;
}

}  // namespace thidua::nominations
