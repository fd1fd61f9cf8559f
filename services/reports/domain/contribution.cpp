#include "reports/domain/contribution.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;
}

Contribution parse_contribution(const json& body, const std::string& unit_id, int year,
                                const std::vector<Indicator>& indicators) {
  Contribution c;
  c.unit_id = unit_id;
  c.year = year;
  c.figures = zero_figures(indicators);
  if (auto it = body.find("narratives"); it != body.end() && !it->is_null()) {
    if (!it->is_object()) {
      throw bad_request("invalid_field", say("problem.narratives_shape"));
    }
    for (auto n = it->begin(); n != it->end(); ++n) {
      if (!is_content_area(n.key())) {
        throw bad_request("unknown_content_area",
                          say("problem.unknown_area", {{"area", text::excerpt(n.key(), 32)}}));
      }
      auto text = http::optional_string(*it, n.key(), "", kNarrativeMaxChars);
      if (!text.empty()) c.narratives[n.key()] = text;
    }
  }
  if (auto it = body.find("figures"); it != body.end() && !it->is_null()) {
    if (!it->is_object()) {
      throw bad_request("invalid_field", say("problem.figures_shape"));
    }
    for (auto f = it->begin(); f != it->end(); ++f) {
      check_figures_known({{f.key(), 0}}, indicators);
      if (f->is_null()) continue;
      if (!f->is_number_integer() || f->get<long long>() < 0 || f->get<long long>() > kFigureMax) {
        throw bad_request("invalid_figure",
                          say("problem.bad_figure",
                              {{"indicator", f.key()}, {"max", std::to_string(kFigureMax)}}));
      }
      c.figures[f.key()] = f->get<long long>();
    }
  }
  c.difficulties = http::optional_string(body, "difficulties", "", kNarrativeMaxChars);
  c.proposals = http::optional_string(body, "proposals", "", kNarrativeMaxChars);
  return c;
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

Contribution contribution_from_json(const json& j) {
  Contribution c;
  c.unit_id = j.value("unit_id", "");
  c.year = j.value("year", 0);
  if (auto n = j.find("narratives"); n != j.end() && n->is_object()) {
    for (auto it = n->begin(); it != n->end(); ++it) {
      if (it->is_string()) c.narratives[it.key()] = it->get<std::string>();
    }
  }
  if (auto f = j.find("figures"); f != j.end() && f->is_object()) {
    for (auto it = f->begin(); it != f->end(); ++it) {
      // Codes of the year's list when written; one the board renamed since stays unprinted.
      if (it->is_number_integer()) c.figures[it.key()] = it->get<long long>();
    }
  }
  auto text = [&j](const char* field) {
    auto it = j.find(field);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  c.difficulties = text("difficulties");
  c.proposals = text("proposals");
  c.submitted = text("status") == "submitted";
  c.late = j.value("late", false);
  c.updated_by = text("updated_by");
  c.updated_at = text("updated_at");
  c.submitted_by = text("submitted_by");
  c.submitted_at = text("submitted_at");
  return c;
}

}  // namespace thidua::reports
