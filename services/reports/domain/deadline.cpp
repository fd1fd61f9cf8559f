#include "reports/domain/deadline.hpp"

#include <algorithm>
#include <cstdio>

#include "core/errors.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
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

std::optional<RuleKind> rule_named(std::string_view name) {
  for (auto rule : {RuleKind::Yearly, RuleKind::Once, RuleKind::UnitsDue}) {
    if (rule_name(rule) == name) return rule;
  }
  return std::nullopt;
}

std::optional<Owner> owner_named(std::string_view name) {
  for (auto owner : {Owner::Units, Owner::School, Owner::Registrations}) {
    if (owner_name(owner) == name) return owner;
  }
  return std::nullopt;
}

Deadline checked_deadline(Deadline d, std::optional<LocalDate> date) {
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

}  // namespace thidua::reports
