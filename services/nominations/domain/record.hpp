#pragma once
// A nomination as stored and shown: the draft, where it stands, and what was decided.
// How it is shown is api/record_json's, how it is stored store/nomination_codec's; the
// outcome's parts are in domain/outcome.hpp, the vote's in domain/council.hpp.
#include <optional>
#include <string>
#include <vector>

#include "nominations/domain/council.hpp"
#include "nominations/domain/nomination.hpp"
#include "nominations/domain/outcome.hpp"

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
  Outcome outcome;                   // approval, rejection, forwarding, decision…
  std::optional<RecordedVote> vote;  // none until the council votes
};

// A page of the list, oldest first; `next_after` is set when more follow.
struct NominationPage {
  std::vector<NominationRecord> items;
  std::optional<std::string> next_after;
};

// Whether the website lists it: awarded, by a recorded decision (issue 14: approved and
// forwarded nominations were shown and counted as honours).
bool is_public_honour(const NominationRecord& r);

}  // namespace thidua::nominations
