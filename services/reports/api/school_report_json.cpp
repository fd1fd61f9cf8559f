#include "reports/api/school_report_json.hpp"

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;
}  // namespace

json to_json(const SchoolReport& r) {
  auto totals = r.totals();
  json areas = json::array();
  for (const auto& area : content_areas()) {
    json parts = json::array();
    for (const auto& u : r.units) {
      auto it = r.submitted.find(u.id);
      if (it == r.submitted.end()) continue;
      auto text = it->second.narratives.find(area.code);
      if (text != it->second.narratives.end()) {
        parts.push_back({{"unit_id", u.id}, {"unit_name", u.name}, {"text", text->second}});
      }
    }
    json figures = json::array();
    for (const auto& i : r.indicators) {
      if (i.area == area.code) {
        figures.push_back(
            {{"code", i.code}, {"label", i.label}, {"unit", i.unit}, {"total", totals[i.code]}});
      }
    }
    areas.push_back(
        {{"code", area.code}, {"label", area.label}, {"narratives", parts}, {"figures", figures}});
  }
  json units = json::array();
  for (const auto& u : r.units) {
    auto it = r.submitted.find(u.id);
    json entry = {{"unit_id", u.id}, {"unit_name", u.name}, {"submitted", it != r.submitted.end()}};
    entry["late"] = it != r.submitted.end() && it->second.late;
    entry["submitted_at"] = it != r.submitted.end() ? json(it->second.submitted_at) : json(nullptr);
    units.push_back(entry);
  }
  json missing = json::array();
  for (const auto* u : r.missing()) missing.push_back({{"unit_id", u->id}, {"unit_name", u->name}});
  json difficulties = json::array();
  json proposals = json::array();
  for (const auto& u : r.units) {
    auto it = r.submitted.find(u.id);
    if (it == r.submitted.end()) continue;
    if (!it->second.difficulties.empty()) {
      difficulties.push_back(
          {{"unit_id", u.id}, {"unit_name", u.name}, {"text", it->second.difficulties}});
    }
    if (!it->second.proposals.empty()) {
      proposals.push_back(
          {{"unit_id", u.id}, {"unit_name", u.name}, {"text", it->second.proposals}});
    }
  }
  json totals_json = json::object();
  for (const auto& [code, n] : totals) totals_json[code] = n;
  json sent = nullptr;
  if (r.sent) {
    sent = {
        {"sent_on", iso_date(r.sent->sent_on)},
        {"sent_on_vn", vn_date(r.sent->sent_on)},
        {"number", r.sent->number},
        {"marked_by", r.sent->marked_by},
        {"marked_at", r.sent->marked_at},
        {"document_id", r.sent->document_id.empty() ? json(nullptr) : json(r.sent->document_id)}};
  }
  return {{"year", r.year},
          {"school", r.school.name},
          {"recipient", r.school.recipient},
          {"title", r.school.title},
          {"status", r.sent ? "sent" : "open"},
          {"sent", sent},
          {"units", units},
          {"missing", missing},
          {"areas", areas},
          {"totals", totals_json},
          {"difficulties", difficulties},
          {"proposals", proposals},
          {"sections", to_json(r.sections)}};
}

json to_json(const SchoolSections& s) {
  json out = json::object();
  for (const auto& info : school_sections()) out[std::string(info.key)] = s.of(info.section);
  json unwritten_keys = json::array();
  for (const auto& info : unwritten(s)) unwritten_keys.push_back(info.key);
  out["unwritten"] = unwritten_keys;
  out["updated_by"] = s.updated_by.empty() ? json(nullptr) : json(s.updated_by);
  out["updated_at"] = s.updated_at.empty() ? json(nullptr) : json(s.updated_at);
  return out;
}

SectionsPatch parse_sections_patch(const json& body) {
  SectionsPatch patch;
  for (auto it = body.begin(); it != body.end(); ++it) {
    auto section = section_of_key(it.key());
    if (!section) {
      throw bad_request("unknown_section",
                        say("problem.unknown_section", {{"field", text::excerpt(it.key(), 32)}}));
    }
    if (it->is_null()) continue;
    patch[*section] = http::optional_string(body, it.key(), "", kSectionMaxChars);
  }
  return patch;
}

json public_figures_json(const std::vector<YearFigures>& years) {
  json out = json::array();
  for (const auto& y : years) {
    json figures = json::array();
    for (const auto& [i, total] : y.figures) {
      figures.push_back({{"code", i.code},
                         {"label", i.label},
                         {"area", i.area},
                         {"unit", i.unit},
                         {"total", total}});
    }
    out.push_back({{"year", y.year}, {"units_reported", y.units_reported}, {"figures", figures}});
  }
  return json{{"years", out}};
}

SentRequest parse_sent(const json& body) {
  SentRequest out;
  auto on = parse_iso_date(http::required_string(body, "sent_on", 10));
  if (!on) throw bad_request("invalid_date", say("problem.sent_on_format"));
  out.sent_on = *on;
  // Each may be left out; when given, it is checked as a required one is.
  auto given = [&body](const char* field) { return body.contains(field); };
  if (given("number")) out.number = http::required_string(body, "number", 64);
  if (given("document_id")) out.document_id = http::required_string(body, "document_id", 40);
  return out;
}

}  // namespace thidua::reports
