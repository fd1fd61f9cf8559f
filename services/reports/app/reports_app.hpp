#pragma once
// The use cases of the reports service: deadlines with who has and has not submitted, the
// units' parts, the school's report and the public figures. Each reads what it needs,
// applies the pure rules of domain/ and writes through the store; handlers only parse and
// map.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/roles.hpp"
#include "reports/app/ports.hpp"
#include "reports/domain/issued.hpp"
#include "reports/domain/submissions.hpp"
#include "reports/store/reports_store.hpp"

namespace thidua::reports {

struct ReportsSettings {
  UnitDueDay unit_due;
  std::string school_name = "Trường THCS Vĩnh Phong 1";
  std::string school_place = "Vĩnh Phong";
  std::string contact = "Ban giám hiệu";
};

// Who has and who has not done their part of one occurrence: the year's parts for a
// deadline the units owe; for one the school owes, its own completion (domain/completion.hpp),
// with the school as the one "unit" that has or has not done it; for one owed by
// registrations, the units whose people have all registered and those that still owe
// (domain/registration_owing.hpp), read from `nominations` (ApiError 503
// registrations_unavailable when they cannot be read).
struct Owing {
  std::vector<UnitInfo> done;
  std::vector<UnitInfo> missing;
  std::optional<DoneMark> completed;             // the school's: how and when it was done
  std::vector<UnitRegistrations> registrations;  // owed by registrations: every active unit
};
Task<Owing> who_owes(ReportsStore& store, UnitDirectory& nominations, const Directory& dir,
                     const Deadline& deadline, LocalDate due, const std::string& school_name);

class ReportsApp {
 public:
  ReportsApp(ReportsStore& store, UnitDirectory& directory, const Clock& clock,
             ReportsSettings settings);

  // Public: the first occurrence due today or later, over all deadlines.
  Task<nlohmann::json> next_deadline();
  // Every deadline with its next `count` occurrences and, per occurrence, who has and has
  // not submitted. Served when nominations cannot be read too: then `units.available` is
  // false with a `detail`, and a units' deadline has null `submitted` and `missing`.
  Task<nlohmann::json> deadlines(int count);
  Task<nlohmann::json> put_deadline(const std::string& id, const nlohmann::json& body);
  // The board marks one occurrence of a deadline the school owes done (`due` its due date).
  // Answers the deadline's occurrence as GET /deadlines shows it.
  Task<nlohmann::json> mark_done(const Principal& who, const std::string& id, LocalDate due,
                                 const DoneMark& given);

  // Every unit's state of the year's part, with when it was submitted (domain/submissions).
  Task<YearSubmissions> submissions(int year);
  Task<nlohmann::json> contribution(const Principal& who, int year, const std::string& unit);
  Task<nlohmann::json> save_draft(const Principal& who, int year, const std::string& unit,
                                  const nlohmann::json& body);
  // PATCH: changes only the content areas, indicators and texts the body names (issue 14);
  // merged onto the stored part and saved only onto the version it was merged with.
  Task<nlohmann::json> patch_draft(const Principal& who, int year, const std::string& unit,
                                   const nlohmann::json& body);
  // The board reopens a submitted part with a reason (recorded in its history): the unit can
  // edit and submit it again.
  Task<nlohmann::json> reopen(const Principal& who, int year, const std::string& unit,
                              const nlohmann::json& body);
  Task<nlohmann::json> submit(const Principal& who, int year, const std::string& unit,
                              const nlohmann::json& body);

  // The year's indicators: as the board saved them, else the plan's (default_indicators).
  Task<std::vector<Indicator>> indicators(int year);
  // The board replaces the year's list (issue 14), checked by check_indicator_list; refused
  // (409 indicator_in_use) when it drops an indicator a unit has already counted for. A
  // label or unit renamed shows in every report of that year from then on.
  Task<std::vector<Indicator>> set_indicators(int year, std::vector<Indicator> list);

  Task<SchoolReport> school_report(int year);
  // `issued`: the versions of the year's report issued here, for choose_sent_document().
  Task<nlohmann::json> mark_sent(const Principal& who, int year, const nlohmann::json& body,
                                 const std::vector<IssuedDocument>& issued);
  // Totals per indicator per year from submitted parts: what the website shows.
  Task<nlohmann::json> public_figures(std::optional<int> year);

  LocalDate today() const { return local_date(clock_.now()); }
  const ReportsSettings& settings() const { return settings_; }

 private:
  // The units' due date of `year` (THIDUA_UNIT_DUE_DAY): a part submitted after it is late.
  LocalDate units_due(int year) const;
  // The unit a caller may write for: its own (leaders), any (admins); an active one when
  // `writing` (422 unit_inactive). ApiError otherwise.
  const UnitInfo& writable_unit(const Principal& who, const Directory& dir, const std::string& unit,
                                bool writing = true) const;
  void check_can_read(const Principal& who, const Directory& dir, const std::string& unit) const;
  Task<std::vector<Deadline>> all_deadlines();
  // One occurrence as GET /deadlines lists it; `dir` is empty when units are unavailable.
  Task<nlohmann::json> occurrence_json(const Deadline& d, const Occurrence& o, const Directory& dir,
                                       bool units_available);

  ReportsStore& store_;
  UnitDirectory& directory_;
  const Clock& clock_;
  ReportsSettings settings_;
};

}  // namespace thidua::reports
