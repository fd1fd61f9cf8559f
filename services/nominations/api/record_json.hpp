#pragma once
// Nominations as the API shows them: the detail, a page of the list and what the school
// website may see. The detail is the service's hottest read: written directly as text
// (core/json_writer), it costs a fraction of a JSON tree.
#include <nlohmann/json.hpp>
#include <string>

#include "core/json_writer.hpp"
#include "nominations/app/nominations_app.hpp"
#include "nominations/domain/history.hpp"
#include "nominations/domain/record.hpp"

namespace thidua::nominations {

// Everything, for people with access to the nomination. `allowed_actions` lists the workflow
// actions `viewer` may take now (offered_actions: the recorded vote rules one out).
std::string detail_json(const NominationRecord& r, Role viewer);
// A recorded vote as PUT /nominations/{id}/vote answers it and the detail's "vote" shows it:
// meeting_id, meeting_date, yes, no, abstain, secret_ballot, quorum_met, passed,
// approvals_needed, summary, recorded_by, recorded_at.
void write_vote(JsonWriter& w, const RecordedVote& v);
std::string vote_json(const RecordedVote& v);

// What was decided (proto: Outcome), as the detail and "Trang của tôi" show it: a member per
// part that is set, under the names of domain/outcome.hpp; {} when nothing is.
void write_outcome(JsonWriter& w, const Outcome& o);

// {"items": [summary…], "next_after": id or null}; `with_outcome`: each summary with its
// `outcome`, as "Trang của tôi" shows them (proto: MyNominationPage).
std::string page_json(const NominationPage& page, bool with_outcome = false);
// A nomination's history (proto: HistoryEntry), oldest first, as GET /history and the full
// detail show it: [{action, at, by, by_name, exception_reason (when set), from, note, to}],
// members in this (alphabetical) order, as they have always been on the wire.
std::string history_json(const std::vector<HistoryEntry>& entries);

// What the school website may show of an honour: no reasons, no staff or Zalo ids; the
// achievement only as the board worded it for the public.
nlohmann::json public_json(const NominationRecord& r);
// GET /public/honours: {"items": [public_json…], "counts": [{award, award_label, count}]}.
nlohmann::json honours_json(const Honours& h);

}  // namespace thidua::nominations
