// Correcting a council meeting (domain/meeting_correction.hpp): free while nothing was voted
// at it; its date and numbers fixed once a vote counts on them; closed once a vote of it was
// the ground of a decision. No Redis.
#include "nominations/domain/meeting_correction.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace thidua::nominations {
namespace {

Meeting meeting(int total, int present) {
  Meeting m;
  m.id = "3";
  m.date = "2026-11-20";
  m.members_total = total;
  m.members_present = present;
  m.place = "Phòng họp";
  return m;
}

NominationRecord voted(const std::string& id, const std::string& meeting_id, Status status) {
  NominationRecord r;
  r.id = id;
  r.status = status;
  RecordedVote v;
  v.ballot.meeting_id = meeting_id;
  v.ballot.yes = 5;
  v.ballot.no = 1;
  v.outcome.passed = true;
  r.vote = v;
  return r;
}

// "accepted", or the refusal's status and code.
std::string outcome(const Meeting& before, const Meeting& after, const MeetingLock& lock) {
  try {
    check_meeting_correction(before, after, lock);
  } catch (const ApiError& e) {
    return std::to_string(e.status()) + " " + e.code();
  }
  return "accepted";
}

TEST(MeetingCorrection, TheLockComesFromTheVotesThatNameTheMeeting) {
  NominationRecord unvoted;
  unvoted.id = "1";
  unvoted.status = Status::UnderReview;
  auto lock =
      meeting_lock({unvoted, voted("2", "3", Status::UnderReview), voted("4", "7", Status::Awarded),
                    voted("5", "3", Status::Approved), voted("6", "3", Status::Rejected)},
                   "3");
  EXPECT_EQ(lock.voted, (std::vector<std::string>{"2", "5", "6"}));
  EXPECT_EQ(lock.decided_id, "5");  // the first decided, in the records' order
  EXPECT_EQ(lock.decided_status, Status::Approved);
  EXPECT_FALSE(lock.editable());
  EXPECT_TRUE(lock.counts_fixed());

  auto fresh = meeting_lock({voted("4", "7", Status::Awarded)}, "3");
  EXPECT_TRUE(fresh.editable());
  EXPECT_FALSE(fresh.counts_fixed());
}

TEST(MeetingCorrection, DecidedStatusesAreThoseAfterTheCouncil) {
  for (Status s : {Status::Approved, Status::Rejected, Status::Forwarded, Status::Awarded,
                   Status::NotAwarded}) {
    EXPECT_TRUE(decided_upon_vote(s)) << status_name(s);
  }
  // A withdrawal is the proposer's, not a decision upon the vote.
  for (Status s : {Status::Draft, Status::Submitted, Status::UnderReview, Status::Withdrawn}) {
    EXPECT_FALSE(decided_upon_vote(s)) << status_name(s);
  }
}

TEST(MeetingCorrection, AnythingGoesBeforeTheFirstVote) {
  auto after = meeting(7, 5);
  after.date = "2026-11-21";
  after.place = "Thư viện";
  EXPECT_EQ(outcome(meeting(9, 7), after, MeetingLock{}), "accepted");
}

TEST(MeetingCorrection, WithVotesTheDateAndTheNumbersStay) {
  auto lock = meeting_lock({voted("2", "3", Status::UnderReview)}, "3");
  auto after = meeting(9, 7);
  after.place = "Thư viện";
  after.agenda = "Xét đề nghị khen thưởng năm 2026";
  after.start_time = "14:00";
  EXPECT_EQ(outcome(meeting(9, 7), after, lock), "accepted");
  EXPECT_EQ(outcome(meeting(9, 7), meeting(9, 6), lock), "409 meeting_has_votes");
  EXPECT_EQ(outcome(meeting(9, 7), meeting(8, 7), lock), "409 meeting_has_votes");
  auto moved = meeting(9, 7);
  moved.date = "2026-11-19";
  EXPECT_EQ(outcome(meeting(9, 7), moved, lock), "409 meeting_has_votes");
}

TEST(MeetingCorrection, ADecisionUponItsVoteClosesTheMeeting) {
  auto lock = meeting_lock({voted("2", "3", Status::Approved)}, "3");
  auto after = meeting(9, 7);
  after.place = "Thư viện";
  EXPECT_EQ(outcome(meeting(9, 7), after, lock), "409 meeting_decided");
  try {
    check_meeting_correction(meeting(9, 7), after, lock);
  } catch (const ApiError& e) {
    EXPECT_NE(e.detail().find("20/11/2026"), std::string::npos) << e.detail();
    EXPECT_NE(e.detail().find("số 2"), std::string::npos) << e.detail();
  }
}

// What a vote is counted on: a correction of anything else does not touch it.
TEST(MeetingCorrection, AVoteIsCountedOnTheDateAndTheNumbers) {
  auto renamed = meeting(9, 7);
  renamed.place = "Thư viện";
  renamed.chair_id = "hd-a";
  EXPECT_FALSE(counts_changed(meeting(9, 7), renamed));
  EXPECT_TRUE(counts_changed(meeting(9, 7), meeting(9, 6)));
  EXPECT_TRUE(counts_changed(meeting(9, 7), meeting(10, 7)));
  auto moved = meeting(9, 7);
  moved.date = "2026-11-19";
  EXPECT_TRUE(counts_changed(meeting(9, 7), moved));
}

// The loser of a vote and a correction at the same moment: 409, what happened, what to do.
TEST(MeetingCorrection, TheLoserOfARaceIsToldWhatHappenedAndWhatToDo) {
  const Meeting m = meeting(9, 7);
  ApiError vote = vote_overtaken(m);
  EXPECT_EQ(vote.status(), 409);
  EXPECT_EQ(vote.code(), "meeting_changed");
  EXPECT_NE(vote.detail().find("số 3 ngày 20/11/2026 vừa được sửa"), std::string::npos)
      << vote.detail();
  EXPECT_NE(vote.detail().find("ghi lại biểu quyết"), std::string::npos) << vote.detail();
  ApiError by_vote = correction_overtaken_by_votes(m);
  EXPECT_EQ(by_vote.status(), 409);
  EXPECT_EQ(by_vote.code(), "meeting_votes_changed");
  EXPECT_NE(by_vote.detail().find("biểu quyết tại cuộc họp này vừa được ghi"), std::string::npos)
      << by_vote.detail();
  EXPECT_NE(by_vote.detail().find("sửa lại"), std::string::npos) << by_vote.detail();
  ApiError by_correction = correction_overtaken_by_correction(m);
  EXPECT_EQ(by_correction.code(), "meeting_changed");
  EXPECT_NE(by_correction.detail().find("người khác sửa"), std::string::npos)
      << by_correction.detail();
}

}  // namespace
}  // namespace thidua::nominations
