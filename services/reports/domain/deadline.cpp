#include "reports/domain/deadline.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "http/json_io.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;

bool plain_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return id[0] != '-';
}

int int_field(const json& j, const std::string& field, int fallback, int min, int max) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_number_integer() || it->get<long long>() < min || it->get<long long>() > max) {
    throw bad_request("invalid_field", say("problem.bad_integer", {{"field", field},
                                                                   {"min", std::to_string(min)},
                                                                   {"max", std::to_string(max)}}));
  }
  return it->get<int>();
}
}  // namespace

Deadline yearly_report_deadline() {
  Deadline d;
  d.id = "bao-cao-nam";
  d.name = "Báo cáo kết quả thực hiện phong trào thi đua đổi mới sáng tạo và chuyển đổi số";
  d.recipient = "UBND xã (qua Phòng Văn hóa – Xã hội)";
  return d;
}

UnitDueDay UnitDueDay::parse(const std::string& text, const std::string& setting) {
  UnitDueDay u;
  char tail = 0;
  if (text.size() != 5 || text[2] != '-' ||
      std::sscanf(text.c_str(), "%2d-%2d%c", &u.month, &u.day, &tail) != 2 ||
      !valid_date({2028, u.month, u.day})) {
    throw ConfigError(setting + ": expected a day of the year as MM-DD (e.g. 10-20), got '" + text +
                      "'");
  }
  return u;
}

std::vector<LocalDate> occurrences_between(const Deadline& d, LocalDate from, LocalDate to,
                                           UnitDueDay units_due) {
  std::vector<LocalDate> out;
  if (d.rule == RuleKind::Once) {
    if (d.once >= from && d.once <= to) out.push_back(d.once);
    return out;
  }
  int month = d.rule == RuleKind::UnitsDue ? units_due.month : d.month;
  int day = d.rule == RuleKind::UnitsDue ? units_due.day : d.day;
  for (int year = std::max(from.year, d.first_year); year <= std::min(to.year, d.last_year);
       ++year) {
    LocalDate due{year, month, day};
    if (!valid_date(due)) continue;  // 29 February in a common year
    if (due >= from && due <= to) out.push_back(due);
  }
  return out;
}

std::vector<Occurrence> next_occurrences(const Deadline& d, LocalDate today, int count,
                                         UnitDueDay units_due) {
  std::vector<Occurrence> out;
  int last = d.rule == RuleKind::Once ? d.once.year : d.last_year;
  if (last < today.year) return out;
  for (auto due : occurrences_between(d, today, {last, 12, 31}, units_due)) {
    if (static_cast<int>(out.size()) >= count) break;
    out.push_back({due, days_between(today, due)});
  }
  return out;
}

std::optional<Occurrence> next_occurrence(const Deadline& d, LocalDate today,
                                          UnitDueDay units_due) {
  auto next = next_occurrences(d, today, 1, units_due);
  if (next.empty()) return std::nullopt;
  return next.front();
}

LocalDate unit_due_date(LocalDate due, UnitDueDay units_due) {
  LocalDate own{due.year, units_due.month, units_due.day};
  if (!valid_date(own)) own = {due.year, units_due.month, 28};
  return std::min(own, due);
}

std::string_view rule_name(RuleKind rule) {
  switch (rule) {
    case RuleKind::Yearly:
      return "yearly";
    case RuleKind::Once:
      return "once";
    case RuleKind::UnitsDue:
      return "units_due";
  }
  return "yearly";
}

std::string_view owner_name(Owner owner) {
  switch (owner) {
    case Owner::Units:
      return "units";
    case Owner::School:
      return "school";
    case Owner::Registrations:
      return "registrations";
  }
  return "units";
}

Deadline parse_deadline(const json& j) {
  if (!j.is_object()) throw bad_request("expected_object", say("problem.deadline_shape"));
  Deadline d;
  d.id = http::required_string(j, "id", 64);
  if (!plain_id(d.id)) {
    throw bad_request("invalid_id", say("problem.deadline_id"));
  }
  d.name = http::required_string(j, "name", 300);
  d.recipient = http::required_string(j, "recipient", 300);
  auto rule = http::optional_string(j, "rule", "yearly", 16);
  if (rule == "yearly") {
    d.rule = RuleKind::Yearly;
  } else if (rule == "once") {
    d.rule = RuleKind::Once;
  } else if (rule == "units_due") {
    d.rule = RuleKind::UnitsDue;
  } else {
    throw bad_request("invalid_rule", say("problem.deadline_rule"));
  }
  auto owner = http::optional_string(j, "owed_by", "units", 16);
  if (owner == "units") {
    d.owed_by = Owner::Units;
  } else if (owner == "school") {
    d.owed_by = Owner::School;
  } else if (owner == "registrations") {
    d.owed_by = Owner::Registrations;
  } else {
    throw bad_request("invalid_owner", say("problem.deadline_owner"));
  }
  const bool document_given = j.contains("document") && !j["document"].is_null();
  d.document = http::optional_string(j, "document", "", 32);
  if (document_given && d.document != "yearly_report") {
    throw bad_request("invalid_document", say("problem.deadline_document"));
  }
  // Every field given is checked, whether the rule uses it or not: a body is well formed or
  // not whatever its rule (400); rules between fields come after (422).
  d.month = int_field(j, "month", 10, 1, 12);
  d.day = int_field(j, "day", 30, 1, 31);
  d.first_year = int_field(j, "first_year", kFirstYear, 2000, 2100);
  d.last_year = int_field(j, "last_year", kLastYear, 2000, 2100);
  std::optional<LocalDate> date;
  if (auto it = j.find("date"); it != j.end() && !it->is_null()) {
    date = parse_iso_date(http::required_string(j, "date", 10));
    if (!date) throw bad_request("invalid_date", say("problem.deadline_date"));
  }
  if (!d.document.empty() && d.owed_by != Owner::School) {
    // The units' parts complete a units' deadline; a document completes the school's own.
    throw unprocessable("document_needs_school", say("problem.document_needs_school"));
  }
  if (d.rule == RuleKind::Once) {
    if (!date) throw bad_request("missing_field", say("problem.once_needs_date"));
    d.once = *date;
    d.first_year = d.last_year = date->year;
  } else {
    if (d.last_year < d.first_year) {
      throw unprocessable("invalid_years", say("problem.years_order"));
    }
    if (d.rule == RuleKind::Yearly && !valid_date({2028, d.month, d.day})) {
      throw unprocessable("no_such_day", say("problem.no_such_day"));
    }
  }
  return d;
}

json to_json(const Deadline& d) {
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
  return j;
}

}  // namespace thidua::reports
