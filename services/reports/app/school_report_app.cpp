// The school's report of a year, marking it sent, the year's indicators and the public
// figures (ReportsApp, reports_app.hpp).
#include "core/errors.hpp"
#include "core/movement.hpp"
#include "reports/app/reports_app.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {

Task<std::vector<Indicator>> ReportsApp::indicators(int year) {
  auto edited = co_await store_.indicators(year);
  co_return edited ? *edited : default_indicators();
}

Task<std::vector<Indicator>> ReportsApp::set_indicators(int year, std::vector<Indicator> list) {
  check_indicator_list(list);
  auto before = co_await indicators(year);
  auto parts = co_await store_.contributions(year);
  std::map<std::string, long long> counted;
  for (const auto& c : parts) {
    for (const auto& [code, n] : c.figures) counted[code] += n;
  }
  auto dropped = dropped_with_figures(before, list, counted);
  if (!dropped.empty()) {
    std::string codes;
    for (const auto& code : dropped) codes += (codes.empty() ? "" : ", ") + code;
    throw conflict("indicator_in_use", say("problem.indicator_in_use",
                                           {{"year", std::to_string(year)}, {"codes", codes}}));
  }
  co_await store_.put_indicators(year, list);
  co_return list;
}

Task<SchoolReport> ReportsApp::school_report(int year) {
  auto dir = co_await directory_.get();
  auto list = co_await all_deadlines();
  SchoolReport r;
  r.year = year;
  r.school.name = settings_.school_name;
  r.school.place = settings_.school_place;
  r.school.title = "Kết quả thực hiện phong trào thi đua đổi mới sáng tạo và chuyển đổi số";
  r.school.recipient = yearly_report_deadline().recipient;
  for (const auto& d : list) {
    if (d.id == yearly_report_deadline().id) r.school.recipient = d.recipient;
  }
  auto parts = co_await store_.contributions(year);
  r.units = units_of_year(dir.units, submitted_units(parts));
  for (auto& c : parts) {
    if (c.submitted && dir.unit(c.unit_id)) r.submitted.emplace(c.unit_id, std::move(c));
  }
  r.sections = co_await store_.sections(year);
  r.sent = co_await store_.sent(year);
  r.indicators = co_await indicators(year);
  co_return r;
}

Task<SchoolSections> ReportsApp::patch_sections(const Principal& who, int year,
                                                const SectionsPatch& patch) {
  if (patch.empty()) throw unprocessable("sections_empty", say("problem.sections_empty"));
  std::string at = iso_instant(clock_.now());
  co_return co_await store_.patch_sections(year, normalise(patch), who.subject, at);
}

Task<SchoolReport> ReportsApp::mark_sent(const Principal& who, int year, const SentRequest& sent,
                                         const std::vector<IssuedDocument>& issued) {
  if (sent.sent_on.year < year || sent.sent_on > local_date(clock_.now())) {
    throw unprocessable("invalid_sent_on", say("problem.sent_on_range"));
  }
  auto chosen = choose_sent_document(issued, year, sent.document_id, sent.number);
  SentMark mark{sent.sent_on, chosen.number, who.subject, iso_instant(clock_.now()),
                chosen.document_id};
  co_await store_.mark_sent(year, mark);
  co_return co_await school_report(year);
}

Task<std::vector<YearFigures>> ReportsApp::public_figures(std::optional<int> year) {
  std::vector<YearFigures> out;
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    if (year && *year != y) continue;
    auto parts = co_await store_.contributions(y);
    auto list = co_await indicators(y);
    std::map<std::string, long long> totals = zero_figures(list);
    int units = 0;
    for (const auto& c : parts) {
      if (!c.submitted) continue;
      ++units;
      for (const auto& [code, n] : c.figures) totals[code] += n;
    }
    if (units == 0 && !year) continue;
    YearFigures figures{y, units, {}};
    for (const auto& i : list) figures.figures.emplace_back(i, totals[i.code]);
    out.push_back(std::move(figures));
  }
  co_return out;
}

}  // namespace thidua::reports
