#include "reports/domain/contribution_patch.hpp"

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

ContributionPatch parse_contribution_patch(const json& body,
                                           const std::vector<Indicator>& indicators) {
  ContributionPatch p;
  if (auto it = body.find("narratives"); it != body.end() && !it->is_null()) {
    if (!it->is_object()) throw bad_request("invalid_field", say("problem.narratives_shape"));
    for (auto n = it->begin(); n != it->end(); ++n) {
      if (!is_content_area(n.key())) {
        throw bad_request("unknown_content_area",
                          say("problem.unknown_area", {{"area", text::excerpt(n.key(), 32)}}));
      }
      if (n->is_null()) continue;
      p.narratives[n.key()] = http::optional_string(*it, n.key(), "", kNarrativeMaxChars);
    }
  }
  if (auto it = body.find("figures"); it != body.end() && !it->is_null()) {
    if (!it->is_object()) throw bad_request("invalid_field", say("problem.figures_shape"));
    for (auto f = it->begin(); f != it->end(); ++f) {
      check_figures_known({{f.key(), 0}}, indicators);
      if (f->is_null()) continue;
      if (!f->is_number_integer() || f->get<long long>() < 0 || f->get<long long>() > kFigureMax) {
        throw bad_request("invalid_figure",
                          say("problem.bad_figure",
                              {{"indicator", f.key()}, {"max", std::to_string(kFigureMax)}}));
      }
      p.figures[f.key()] = f->get<long long>();
    }
  }
  for (const char* field : {"difficulties", "proposals"}) {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) continue;
    auto text = http::optional_string(body, field, "", kNarrativeMaxChars);
    (std::string(field) == "difficulties" ? p.difficulties : p.proposals) = text;
  }
  return p;
}

Contribution apply_patch(const Contribution& base, const ContributionPatch& patch) {
  Contribution out = base;
  for (const auto& [area, text] : patch.narratives) {
    if (text.empty()) {
      out.narratives.erase(area);
    } else {
      out.narratives[area] = text;
    }
  }
  for (const auto& [code, n] : patch.figures) out.figures[code] = n;
  if (patch.difficulties) out.difficulties = *patch.difficulties;
  if (patch.proposals) out.proposals = *patch.proposals;
  return out;
}

}  // namespace thidua::reports
