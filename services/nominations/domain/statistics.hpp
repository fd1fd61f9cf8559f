#pragma once
// "Thống kê" (issue 12): how many nominations were proposed, approved by the council and
// awarded, per year, per unit and per award form, for the board's and the council's charts
// and their Excel export. Pure: from the records and the catalogue.
//
// What counts, from the workflow (workflow.hpp):
// - proposed (đã đề nghị): submitted to the council or beyond — every status but draft and
//   withdrawn. A rejected nomination was proposed; one withdrawn, even after submitting, is
//   taken back and counts nowhere.
// - approved (Hội đồng thông qua): approved, forwarded, awarded, not_awarded. Each of these is
//   reached only through the council's "approve" (forward starts from approved; award and
//   not_award from forwarded), so each was passed by the council; "not awarded" is the higher
//   level's answer, not the council's.
// - awarded (được khen thưởng): awarded (a decision recorded).
// The year is the nomination's period's year (an interim or final period counts in its year,
// beside that year's annual period); a nomination whose period is no longer in the catalogue
// counts nowhere. A collective nomination counts for its unit, an individual one for the
// person's unit when it was written (the record's unit_id), not the unit they are in today.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docs/xlsx_book.hpp"
#include "nominations/domain/catalogue.hpp"
#include "nominations/domain/record.hpp"

namespace thidua::nominations {

bool counts_as_proposed(Status s);
bool counts_as_approved(Status s);
bool counts_as_awarded(Status s);

struct Counts {
  long long proposed = 0;
  long long approved = 0;
  long long awarded = 0;
  friend bool operator==(const Counts&, const Counts&) = default;
};

struct UnitFigures {
  std::string unit_id;
  std::string unit_name;
  bool active = true;  // a deactivated unit is listed only when it has figures that year
  Counts counts;
};

struct AwardFigures {
  std::string award;
  std::string award_label;
  Counts counts;
};

struct YearFigures {
  int year = 0;
  Counts counts;
};

struct Statistics {
  int year = 0;            // the year of by_unit, by_award and totals
  std::vector<int> years;  // the years with a proposed nomination, ascending
  Counts totals;
  // Every active unit in catalogue order (zeros included), then the others with figures.
  std::vector<UnitFigures> by_unit;
  // Every award form of the catalogue in its order, then forms no longer in it with figures.
  std::vector<AwardFigures> by_award;
  std::vector<YearFigures> by_year;  // one per entry of `years`
};

Statistics statistics(const std::vector<NominationRecord>& all, const Catalogue& c, int year);

// The year a screen opens on when none is asked: the latest with a proposed nomination, else
// `this_year` brought into the movement's years (2025–2030).
int default_statistics_year(const std::vector<NominationRecord>& all, const Catalogue& c,
                            int this_year);

// The charts of the screen, each with its own Excel export ("Tải Excel" under each chart).
enum class StatisticsChart { Units, Awards, Years };
// "units", "awards", "years" (the API's ?chart=); nullopt for anything else.
std::optional<StatisticsChart> parse_statistics_chart(std::string_view code);

// The Excel export: sheets "Theo tổ", "Theo hình thức" (the year) and "Theo năm" (all years),
// with totals; words from the message catalogue. With `only`, that chart's sheet alone.
docs::XlsxBook statistics_book(const Statistics& s,
                               std::optional<StatisticsChart> only = std::nullopt);
// "Thống kê khen thưởng năm 2026.xlsx"; of one chart "Thống kê khen thưởng theo tổ năm
// 2026.xlsx", "… theo hình thức năm 2026.xlsx", "Thống kê khen thưởng qua các năm.xlsx".
std::string statistics_file_name(int year, std::optional<StatisticsChart> only = std::nullopt);

}  // namespace thidua::nominations
