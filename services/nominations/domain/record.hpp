#pragma once
// A nomination as stored and shown: the draft, where it stands, and what was decided.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/json_writer.hpp"
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
  // The round (đợt xét) it was filed in; "" for nominations from before rounds existed.
  std::string round_id;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  nlohmann::json outcome = nlohmann::json::object();  // rejection, forwarding, decision…
  nlohmann::json vote;                                // null until the council votes
};

// A page of the list, oldest first; `next_after` is set when more follow.
struct NominationPage {
  std::vector<NominationRecord> items;
  std::optional<std::string> next_after;
};

// Everything, for people with access to the nomination, as JSON text: the detail is the
// service's hottest read, and written directly it costs a fraction of a JSON tree.
// `allowed_actions` lists the workflow actions `viewer` may take now (available_actions).
std::string detail_json(const NominationRecord& r, Role viewer);
std::string page_json(const NominationPage& page);
// The compact form lists show (written) and events carry (as a tree).
void write_summary(JsonWriter& w, const NominationRecord& r);
nlohmann::json summary_json(const NominationRecord& r);
// Whether the website lists it: awarded, by a recorded decision (issue 14: approved and
// forwarded nominations were shown and counted as honours).
bool is_public_honour(const NominationRecord& r);
// What the school website may show of an honour: no reasons, no staff or Zalo ids; the
// achievement only as the board worded it for the public.
nlohmann::json public_json(const NominationRecord& r);

}  // namespace thidua::nominations
