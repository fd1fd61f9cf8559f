#include "nominations/domain/statistics.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/movement.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
void add(Counts& to, Status s) {
  to.proposed += counts_as_proposed(s) ? 1 : 0;
  to.approved += counts_as_approved(s) ? 1 : 0;
  to.awarded += counts_as_awarded(s) ? 1 : 0;
}

// The year a record counts in, when it counts at all.
std::optional<int> year_of(const NominationRecord& r, const Catalogue& c) {
  if (!counts_as_proposed(r.status)) return std::nullopt;
  const Period* p = c.period(r.draft.period);
  if (!p) return std::nullopt;
  return p->year;
}

std::vector<UnitFigures> unit_rows(const std::map<std::string, UnitFigures>& seen,
                                   const Catalogue& c) {
  std::vector<UnitFigures> out;
  std::set<std::string> listed;
  // The school as a whole first, as a report lists it; then its units in catalogue order.
  std::vector<const Unit*> order;
  for (const auto& u : c.units) order.push_back(&u);
  std::stable_partition(order.begin(), order.end(),
                        [](const Unit* u) { return u->kind == "school"; });
  for (const Unit* unit : order) {
    const Unit& u = *unit;
    auto it = seen.find(u.id);
    if (!u.active && it == seen.end()) continue;
    UnitFigures row{u.id, u.name, u.active, {}};
    if (it != seen.end()) row.counts = it->second.counts;
    out.push_back(row);
    listed.insert(u.id);
  }
  for (const auto& [id, row] : seen) {
    if (listed.count(id) == 0) out.push_back(row);  // a unit no longer in the catalogue
  }
  return out;
}

std::vector<AwardFigures> award_rows(const std::map<std::string, AwardFigures>& seen,
                                     const Catalogue& c) {
  std::vector<AwardFigures> out;
  std::set<std::string> listed;
  for (const auto& a : c.award_forms) {
    AwardFigures row{a.code, a.label, {}};
    if (auto it = seen.find(a.code); it != seen.end()) row.counts = it->second.counts;
    out.push_back(row);
    listed.insert(a.code);
  }
  for (const auto& [code, row] : seen) {
    if (listed.count(code) == 0) out.push_back(row);
  }
  return out;
}

std::vector<docs::XlsxCell> count_cells(docs::XlsxCell first, const Counts& n) {
  return {std::move(first), static_cast<double>(n.proposed), static_cast<double>(n.approved),
          static_cast<double>(n.awarded)};
}

docs::XlsxSheet sheet(const std::string& tab, std::string title, const std::string& first) {
  docs::XlsxSheet s;
  s.name = docs::sheet_name(say(tab));
  s.title = std::move(title);
  s.headers = {say(first), say("statistics.proposed"), say("statistics.approved"),
               say("statistics.awarded")};
  s.widths = {44, 14, 18, 16};
  return s;
}
}  // namespace

bool counts_as_proposed(Status s) {
  return s != Status::Draft && s != Status::Withdrawn;
}

bool counts_as_approved(Status s) {
  return s == Status::Approved || s == Status::Forwarded || s == Status::Awarded ||
         s == Status::NotAwarded;
}

bool counts_as_awarded(Status s) {
  return s == Status::Awarded;
}

Statistics statistics(const std::vector<NominationRecord>& all, const Catalogue& c, int year) {
  Statistics out;
  out.year = year;
  std::map<int, Counts> years;
  std::map<std::string, UnitFigures> units;
  std::map<std::string, AwardFigures> awards;
  for (const auto& r : all) {
    auto y = year_of(r, c);
    if (!y) continue;
    add(years[*y], r.status);
    if (*y != year) continue;
    add(out.totals, r.status);
    auto& unit = units[r.unit_id];
    if (unit.unit_id.empty()) {
      const Unit* u = c.unit(r.unit_id);
      unit = {r.unit_id, u ? u->name : r.unit_name, u && u->active, {}};
    }
    add(unit.counts, r.status);
    auto& award = awards[r.draft.award];
    if (award.award.empty()) award = {r.draft.award, r.award_label, {}};
    add(award.counts, r.status);
  }
  for (const auto& [y, counts] : years) {
    out.years.push_back(y);
    out.by_year.push_back({y, counts});
  }
  out.by_unit = unit_rows(units, c);
  out.by_award = award_rows(awards, c);
  return out;
}

int default_statistics_year(const std::vector<NominationRecord>& all, const Catalogue& c,
                            int this_year) {
  std::optional<int> latest;
  for (const auto& r : all) {
    if (auto y = year_of(r, c); y && (!latest || *y > *latest)) latest = y;
  }
  return latest ? *latest : std::clamp(this_year, kFirstYear, kLastYear);
}

std::optional<StatisticsChart> parse_statistics_chart(std::string_view code) {
  if (code == "units") return StatisticsChart::Units;
  if (code == "awards") return StatisticsChart::Awards;
  if (code == "years") return StatisticsChart::Years;
  return std::nullopt;
}

docs::XlsxBook statistics_book(const Statistics& s, std::optional<StatisticsChart> only) {
  const std::string year = std::to_string(s.year);
  docs::XlsxSheet units = sheet("statistics.sheet_units",
                                say("statistics.title_units", {{"year", year}}), "statistics.unit");
  units.headers.push_back(say("statistics.note"));
  units.widths.push_back(22);
  for (const auto& u : s.by_unit) {
    auto row = count_cells(u.unit_name, u.counts);
    if (!u.active) row.emplace_back(say("statistics.unit_inactive"));
    units.rows.push_back(std::move(row));
  }
  units.rows.push_back(count_cells(say("statistics.total"), s.totals));

  docs::XlsxSheet awards =
      sheet("statistics.sheet_awards", say("statistics.title_awards", {{"year", year}}),
            "statistics.award");
  for (const auto& a : s.by_award) awards.rows.push_back(count_cells(a.award_label, a.counts));
  awards.rows.push_back(count_cells(say("statistics.total"), s.totals));

  docs::XlsxSheet years =
      sheet("statistics.sheet_years", say("statistics.title_years"), "statistics.year");
  years.widths[0] = 10;
  for (const auto& y : s.by_year) {
    years.rows.push_back(count_cells(static_cast<double>(y.year), y.counts));
  }
  if (only == StatisticsChart::Units) return docs::XlsxBook{{std::move(units)}};
  if (only == StatisticsChart::Awards) return docs::XlsxBook{{std::move(awards)}};
  if (only == StatisticsChart::Years) return docs::XlsxBook{{std::move(years)}};
  return docs::XlsxBook{{std::move(units), std::move(awards), std::move(years)}};
}

std::string statistics_file_name(int year, std::optional<StatisticsChart> only) {
  // The years' chart is the same whatever year the screen shows: its name has none.
  if (only == StatisticsChart::Years) return say("statistics.file_name_years");
  const char* key = "statistics.file_name";
  if (only == StatisticsChart::Units) key = "statistics.file_name_units";
  if (only == StatisticsChart::Awards) key = "statistics.file_name_awards";
  return say(key, {{"year", std::to_string(year)}});
}

}  // namespace thidua::nominations
