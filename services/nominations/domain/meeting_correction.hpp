#pragma once
// Correcting a council meeting after it was recorded (issue 12, "Hội đồng": the secretary
// fixes a place mistyped, a member marked absent by mistake), and what the votes taken at it
// allow. The rule, written once here:
//  - a meeting whose vote has already been the ground of a decision on a nomination
//    (approved, rejected, forwarded, awarded or not awarded) is as the decision took it: not
//    corrected any more (409 meeting_decided);
//  - while only votes are recorded at it, the votes were counted against its date and its
//    numbers (members, members present; the vote's quorum and the bar it passed come from
//    them, and each vote keeps the date): those stay, the rest (names, chair, secretary,
//    place, times, agenda, note) may be corrected (409 meeting_has_votes);
//  - with no vote yet, anything may be corrected, under the same checks as a new meeting.
// Pure: the records and the meetings in, a decision or an ApiError out.
//
// Applied atomically: the check reads the meeting and the votes, the write happens later, and
// a vote or a decision can land in between (and the other way round for a vote, which reads
// the meeting). The store's scripts (nomination_store_council.cpp) write only while what the
// check read is still what is stored; when it is not, the loser gets one of the refusals below.
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "nominations/domain/council.hpp"
#include "nominations/domain/record.hpp"

namespace thidua::nominations {

// What the votes recorded at one meeting allow of its correction.
struct MeetingLock {
  std::vector<std::string> voted;  // nominations whose vote names the meeting, in `all`'s order
  std::string decided_id;          // the first of them decided upon its vote; "" for none
  Status decided_status = Status::Draft;
  bool editable() const { return decided_id.empty(); }
  bool counts_fixed() const { return !voted.empty(); }
};

// Whether a nomination in `s` has been decided upon the council's vote.
bool decided_upon_vote(Status s);

// The lock of meeting `meeting_id` from every nomination (their recorded votes).
MeetingLock meeting_lock(const std::vector<NominationRecord>& all, const std::string& meeting_id);

// Throws ApiError 409 meeting_decided or meeting_has_votes when `after` may not replace
// `before` (both already checked as meetings, e.g. by settle_meeting); returns otherwise.
void check_meeting_correction(const Meeting& before, const Meeting& after, const MeetingLock& lock);

// Whether `after` changes what a vote is counted on: the date and the numbers of members and
// of members present (the quorum and the bar come from them).
bool counts_changed(const Meeting& before, const Meeting& after);

// The refusals (409) when a write finds that what its check read has changed since; `read` is
// the meeting as the check read it. A vote recorded while the meeting was corrected
// (meeting_changed); a correction while a vote was recorded or a nomination voted at it was
// decided (meeting_votes_changed), or while someone else corrected it (meeting_changed).
ApiError vote_overtaken(const Meeting& read);
ApiError correction_overtaken_by_votes(const Meeting& read);
ApiError correction_overtaken_by_correction(const Meeting& read);

}  // namespace thidua::nominations
