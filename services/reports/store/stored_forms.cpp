#include "reports/store/stored_forms.hpp"
#include "core/json_read.hpp"

#include <nlohmann/json.hpp>

namespace thidua::reports {
namespace {
using nlohmann::json;

// A JSON object from stored text; an empty object when it is not one.
json object_of(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  return j.is_object() ? j : json::object();
}

}  // namespace

std::string stored_deadline(const Deadline& d) {
  json j = {{"id", d.id},
            {"name", d.name},
            {"recipient", d.recipient},
            {"rule", rule_name(d.rule)},
            {"owed_by", owner_name(d.owed_by)}};
  if (!d.document.empty()) j["document"] = d.document;
  if (d.rule == RuleKind::Once) {
    j["date"] = iso_date(d.once);
  } else {
    if (d.rule == RuleKind::Yearly) {
      j["month"] = d.month;
      j["day"] = d.day;
    }
    j["first_year"] = d.first_year;
    j["last_year"] = d.last_year;
  }
  return j.dump();
}

Deadline deadline_from_stored(const std::string& text) {
  auto j = object_of(text);
  Deadline d;
  d.id = json_read::text(j, "id");
  d.name = json_read::text(j, "name");
  d.recipient = json_read::text(j, "recipient");
  d.rule = rule_named(json_read::text(j, "rule")).value_or(RuleKind::Yearly);
  d.owed_by = owner_named(json_read::text(j, "owed_by")).value_or(Owner::Units);
  d.document = json_read::text(j, "document");
  d.month = json_read::integer(j, "month", d.month);
  d.day = json_read::integer(j, "day", d.day);
  d.first_year = json_read::integer(j, "first_year", d.first_year);
  d.last_year = json_read::integer(j, "last_year", d.last_year);
  if (auto date = parse_iso_date(json_read::text(j, "date")); d.rule == RuleKind::Once && date) {
    d.once = *date;
    d.first_year = d.last_year = date->year;
  }
  return d;
}

std::string stored_contribution(const Contribution& c) {
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
  return j.dump();
}

Contribution contribution_from_stored(const std::string& text) {
  auto j = object_of(text);
  Contribution c;
  c.unit_id = json_read::text(j, "unit_id");
  c.year = json_read::integer(j, "year", 0);
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
  c.difficulties = json_read::text(j, "difficulties");
  c.proposals = json_read::text(j, "proposals");
  c.submitted = json_read::text(j, "status") == "submitted";
  auto late = j.find("late");
  c.late = late != j.end() && late->is_boolean() && late->get<bool>();
  c.updated_by = json_read::text(j, "updated_by");
  c.updated_at = json_read::text(j, "updated_at");
  c.submitted_by = json_read::text(j, "submitted_by");
  c.submitted_at = json_read::text(j, "submitted_at");
  return c;
}

std::string stored_indicators(const std::vector<Indicator>& list) {
  json doc = json::array();
  for (const auto& i : list) {
    doc.push_back({{"code", i.code}, {"label", i.label}, {"area", i.area}, {"unit", i.unit}});
  }
  return doc.dump();
}

std::optional<std::vector<Indicator>> indicators_from_stored(const std::string& text) {
  auto doc = json::parse(text, nullptr, false);
  if (!doc.is_array()) return std::nullopt;
  std::vector<Indicator> out;
  for (const auto& i : doc) {
    if (!i.is_object()) continue;
    out.push_back({json_read::text(i, "code"), json_read::text(i, "label"),
                   json_read::text(i, "area"), json_read::text(i, "unit")});
  }
  return out;
}

std::string stored_part_event(const PartEvent& e) {
  json j = {{"action", e.action}, {"by", e.by}, {"at", e.at}};
  if (!e.reason.empty()) j["reason"] = e.reason;
  return j.dump();
}

std::optional<PartEvent> part_event_from_stored(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return PartEvent{json_read::text(j, "action"), json_read::text(j, "by"), json_read::text(j, "at"),
                   json_read::text(j, "reason")};
}

std::string stored_submission(const std::string& unit, const std::string& by, const std::string& at,
                              bool late) {
  return json{{"unit_id", unit}, {"by", by}, {"at", at}, {"late", late}}.dump();
}

std::string stored_deliveries(const std::vector<Delivery>& list) {
  json out = json::array();
  for (const auto& d : list) {
    out.push_back({{"to", d.to},
                   {"unit_id", d.unit_id},
                   {"outcome", d.outcome},
                   {"notification_id", d.notification_id}});
  }
  return out.dump();
}

std::vector<Delivery> deliveries_from_stored(const std::string& text) {
  std::vector<Delivery> out;
  auto j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& d : j) {
    if (!d.is_object()) continue;
    out.push_back({json_read::text(d, "to"), json_read::text(d, "unit_id"),
                   json_read::text(d, "outcome"), json_read::text(d, "notification_id")});
  }
  return out;
}

}  // namespace thidua::reports
