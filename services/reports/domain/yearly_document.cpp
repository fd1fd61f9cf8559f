#include "reports/domain/yearly_document.hpp"

#include "core/movement.hpp"
#include "docs/format.hpp"

namespace thidua::reports {
namespace {
docs::Values unit_text(const UnitInfo& u, const std::string& text) {
  docs::Values v;
  v.text = {{"ten_to", u.name}, {"noi_dung", text}};
  return v;
}
}  // namespace

const docs::Schema& yearly_report_schema() {
  static const docs::Schema kSchema = [] {
    docs::Schema unit_part;
    unit_part.values = {"ten_to", "noi_dung"};
    docs::Schema figure;
    figure.values = {"ten", "don_vi", "so"};
    docs::Schema area;
    area.values = {"stt", "ma", "ten"};
    area.lists = {{"phan_to", unit_part}, {"chi_so", figure}};
    docs::Schema s;
    s.values = {"nam",      "nam_sau",     "ten_truong", "co_quan_chu_quan", "noi_nhan_chinh",
                "dia_danh", "so_to_da_nop"};
    for (const auto& section : school_sections()) s.values.emplace(section.placeholder);
    docs::Schema count;
    count.values = {"hinh_thuc", "so_luong"};
    docs::Schema honour;
    honour.values = {"stt", "hinh_thuc", "ten", "don_vi", "quyet_dinh"};
    docs::Schema initiative;
    initiative.values = {"stt", "ten", "tac_gia", "cap", "quyet_dinh"};
    s.lists = {{"linh_vuc", area},      {"kho_khan", unit_part},
               {"de_xuat", unit_part},  {"so_luong_khen_thuong", count},
               {"khen_thuong", honour}, {"sang_kien", initiative}};
    // Without the year and the results per content area it is not this report.
    s.required = {"nam", "linh_vuc"};
    return s;
  }();
  return kSchema;
}

namespace {
void commendation_values(const Commendations& c, docs::Values& v) {
  auto& counts = v.lists["so_luong_khen_thuong"];
  for (const auto& n : award_counts(c.honours)) {
    docs::Values item;
    item.text = {{"hinh_thuc", n.award}, {"so_luong", count_text(n)}};
    counts.push_back(std::move(item));
  }
  auto& honours = v.lists["khen_thuong"];
  int k = 0;
  for (const auto& h : c.honours) {
    docs::Values item;
    item.text = {{"stt", std::to_string(++k)},
                 {"hinh_thuc", h.award},
                 {"ten", h.name},
                 {"don_vi", h.collective ? "Tập thể" : h.unit},
                 {"quyet_dinh", h.decision_number + ", ngày " + vn_date_of(h.decision_date)}};
    honours.push_back(std::move(item));
  }
  auto& initiatives = v.lists["sang_kien"];
  int i = 0;
  for (const auto& s : c.initiatives) {
    docs::Values item;
    item.text = {{"stt", std::to_string(++i)},
                 {"ten", s.title},
                 {"tac_gia", s.authors},
                 {"cap", s.level},
                 {"quyet_dinh", s.decision}};
    initiatives.push_back(std::move(item));
  }
}
}  // namespace

docs::Values yearly_report_values(const SchoolReport& r, const Issuer& issuer) {
  docs::Values v;
  v.text = {{"nam", std::to_string(r.year)},
            {"nam_sau", std::to_string(r.year + 1)},
            {"ten_truong", issuer.school},
            {"co_quan_chu_quan", issuer.governing_body},
            {"noi_nhan_chinh", r.school.recipient},
            {"dia_danh", issuer.place},
            {"so_to_da_nop", std::to_string(r.submitted.size())}};
  // A section not written prints nothing: its paragraph is blank and left out.
  for (const auto& section : school_sections()) {
    v.text[std::string(section.placeholder)] = r.sections.of(section.section);
  }
  auto totals = r.totals();
  int n = 0;
  for (const auto& area : content_areas()) {
    docs::Values a;
    a.text = {{"stt", std::to_string(++n)}, {"ma", area.code}, {"ten", area.label}};
    auto& parts = a.lists["phan_to"];
    auto& figures = a.lists["chi_so"];
    for (const auto& u : r.units) {
      auto it = r.submitted.find(u.id);
      if (it == r.submitted.end()) continue;
      auto text = it->second.narratives.find(area.code);
      if (text != it->second.narratives.end() && !text->second.empty()) {
        parts.push_back(unit_text(u, text->second));
      }
    }
    for (const auto& i : r.indicators) {
      if (i.area != area.code) continue;
      docs::Values f;
      f.text = {{"ten", i.label}, {"so", std::to_string(totals[i.code])}, {"don_vi", i.unit}};
      figures.push_back(std::move(f));
    }
    v.lists["linh_vuc"].push_back(std::move(a));
  }
  commendation_values(r.commendations, v);
  auto& difficulties = v.lists["kho_khan"];
  auto& proposals = v.lists["de_xuat"];
  for (const auto& u : r.units) {
    auto it = r.submitted.find(u.id);
    if (it == r.submitted.end()) continue;
    if (!it->second.difficulties.empty()) {
      difficulties.push_back(unit_text(u, it->second.difficulties));
    }
    if (!it->second.proposals.empty()) proposals.push_back(unit_text(u, it->second.proposals));
  }
  return v;
}

docs::Document yearly_report_document(const SchoolReport& r, const docs::Template& wording,
                                      const Issuer& issuer, const docs::Signer& signer,
                                      const std::string& number_text, LocalDate date) {
  auto w = wording.render(yearly_report_values(r, issuer));
  docs::Document d;
  d.governing_body = issuer.governing_body;
  d.issuing_body = issuer.school;
  d.number = number_text;
  d.date_line = docs::date_line(issuer.place, date);
  d.type = w.type;
  d.summary = w.summary;
  d.addressee = w.addressee;
  d.body = std::move(w.body);
  d.signer = signer;
  d.recipients = std::move(w.recipients);
  d.filing = w.filing.empty() ? "VT" : w.filing;
  d.title = w.type + " " + w.summary;
  return d;
}

}  // namespace thidua::reports
