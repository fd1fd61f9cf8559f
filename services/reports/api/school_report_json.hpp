#pragma once
// The school's report and the public figures on the wire (GET /school-reports/{year},
// POST …/sent, GET /public/figures).
#include <nlohmann/json.hpp>

#include "reports/app/views.hpp"

namespace thidua::reports {

// {year, school, recipient, title, status (open|sent), sent|null, units, missing, areas
// (narratives and figures per content area), totals, difficulties, proposals, sections}.
nlohmann::json to_json(const SchoolReport& r);
// {situation, direction, strengths, limitations, next_year, proposals: text ("" not written),
// unwritten: [keys, in print order], updated_by|null, updated_at|null}.
nlohmann::json to_json(const SchoolSections& s);
// A PATCH of the board's sections: an object whose keys are section keys and whose values
// are texts ("" empties one, null leaves it). 400 unknown_section for another key, 400 for a
// value that is not a text or longer than kSectionMaxChars.
SectionsPatch parse_sections_patch(const nlohmann::json& body);
// {years: [{year, units_reported, figures: [{code, label, area, unit, total}]}]}.
nlohmann::json public_figures_json(const std::vector<YearFigures>& years);
// {"sent_on", "number"?, "document_id"?}: each optional field, when given, checked as a
// required one is (400).
SentRequest parse_sent(const nlohmann::json& body);

}  // namespace thidua::reports
