#pragma once
// The use cases of the reports service: deadlines with who has and has not submitted
// (deadlines_app.cpp), the units' parts (reports_app.cpp), the school's report, the year's
// indicators and the public figures (school_report_app.cpp). Each reads what it needs,
// applies the pure rules of domain/ and writes through the store; they take and answer
// typed structs (views.hpp), which api/ parses and renders.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/roles.hpp"
#include "reports/app/ports.hpp"
#include "reports/app/views.hpp"
#include "reports/domain/contribution_patch.hpp"
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

// Who owes one occurrence (views.hpp's Owing), read from `nominations` for a deadline owed by
// registrations (ApiError 503 registrations_unavailable when they cannot be read).
Task<Owing> who_owes(ReportsStore& store, UnitDirectory& nominations, const Directory& dir,
                     const Deadline& deadline, LocalDate due, const std::string& school_name);

class ReportsApp {
 public:
  // `poster`, when given, tells a unit's leaders privately that the board reopened their
  // part (reopen); without it nobody is told.
  ReportsApp(ReportsStore& store, UnitDirectory& directory, const Clock& clock,
             ReportsSettings settings, ReminderPoster* poster = nullptr);

  // Public: the first occurrence due today or later, over all deadlines (404
  // no_upcoming_deadline after the movement).
  Task<NextDeadline> next_deadline();
  // Every deadline with its next `count` occurrences and, per occurrence, who has and has
  // not submitted. Served when nominations cannot be read too (units_unavailable).
  Task<DeadlinesView> deadlines(int count);
  // Saves `d` (checked by api/deadline_json or the store's reader) as it is.
  Task<void> put_deadline(const Deadline& d);
  // The board marks one occurrence of a deadline the school owes done (`due` its due date).
  // Answers the deadline with that one occurrence as GET /deadlines shows it.
  Task<DeadlineOccurrences> mark_done(const Principal& who, const std::string& id, LocalDate due,
                                      const DoneMark& given);

  // Every unit's state of the year's part, with when it was submitted (domain/submissions).
  Task<YearSubmissions> submissions(int year);
  // The part with its history.
  Task<UnitPart> contribution(const Principal& who, int year, const std::string& unit);
  // Replaces the editable part (`part`: its unit, year and content).
  Task<UnitPart> save_draft(const Principal& who, const Contribution& part);
  // PATCH: changes only the content areas, indicators and texts `patch` names (issue 14);
  // merged onto the stored part and saved only onto the version it was merged with.
  Task<UnitPart> patch_draft(const Principal& who, int year, const std::string& unit,
                             const ContributionPatch& patch);
  // The board reopens a submitted part with a reason (recorded in its history): the unit can
  // edit and submit it again. The unit's leaders with linked Zalo are told privately, with
  // the reason (best effort: a notice that cannot be queued is logged, the part stays open).
  Task<UnitPart> reopen(const Principal& who, int year, const std::string& unit,
                        const std::string& reason);
  // `update`, when given, replaces the content first.
  Task<UnitPart> submit(const Principal& who, int year, const std::string& unit,
                        const std::optional<Contribution>& update);

  // The year's indicators: as the board saved them, else the plan's (default_indicators).
  Task<std::vector<Indicator>> indicators(int year);
  // The board replaces the year's list (issue 14), checked by check_indicator_list; refused
  // (409 indicator_in_use) when it drops an indicator a unit has already counted for. A
  // label or unit renamed shows in every report of that year from then on.
  Task<std::vector<Indicator>> set_indicators(int year, std::vector<Indicator> list);

  Task<SchoolReport> school_report(int year);
  // The board writes its own sections of the year's report (issue 11): only those `patch`
  // names change. 422 sections_empty when it names none. Answers every section as stored.
  Task<SchoolSections> patch_sections(const Principal& who, int year, const SectionsPatch& patch);
  // `issued`: the versions of the year's report issued here, for choose_sent_document().
  // 422 invalid_sent_on for a day before the year or after today.
  Task<SchoolReport> mark_sent(const Principal& who, int year, const SentRequest& sent,
                               const std::vector<IssuedDocument>& issued);
  // Totals per indicator per year from submitted parts: what the website shows. Every year
  // with a submitted part, or `year` alone (even with none).
  Task<std::vector<YearFigures>> public_figures(std::optional<int> year);

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
  // The part as stored with its unit's name, after a write.
  Task<UnitPart> stored_part(int year, const UnitInfo& unit, const Contribution& fallback);
  Task<std::vector<Deadline>> all_deadlines();
  // One occurrence as GET /deadlines lists it; `dir` is empty when units are unavailable.
  Task<OccurrenceState> occurrence_state(const Deadline& d, const Occurrence& o,
                                         const Directory& dir, bool units_available);

  // The private notice of a reopened part to each of the unit's leaders with linked Zalo.
  Task<void> tell_leaders_reopened(const Directory& dir, const UnitInfo& unit, int year,
                                   const PartEvent& event);

  ReportsStore& store_;
  UnitDirectory& directory_;
  const Clock& clock_;
  ReportsSettings settings_;
  ReminderPoster* poster_;
};

}  // namespace thidua::reports
