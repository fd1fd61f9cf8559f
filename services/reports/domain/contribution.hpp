#pragma once
// A unit's part of the yearly report: per content area of the movement (II.1–II.6) a short
// narrative, the indicators the plan counts (section VI.2.3), difficulties and proposals.
#include <map>
#include <string>
#include <vector>

#include "reports/domain/indicators.hpp"

namespace thidua::reports {

struct Contribution {
  std::string unit_id;
  int year = 0;
  std::map<std::string, std::string> narratives;  // content area → text
  std::map<std::string, long long> figures;       // indicator → count (the year's list)
  std::string difficulties;
  std::string proposals;
  // The record: kept by the store, set by the use cases.
  bool submitted = false;
  bool late = false;
  std::string updated_by, updated_at, submitted_by, submitted_at;
  // How many times the content was written: a merge (PATCH) is saved only onto the version
  // it was made from (the store's compare-and-set).
  long long revision = 0;
};

// One entry of a part's history (issue 14): submitted, or reopened by the board with a reason.
struct PartEvent {
  std::string action;  // submitted, reopened
  std::string by;
  std::string at;
  std::string reason;  // reopened: why
};

inline constexpr std::size_t kNarrativeMaxChars = 4000;
inline constexpr long long kFigureMax = 1000000;

// A unit's part before anything is written: no text, every indicator of the year's list at 0.
Contribution empty_contribution(const std::string& unit_id, int year,
                                const std::vector<Indicator>& indicators);
// A count an indicator may hold: 0 to kFigureMax.
bool figure_allowed(long long n);

}  // namespace thidua::reports
