#include "nominations/domain/award_documents.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "docs/format.hpp"
#include "nominations/domain/minutes_document.hpp"

namespace thidua::nominations {
namespace {
// A danh sách cell, not a report: the achievement in a sentence or two.
constexpr std::size_t kAchievementChars = 300;

std::string short_achievement(const NominationRecord& r) {
  std::string text = r.outcome.public_achievement.value_or("");
  if (text.empty()) text = r.draft.reason;
  if (text.empty() && !r.draft.achievements.empty()) text = r.draft.achievements.front().text;
  return text::excerpt(text, kAchievementChars);
}

NomineeLine line_of(const NominationRecord& r, const Catalogue& c, const AwardForm* form) {
  NomineeLine l;
  l.nomination_id = r.id;
  l.kind = r.draft.subject_kind;
  l.award = form ? form->label : r.award_label;
  l.achievement = short_achievement(r);
  if (l.kind == SubjectKind::Collective) {
    const Unit* u = c.unit(r.draft.subject_id);
    l.name = u ? u->name : r.subject_name;
    // What kind of collective it is (domain.md: subject groups, the office, the school).
    const std::string kind = u ? u->kind : "";
    l.position_unit = kind == "school"   ? "Tập thể trường"
                      : kind == "office" ? "Tổ văn phòng"
                                         : "Tổ chuyên môn";
    return l;
  }
  const StaffMember* s = c.staff_member(r.draft.subject_id);
  l.name = s ? s->name : r.subject_name;
  const Unit* u = s ? c.unit(s->unit_id) : nullptr;
  std::string unit = u ? u->name : r.unit_name;
  std::string position = s ? text::upper_first(s->position) : "";
  l.position_unit = position.empty() ? unit : unit.empty() ? position : position + ", " + unit;
  return l;
}

docs::Values line_values(const NomineeLine& l, int n) {
  docs::Values v;
  v.text = {{"stt", std::to_string(n)},
            {"ten", l.name},
            {"doi_tuong", l.kind == SubjectKind::Collective ? "Tập thể" : "Cá nhân"},
            {"chuc_vu_don_vi", l.position_unit},
            {"hinh_thuc", l.award},
            {"thanh_tich", l.achievement}};
  return v;
}

docs::Schema round_schema(bool decision) {
  docs::Schema line;
  line.values = {"stt", "ten", "doi_tuong", "chuc_vu_don_vi", "hinh_thuc", "thanh_tich"};
  docs::Schema s;
  s.values = {
      "ky",         "nam",          "hinh_thuc",    "hinh_thuc_in_hoa", "bien_ban",
      "so_van_ban", "ngay_van_ban", "co_quan_khen", "ten_truong",       "co_quan_chu_quan",
      "dia_danh",   "so_tap_the",   "so_ca_nhan",   "so_luong",         "ten_truong_in_hoa"};
  s.lists = {{"danh_sach", line}, {"tap_the", line}, {"ca_nhan", line}};
  // Without the form and the list it is not this document; a tờ trình names whom it asks.
  s.required = {"hinh_thuc", "danh_sach"};
  if (!decision) s.required.insert("co_quan_khen");
  return s;
}
}  // namespace

std::vector<NomineeLine> nominee_lines(const std::vector<NominationRecord>& all,
                                       const Catalogue& catalogue, const std::string& period,
                                       const std::string& award,
                                       const std::vector<Status>& statuses) {
  const AwardForm* form = catalogue.award(award);
  std::vector<NomineeLine> collectives, individuals;
  for (const auto& r : all) {
    if (r.draft.period != period || r.draft.award != award) continue;
    if (std::find(statuses.begin(), statuses.end(), r.status) == statuses.end()) continue;
    auto line = line_of(r, catalogue, form);
    (line.kind == SubjectKind::Collective ? collectives : individuals).push_back(std::move(line));
  }
  collectives.insert(collectives.end(), individuals.begin(), individuals.end());
  return collectives;
}

const std::vector<Status>& proposal_statuses() {
  static const std::vector<Status> kStatuses{Status::Approved, Status::Forwarded};
  return kStatuses;
}
const std::vector<Status>& decision_statuses() {
  static const std::vector<Status> kStatuses{Status::Approved, Status::Forwarded};
  return kStatuses;
}

std::vector<MinutesBasis> deciding_meetings(const std::vector<NominationRecord>& all,
                                            const std::vector<NomineeLine>& lines) {
  std::set<std::string> listed;
  for (const auto& l : lines) listed.insert(l.nomination_id);
  std::vector<MinutesBasis> out;
  for (const auto& r : all) {
    if (!listed.count(r.id) || !r.vote || r.vote->ballot.meeting_id.empty()) continue;
    const std::string& id = r.vote->ballot.meeting_id;
    auto seen = std::find_if(out.begin(), out.end(),
                             [&](const MinutesBasis& m) { return m.meeting_id == id; });
    if (seen != out.end()) continue;
    MinutesBasis m;
    m.meeting_id = id;
    m.meeting_date = parse_iso_date(r.vote->meeting_date).value_or(LocalDate{});
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const MinutesBasis& a, const MinutesBasis& b) {
    if (a.meeting_date != b.meeting_date) return a.meeting_date < b.meeting_date;
    if (a.meeting_id.size() != b.meeting_id.size())
      return a.meeting_id.size() < b.meeting_id.size();
    return a.meeting_id < b.meeting_id;  // ids are numbers given in order
  });
  return out;
}

std::string minutes_basis(const std::vector<MinutesBasis>& minutes) {
  const std::string council = "họp Hội đồng Thi đua – Khen thưởng";
  if (minutes.empty()) return "Biên bản " + council;
  std::string out;
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    const auto& m = minutes[i];
    if (i > 0) out += i + 1 == minutes.size() ? " và " : ", ";
    out += m.number_text.empty()
               ? "Biên bản " + council + " " + date_words(m.meeting_date)
               : "Biên bản số " + m.number_text + " " + date_words(m.issued_on) + " " + council;
  }
  return out;
}

bool granted_by_school(const AwardForm& form) {
  return form.level == "school";
}

const docs::Schema& proposal_schema() {
  static const docs::Schema kSchema = round_schema(false);
  return kSchema;
}
const docs::Schema& decision_schema() {
  static const docs::Schema kSchema = round_schema(true);
  return kSchema;
}

docs::Values round_values(const RoundDocument& round, const docs::Issuer& issuer) {
  docs::Values v;
  int collectives = 0, individuals = 0;
  for (const auto& l : round.lines) {
    (l.kind == SubjectKind::Collective ? collectives : individuals)++;
  }
  v.text = {{"ky", text::lower_first(round.period->label)},
            {"nam", std::to_string(round.period->year)},
            {"hinh_thuc", round.award->label},
            {"hinh_thuc_in_hoa", docs::upper(round.award->label)},
            {"bien_ban", minutes_basis(round.minutes)},
            {"co_quan_khen", round.award->authority},
            {"ten_truong", issuer.school},
            {"ten_truong_in_hoa", docs::upper(issuer.school)},
            {"co_quan_chu_quan", issuer.governing_body},
            {"dia_danh", issuer.place},
            {"so_tap_the", std::to_string(collectives)},
            {"so_ca_nhan", std::to_string(individuals)},
            {"so_luong", std::to_string(round.lines.size())}};
  int n = 0, nc = 0, ni = 0;
  for (const auto& l : round.lines) {
    v.lists["danh_sach"].push_back(line_values(l, ++n));
    if (l.kind == SubjectKind::Collective) {
      v.lists["tap_the"].push_back(line_values(l, ++nc));
    } else {
      v.lists["ca_nhan"].push_back(line_values(l, ++ni));
    }
  }
  v.lists.try_emplace("danh_sach");
  v.lists.try_emplace("tap_the");
  v.lists.try_emplace("ca_nhan");
  return v;
}

docs::Document round_document(const RoundDocument& round, const docs::Template& wording,
                              const docs::Issuer& issuer, const docs::Signer& signer,
                              const std::string& number_text, LocalDate date) {
  auto values = round_values(round, issuer);
  values.text["so_van_ban"] = number_text;
  values.text["ngay_van_ban"] = date_words(date);
  auto w = wording.render(values);
  docs::Document d;
  d.governing_body = issuer.governing_body;
  d.issuing_body = issuer.school;
  d.number = number_text;
  d.date_line = docs::date_line(issuer.place, date);
  d.type = w.type;
  d.summary = w.summary;
  d.addressee = w.addressee;
  d.body = std::move(w.body);
  d.appendix = std::move(w.appendix);
  d.signer = signer;
  d.recipients = std::move(w.recipients);
  d.filing = w.filing.empty() ? "VT" : w.filing;
  d.title = w.type + " " + w.summary;
  return d;
}

std::string round_label(const RoundDocument& round) {
  return round.award->label + " " + text::lower_first(round.period->label);
}

}  // namespace thidua::nominations
