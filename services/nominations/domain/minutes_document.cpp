#include "nominations/domain/minutes_document.hpp"

#include "core/text.hpp"
#include "docs/format.hpp"

namespace thidua::nominations {
namespace {
docs::Values member_values(const MeetingMember& m, int n) {
  docs::Values v;
  v.text = {
      {"stt", std::to_string(n)}, {"ho_ten", m.name}, {"chuc_vu", text::upper_first(m.position)}};
  return v;
}

std::string name_of(const Meeting& m, const std::string& id) {
  const MeetingMember* member = m.member(id);
  return member ? member->name : "";
}
}  // namespace

std::vector<ConsideredLine> considered_lines(const std::vector<NominationRecord>& all,
                                             const std::string& meeting_id) {
  std::vector<ConsideredLine> out;
  for (const auto& r : all) {
    if (!r.vote || r.vote->ballot.meeting_id != meeting_id) continue;
    ConsideredLine l;
    l.nomination_id = r.id;
    l.name = r.subject_name;
    l.award = r.award_label;
    l.yes = r.vote->ballot.yes;
    l.no = r.vote->ballot.no;
    l.abstain = r.vote->ballot.abstain;
    l.passed = r.vote->outcome.passed;
    out.push_back(std::move(l));
  }
  return out;
}

const docs::Schema& minutes_schema() {
  static const docs::Schema kSchema = [] {
    docs::Schema member;
    member.values = {"stt", "ho_ten", "chuc_vu"};
    docs::Schema considered;
    considered.values = {
        "stt", "ten", "hinh_thuc", "tan_thanh", "khong_tan_thanh", "khong_bieu_quyet", "ket_luan"};
    docs::Schema s;
    s.values = {"ngay_hop", "gio_bat_dau",   "gio_ket_thuc", "dia_diem", "chu_tri",
                "thu_ky",   "so_thanh_vien", "so_co_mat",    "so_vang",  "so_can_co_mat",
                "hop_le",   "noi_dung",      "ten_truong",   "dia_danh", "nam"};
    s.lists = {{"co_mat", member}, {"vang", member}, {"de_nghi", considered}};
    // Without who sat and what was decided it is not the minutes of a meeting.
    s.required = {"ngay_hop", "so_co_mat", "de_nghi"};
    return s;
  }();
  return kSchema;
}

std::string date_words(LocalDate date) {
  auto two = [](int n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); };
  std::string month = date.month <= 2 ? two(date.month) : std::to_string(date.month);
  return "ngày " + two(date.day) + " tháng " + month + " năm " + std::to_string(date.year);
}

docs::Values minutes_values(const MinutesInput& in, const docs::Issuer& issuer) {
  const Meeting& m = in.meeting;
  auto day = parse_iso_date(m.date).value_or(LocalDate{});
  docs::Values v;
  const bool valid = m.members_present >= in.quorum_needed;
  v.text = {{"ngay_hop", date_words(day)},
            {"nam", std::to_string(day.year)},
            {"gio_bat_dau", m.start_time},
            {"gio_ket_thuc", m.end_time},
            {"dia_diem", m.place},
            {"chu_tri", name_of(m, m.chair_id)},
            {"thu_ky", name_of(m, m.secretary_id)},
            {"so_thanh_vien", std::to_string(m.members_total)},
            {"so_co_mat", std::to_string(m.members_present)},
            {"so_vang", std::to_string(m.members_total - m.members_present)},
            {"so_can_co_mat", std::to_string(in.quorum_needed)},
            {"hop_le", valid ? "đủ số thành viên theo quy định, cuộc họp hợp lệ"
                             : "không đủ số thành viên theo quy định"},
            {"noi_dung", m.agenda},
            {"ten_truong", issuer.school},
            {"dia_danh", issuer.place}};
  int present = 0, absent = 0;
  auto& co_mat = v.lists["co_mat"];
  auto& vang = v.lists["vang"];
  for (const auto& member : m.members) {
    if (member.present) {
      co_mat.push_back(member_values(member, ++present));
    } else {
      vang.push_back(member_values(member, ++absent));
    }
  }
  auto& de_nghi = v.lists["de_nghi"];
  int n = 0;
  for (const auto& l : in.considered) {
    docs::Values c;
    c.text = {{"stt", std::to_string(++n)},
              {"ten", l.name},
              {"hinh_thuc", l.award},
              {"tan_thanh", std::to_string(l.yes)},
              {"khong_tan_thanh", std::to_string(l.no)},
              {"khong_bieu_quyet", std::to_string(l.abstain)},
              {"ket_luan", l.passed ? "Thông qua" : "Không thông qua"}};
    de_nghi.push_back(std::move(c));
  }
  return v;
}

docs::Document minutes_document(const MinutesInput& in, const docs::Template& wording,
                                const docs::Issuer& issuer, const std::string& number_text,
                                LocalDate date) {
  auto w = wording.render(minutes_values(in, issuer));
  docs::Document d;
  d.governing_body = issuer.governing_body;
  d.issuing_body = issuer.school;
  d.number = number_text;
  d.date_line = docs::date_line(issuer.place, date);
  d.type = w.type;
  d.summary = w.summary;
  d.addressee = w.addressee;
  d.body = std::move(w.body);
  d.signer = {"", "CHỦ TRÌ", name_of(in.meeting, in.meeting.chair_id)};
  d.left_signer = docs::Signer{"", "THƯ KÝ", name_of(in.meeting, in.meeting.secretary_id)};
  d.recipients = std::move(w.recipients);
  d.filing = w.filing.empty() ? "VT" : w.filing;
  d.title = w.type + " " + w.summary;
  return d;
}

}  // namespace thidua::nominations
