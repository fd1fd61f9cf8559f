#pragma once
// A unit's part of the yearly report: per content area of the movement (II.1–II.6) a short
// narrative, the indicators the plan counts (section VI.2.3), difficulties and proposals.
#include <map>
#include <nlohmann/json_fwd.hpp>
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

// The editable part from a request body; checks every field (ApiError 400), the figures
// against the year's `indicators` (every one of them present, at 0 when not given).
Contribution parse_contribution(const nlohmann::json& body, const std::string& unit_id, int year,
                                const std::vector<Indicator>& indicators);
nlohmann::json to_json(const Contribution& c);
// From the stored form (to_json); tolerant of fields added later.
Contribution contribution_from_json(const nlohmann::json& j);

}  // namespace thidua::reports
