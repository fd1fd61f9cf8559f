#pragma once
// A nomination as stored and shown: the draft, where it stands, and what was decided.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "nominations/domain/nomination.hpp"

namespace thidua::nominations {

struct NominationRecord {
  std::string id;
  NominationDraft draft;
  Status status = Status::Draft;
  std::string subject_name;
  std::string unit_id;
  std::string unit_name;
  std::string award_label;
  std::string period_label;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  nlohmann::json outcome = nlohmann::json::object();  // rejection, forwarding, decision…
  nlohmann::json vote;                                // null until the council votes
};

// Everything, for people with access to the nomination.
nlohmann::json to_json(const NominationRecord& r);
// The compact form events carry and lists show.
nlohmann::json summary_json(const NominationRecord& r);
// What the school website may show: no reasons under review, no staff or Zalo ids.
nlohmann::json public_json(const NominationRecord& r);

}  // namespace thidua::nominations
