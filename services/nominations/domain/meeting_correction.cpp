#include "nominations/domain/meeting_correction.hpp"

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "nominations/domain/messages.hpp"
#include "nominations/domain/workflow.hpp"

namespace thidua::nominations {

bool decided_upon_vote(Status s) {
  switch (s) {
    case Status::Approved:
    case Status::Rejected:
    case Status::Forwarded:
    case Status::Awarded:
    case Status::NotAwarded:
      return true;
    default:
      return false;
  }
}

MeetingLock meeting_lock(const std::vector<NominationRecord>& all, const std::string& meeting_id) {
  MeetingLock lock;
  for (const auto& r : all) {
    if (!r.vote || r.vote->ballot.meeting_id != meeting_id) continue;
    lock.voted.push_back(r.id);
    if (lock.decided_id.empty() && decided_upon_vote(r.status)) {
      lock.decided_id = r.id;
      lock.decided_status = r.status;
    }
  }
  return lock;
}

void check_meeting_correction(const Meeting& before, const Meeting& after,
                              const MeetingLock& lock) {
  const std::string day = vn_date_of(before.date);
  if (!lock.editable()) {
    throw conflict("meeting_decided",
                   say("problem.meeting_decided", {{"date", day},
                                                   {"id", lock.decided_id},
                                                   {"status", status_label(lock.decided_status)}}));
  }
  if (!lock.counts_fixed()) return;
  if (counts_changed(before, after)) {
    throw conflict("meeting_has_votes", say("problem.meeting_has_votes",
                                            {{"date", day},
                                             {"count", std::to_string(lock.voted.size())},
                                             {"present", std::to_string(before.members_present)},
                                             {"total", std::to_string(before.members_total)}}));
  }
}

bool counts_changed(const Meeting& before, const Meeting& after) {
  return after.date != before.date || after.members_total != before.members_total ||
         after.members_present != before.members_present;
}

ApiError vote_overtaken(const Meeting& read) {
  return conflict("meeting_changed", say("problem.vote_meeting_changed",
                                         {{"id", read.id}, {"date", vn_date_of(read.date)}}));
}

ApiError correction_overtaken_by_votes(const Meeting& read) {
  return conflict("meeting_votes_changed", say("problem.meeting_votes_changed",
                                               {{"id", read.id}, {"date", vn_date_of(read.date)}}));
}

ApiError correction_overtaken_by_correction(const Meeting& read) {
  return conflict("meeting_changed", say("problem.meeting_corrected_meanwhile",
                                         {{"id", read.id}, {"date", vn_date_of(read.date)}}));
}

}  // namespace thidua::nominations
