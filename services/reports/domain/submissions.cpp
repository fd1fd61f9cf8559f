#include "reports/domain/submissions.hpp"

#include <algorithm>
#include <set>

#include "reports/domain/messages.hpp"

namespace thidua::reports {

long long YearSubmissions::submitted() const {
  return std::count_if(units.begin(), units.end(),
                       [](const UnitSubmission& u) { return u.status == "submitted"; });
}

long long YearSubmissions::late() const {
  return std::count_if(units.begin(), units.end(),
                       [](const UnitSubmission& u) { return u.status == "submitted" && u.late; });
}

YearSubmissions year_submissions(int year, LocalDate unit_due, const std::vector<UnitInfo>& units,
                                 const std::vector<Contribution>& parts) {
  std::set<std::string> submitted;
  for (const auto& c : parts) {
    if (c.submitted) submitted.insert(c.unit_id);
  }
  YearSubmissions out{year, unit_due, {}};
  for (const auto& u : units_of_year(units, submitted)) {
    UnitSubmission row{u.id, u.name, "missing", false, "", std::nullopt};
    auto part = std::find_if(parts.begin(), parts.end(),
                             [&u](const Contribution& c) { return c.unit_id == u.id; });
    if (part != parts.end()) {
      row.status = part->submitted ? "submitted" : "draft";
      row.late = part->submitted && part->late;
      if (part->submitted) {
        row.submitted_at = part->submitted_at;
        if (auto at = parse_iso_instant(part->submitted_at)) row.submitted_on = local_date(*at);
      }
    }
    out.units.push_back(std::move(row));
  }
  return out;
}

docs::XlsxBook submissions_book(const YearSubmissions& s) {
  const std::string year = std::to_string(s.year);
  docs::XlsxSheet sheet;
  sheet.name = docs::sheet_name(say("submissions.sheet"));
  sheet.title = say("submissions.title", {{"year", year}, {"date", vn_date(s.unit_due)}});
  sheet.headers = {say("submissions.unit"), say("submissions.state"), say("submissions.on"),
                   say("submissions.due"), say("submissions.timeliness")};
  sheet.widths = {34, 14, 14, 14, 14};
  for (const auto& u : s.units) {
    std::vector<docs::XlsxCell> row{u.unit_name, say("submissions.status." + u.status)};
    if (u.submitted_on) {
      row.emplace_back(*u.submitted_on);
    } else {
      row.emplace_back(std::monostate{});
    }
    row.emplace_back(s.unit_due);
    if (u.status == "submitted") {
      row.emplace_back(say(u.late ? "submissions.late" : "submissions.on_time"));
    }
    sheet.rows.push_back(std::move(row));
  }
  sheet.rows.push_back({});
  sheet.rows.push_back({say("submissions.count_submitted"), static_cast<double>(s.submitted())});
  sheet.rows.push_back({say("submissions.count_late"), static_cast<double>(s.late())});
  sheet.rows.push_back({say("submissions.count_units"), static_cast<double>(s.units.size())});
  return docs::XlsxBook{{std::move(sheet)}};
}

std::string submissions_file_name(int year) {
  return say("submissions.file_name", {{"year", std::to_string(year)}});
}

}  // namespace thidua::reports
