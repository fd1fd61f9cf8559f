#include "nominations/domain/achievement_report.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/movement.hpp"
#include "core/text.hpp"
#include "docs/format.hpp"

namespace thidua::nominations {
namespace {
// Room to write a missing detail by hand on the printed report.
constexpr std::string_view kHandwrittenBlank = "………………";
std::string area_labels(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) {
    for (const auto& a : content_areas()) {
      if (a.code != code) continue;
      out += (out.empty() ? "" : "; ") + a.code + " " + a.label;
    }
  }
  return out;
}

// The leader of unit `unit_id` (role leader), if the catalogue names one.
const StaffMember* leader_of(const Catalogue& c, const std::string& unit_id) {
  for (const auto& s : c.staff) {
    if (s.unit_id == unit_id && s.role == "leader") return &s;
  }
  return nullptr;
}

std::string unit_kind_label(const std::string& kind) {
  if (kind == "school") return "Tập thể trường";
  if (kind == "office") return "Tổ văn phòng";
  return "Tổ chuyên môn";
}

docs::Schema common_schema() {
  docs::Schema achievement;
  achievement.values = {"stt", "noi_dung", "linh_vuc", "minh_chung"};
  docs::Schema award;
  award.values = {"stt", "nam", "hinh_thuc", "so_quyet_dinh", "ngay", "co_quan"};
  docs::Schema target;
  target.values = {"stt", "linh_vuc", "chi_tieu", "ket_qua"};
  docs::Schema initiative;
  initiative.values = {"stt", "ten", "tac_gia", "cap", "quyet_dinh"};
  docs::Schema s;
  s.values = {"hinh_thuc", "ky", "nam", "ten_truong", "dia_danh", "ly_do", "dang_ky_danh_hieu"};
  s.lists = {{"thanh_tich", achievement},
             {"khen_thuong", award},
             {"dang_ky", target},
             {"sang_kien", initiative}};
  return s;
}

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
  return out;
}

// Section II's registration and initiatives (issue 14).
void registration_and_initiatives(const AchievementInput& in, docs::Values& v) {
  const auto& reg = in.registration;
  bool registered = reg && reg->status != RegistrationStatus::Draft;
  v.text["dang_ky_danh_hieu"] = registered ? joined(reg->titles, ", ") : "chưa đăng ký";
  auto& rows = v.lists["dang_ky"];
  if (registered) {
    int n = 0;
    for (const auto& row : registered_against_achieved(*reg, in.nomination.draft)) {
      docs::Values item;
      item.text = {{"stt", std::to_string(++n)},
                   {"linh_vuc", area_labels({row.area})},
                   {"chi_tieu", row.target},
                   {"ket_qua", row.achieved.empty() ? "Chưa ghi thành tích thuộc nội dung này."
                                                    : row.achieved}};
      rows.push_back(std::move(item));
    }
  }
  auto& initiatives = v.lists["sang_kien"];
  int k = 0;
  for (const auto& i : in.initiatives) {
    docs::Values item;
    std::string decision;
    if (i.decision) {
      decision = "Số " + i.decision->number + " ngày " + vn_date(i.decision->date) + " của " +
                 i.decision->issuer;
    }
    item.text = {{"stt", std::to_string(++k)},
                 {"ten", i.title},
                 {"tac_gia", joined(i.author_names, ", ")},
                 {"cap", text::upper_first(initiative_level_label(i.level))},
                 {"quyet_dinh", decision}};
    initiatives.push_back(std::move(item));
  }
}
}  // namespace

std::vector<PastAward> past_awards(const std::vector<NominationRecord>& all,
                                   const Catalogue& catalogue, SubjectKind kind,
                                   const std::string& subject, const std::string& except) {
  std::vector<PastAward> out;
  for (const auto& r : all) {
    if (r.id == except || r.status != Status::Awarded) continue;
    if (r.draft.subject_kind != kind || r.draft.subject_id != subject) continue;
    if (!r.outcome.decision) continue;
    const Decision& decision = *r.outcome.decision;
    PastAward a;
    const Period* p = catalogue.period(r.draft.period);
    const AwardForm* form = catalogue.award(r.draft.award);
    a.year = p ? p->year : 0;
    a.award = form ? form->label : r.award_label;
    a.issuer = form ? form->authority : "";
    a.decision_number = decision.number;
    a.decision_date = vn_date_of(decision.date);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<RegisteredRow> registered_against_achieved(const Registration& reg,
                                                       const NominationDraft& draft) {
  std::vector<RegisteredRow> out;
  for (const auto& t : reg.targets) {
    std::vector<std::string> done;
    for (const auto& a : draft.achievements) {
      if (std::find(a.areas.begin(), a.areas.end(), t.content_area) != a.areas.end()) {
        done.push_back(a.text);
      }
    }
    out.push_back({t.content_area, t.text, joined(done, "; ")});
  }
  return out;
}

std::vector<Initiative> recognised_initiatives(const std::vector<Initiative>& all,
                                               const Catalogue& c, SubjectKind kind,
                                               const std::string& subject, int year) {
  const Unit* unit = kind == SubjectKind::Collective ? c.unit(subject) : nullptr;
  bool whole_school = unit && unit->kind == "school";
  std::vector<Initiative> out;
  for (const auto& i : all) {
    if (i.year != year || i.level == InitiativeLevel::None) continue;
    bool theirs =
        kind == SubjectKind::Individual
            ? std::find(i.author_ids.begin(), i.author_ids.end(), subject) != i.author_ids.end()
            : whole_school || i.unit_id == subject;
    if (theirs) out.push_back(i);
  }
  return out;
}

const docs::Schema& individual_report_schema() {
  static const docs::Schema kSchema = [] {
    auto s = common_schema();
    s.values.insert({"ho_ten", "gioi_tinh", "ngay_sinh", "chuc_vu", "don_vi", "trinh_do"});
    s.required = {"ho_ten", "hinh_thuc", "thanh_tich", "khen_thuong"};
    return s;
  }();
  return kSchema;
}

const docs::Schema& collective_report_schema() {
  static const docs::Schema kSchema = [] {
    auto s = common_schema();
    s.values.insert({"ten_tap_the", "loai_tap_the", "so_thanh_vien", "truong_don_vi"});
    docs::Schema member;
    member.values = {"stt", "ho_ten", "chuc_vu"};
    s.lists.emplace("thanh_vien", member);
    s.required = {"ten_tap_the", "hinh_thuc", "thanh_tich", "khen_thuong"};
    return s;
  }();
  return kSchema;
}

docs::Values achievement_values(const AchievementInput& in, const Catalogue& c,
                                const docs::Issuer& issuer) {
  const NominationRecord& r = in.nomination;
  const Period* period = c.period(r.draft.period);
  const AwardForm* form = c.award(r.draft.award);
  if (!period || !form) throw std::logic_error("achievement report: period or award unknown");
  docs::Values v;
  v.text = {{"hinh_thuc", form->label},
            {"ky", text::lower_first(period->label)},
            {"nam", std::to_string(period->year)},
            {"ten_truong", issuer.school},
            {"dia_danh", issuer.place},
            {"ly_do", r.draft.reason}};
  int n = 0;
  auto& achievements = v.lists["thanh_tich"];
  for (const auto& a : r.draft.achievements) {
    docs::Values item;
    std::string links;
    for (const auto& e : a.evidence) links += (links.empty() ? "" : "; ") + e;
    item.text = {{"stt", std::to_string(++n)},
                 {"noi_dung", a.text},
                 {"linh_vuc", area_labels(a.areas)},
                 {"minh_chung", links}};
    achievements.push_back(std::move(item));
  }
  registration_and_initiatives(in, v);
  auto& awards = v.lists["khen_thuong"];
  int k = 0;
  for (const auto& a : in.awards) {
    docs::Values item;
    item.text = {{"stt", std::to_string(++k)}, {"nam", std::to_string(a.year)},
                 {"hinh_thuc", a.award},       {"so_quyet_dinh", a.decision_number},
                 {"ngay", a.decision_date},    {"co_quan", a.issuer}};
    awards.push_back(std::move(item));
  }
  if (r.draft.subject_kind == SubjectKind::Individual) {
    const StaffMember* s = c.staff_member(r.draft.subject_id);
    if (!s) throw std::logic_error("achievement report: staff member unknown");
    const Unit* u = c.unit(s->unit_id);
    // A detail the staff record does not hold is left as dots, to be written by hand before
    // signing, as on the paper form; "Trình độ: ." read as if the field were forgotten.
    auto or_blank = [](std::string value) {
      return text::one_line(value).empty() ? std::string(kHandwrittenBlank) : value;
    };
    v.text["ho_ten"] = s->name;
    v.text["gioi_tinh"] = or_blank(s->gender == "male" ? "Nam" : s->gender == "female" ? "Nữ" : "");
    v.text["ngay_sinh"] = or_blank(vn_date_of(s->birth_date));
    v.text["chuc_vu"] = or_blank(text::upper_first(s->position));
    v.text["don_vi"] = or_blank(u ? u->name : "");
    v.text["trinh_do"] = or_blank(s->qualifications);
    return v;
  }
  const Unit* u = c.unit(r.draft.subject_id);
  if (!u) throw std::logic_error("achievement report: unit unknown");
  v.text["ten_tap_the"] = u->name;
  v.text["loai_tap_the"] = unit_kind_label(u->kind);
  const StaffMember* leader = leader_of(c, u->id);
  v.text["truong_don_vi"] = leader ? leader->name : "chưa ghi trong danh mục";
  auto& members = v.lists["thanh_vien"];
  int m = 0;
  for (const auto& s : c.staff) {
    // The school as a whole counts everyone; a group its own members.
    if (u->kind != "school" && s.unit_id != u->id) continue;
    docs::Values item;
    item.text = {{"stt", std::to_string(++m)},
                 {"ho_ten", s.name},
                 {"chuc_vu", text::upper_first(s.position)}};
    members.push_back(std::move(item));
  }
  v.text["so_thanh_vien"] = std::to_string(m);
  return v;
}

docs::Document achievement_document(const AchievementInput& in, const Catalogue& c,
                                    const docs::Template& wording, const docs::Issuer& issuer,
                                    const docs::Signer& confirmer, const std::string& number_text,
                                    LocalDate date) {
  auto values = achievement_values(in, c, issuer);
  auto w = wording.render(values);
  const bool individual = in.nomination.draft.subject_kind == SubjectKind::Individual;
  docs::Document d;
  d.governing_body = issuer.governing_body;
  d.issuing_body = issuer.school;
  d.number = number_text;
  d.date_line = docs::date_line(issuer.place, date);
  d.type = w.type;
  d.summary = w.summary;
  d.addressee = w.addressee;
  d.body = std::move(w.body);
  // A unit's report is signed by its leader; without one in the catalogue, by hand.
  const StaffMember* leader = individual ? nullptr : leader_of(c, in.nomination.draft.subject_id);
  d.signer = {"NGƯỜI BÁO CÁO THÀNH TÍCH", individual ? "" : "TỔ TRƯỞNG",
              individual ? values.text["ho_ten"] : (leader ? leader->name : "")};
  d.left_signer = docs::Signer{confirmer.authority, confirmer.title, confirmer.name,
                               "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ"};
  d.recipients = std::move(w.recipients);
  d.filing = w.filing.empty() ? "VT" : w.filing;
  d.title = w.type + " " + w.summary;
  return d;
}

}  // namespace thidua::nominations
