#include "reports/api/contribution_json.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;

// The "narratives" object: each key a content area, each value a text. Calls `take` with
// each area and its text; a null text is passed over when `skip_null` (a PATCH leaves it).
template <typename Take>
void read_narratives(const json& body, bool skip_null, Take take) {
  auto it = body.find("narratives");
  if (it == body.end() || it->is_null()) return;
  if (!it->is_object()) throw bad_request("invalid_field", say("problem.narratives_shape"));
  for (auto n = it->begin(); n != it->end(); ++n) {
    if (!is_content_area(n.key())) {
      throw bad_request("unknown_content_area",
                        say("problem.unknown_area", {{"area", text::excerpt(n.key(), 32)}}));
    }
    if (skip_null && n->is_null()) continue;
    take(n.key(), http::optional_string(*it, n.key(), "", kNarrativeMaxChars));
  }
}

// The "figures" object: each key one of the year's indicators, each value a count or null
// (passed over).
void read_figures(const json& body, const std::vector<Indicator>& indicators,
                  std::map<std::string, long long>& out) {
  auto it = body.find("figures");
  if (it == body.end() || it->is_null()) return;
  if (!it->is_object()) throw bad_request("invalid_field", say("problem.figures_shape"));
  for (auto f = it->begin(); f != it->end(); ++f) {
    check_figures_known({{f.key(), 0}}, indicators);
    if (f->is_null()) continue;
    if (!f->is_number_integer() || !figure_allowed(f->get<long long>())) {
      // Named as the form and the report print it (check_figures_known has found it).
      auto known = std::find_if(indicators.begin(), indicators.end(),
                                [&](const Indicator& i) { return i.code == f.key(); });
      throw bad_request("invalid_figure",
                        say("problem.bad_figure",
                            {{"indicator", known->label}, {"max", std::to_string(kFigureMax)}}));
    }
    out[f.key()] = f->get<long long>();
  }
}
}  // namespace

Contribution parse_contribution(const json& body, const std::string& unit_id, int year,
                                const std::vector<Indicator>& indicators) {
  Contribution c = empty_contribution(unit_id, year, indicators);
  read_narratives(body, false, [&c](const std::string& area, std::string text) {
    if (!text.empty()) c.narratives[area] = std::move(text);
  });
  read_figures(body, indicators, c.figures);
  c.difficulties = http::optional_string(body, "difficulties", "", kNarrativeMaxChars);
  c.proposals = http::optional_string(body, "proposals", "", kNarrativeMaxChars);
  return c;
}

ContributionPatch parse_contribution_patch(const json& body,
                                           const std::vector<Indicator>& indicators) {
  ContributionPatch p;
  read_narratives(body, true, [&p](const std::string& area, std::string text) {
    p.narratives[area] = std::move(text);
  });
  read_figures(body, indicators, p.figures);
  // Present (and not null): replaced, "" empties it; absent: kept.
  auto text = [&body](const char* field) -> std::optional<std::string> {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) return std::nullopt;
    return http::optional_string(body, field, "", kNarrativeMaxChars);
  };
  p.difficulties = text("difficulties");
  p.proposals = text("proposals");
  return p;
}

json to_json(const Contribution& c) {
  json narratives = json::object();
  for (const auto& [area, text] : c.narratives) narratives[area] = text;
  json figures = json::object();
  for (const auto& [code, n] : c.figures) figures[code] = n;
  json j = {{"unit_id", c.unit_id},
            {"year", c.year},
            {"status", c.submitted ? "submitted" : "draft"},
            {"late", c.late},
            {"narratives", narratives},
            {"figures", figures},
            {"difficulties", c.difficulties},
            {"proposals", c.proposals},
            {"updated_by", c.updated_by},
            {"updated_at", c.updated_at}};
  j["submitted_by"] = c.submitted ? json(c.submitted_by) : json(nullptr);
  j["submitted_at"] = c.submitted ? json(c.submitted_at) : json(nullptr);
  return j;
}

json to_json(const UnitPart& p) {
  json j = to_json(p.part);
  j["unit_name"] = p.unit_name;
  if (p.history) {
    j["history"] = json::array();
    for (const auto& e : *p.history) {
      json entry = {{"action", e.action}, {"by", e.by}, {"at", e.at}};
      if (!e.reason.empty()) entry["reason"] = e.reason;
      j["history"].push_back(std::move(entry));
    }
  }
  return j;
}

}  // namespace thidua::reports
