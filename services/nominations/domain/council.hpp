#pragma once
// Council (Hội đồng Thi đua – Khen thưởng) meetings and votes. Education-sector practice,
// kept as settings: a meeting is valid with at least 2/3 of members present, and a
// proposal passes with at least 70 % of those present; secret ballots may have their own bar.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/roles.hpp"

namespace thidua::nominations {

// A ratio as a fraction, compared in integers so 2/3 of 9 is exactly 6.
struct Ratio {
  long long num = 0;
  long long den = 1;
  // "2/3", "70%", "0.7"; throws ConfigError naming `setting` when malformed or not in (0,1].
  static Ratio parse(const std::string& text, const std::string& setting);
  // Smallest whole count that reaches the ratio of `base`.
  long long needed_of(long long base) const { return (base * num + den - 1) / den; }
};

struct VoteRules {
  Ratio quorum{2, 3};
  Ratio approval{70, 100};
  Ratio secret_approval{70, 100};
  bool base_is_all_members = false;  // count approval against all members, not those present
};

// A member of the council at a meeting, by name from the staff records (issue 11: the
// minutes name who was there and who was not).
struct MeetingMember {
  std::string staff_id;
  std::string name;
  std::string position;
  bool present = true;
};

struct Meeting {
  std::string id;
  std::string date;  // ISO date, local
  int members_total = 0;
  int members_present = 0;
  std::string note;
  // What the minutes (biên bản) record; empty for a meeting recorded with its counts only.
  std::string start_time, end_time;  // "14:00", local
  std::string place;
  std::string agenda;
  std::string chair_id, secretary_id;  // staff ids, among the members present
  std::vector<MeetingMember> members;  // when given, the counts are theirs
  const MeetingMember* member(const std::string& staff_id) const;
};

// A meeting as kept and listed (proto: Meeting): as recorded, with the quorum its members
// needed (VoteRules::quorum) and whether it was met, who recorded it and when, and who last
// corrected it (domain/meeting_correction.hpp). How it is kept is store/meeting_codec's, how
// it is shown api/council_codec's.
struct MeetingRecord {
  struct Correction {
    std::string by;  // staff id
    std::string at;  // ISO instant, UTC
  };
  Meeting meeting;  // with its id
  long long quorum_needed = 0;
  bool quorum_met = false;
  std::string recorded_by;              // staff id
  std::string recorded_at;              // ISO instant, UTC
  std::optional<Correction> corrected;  // none until corrected
};
// `m` as recorded by `by` (staff id) at `at` (ISO instant): with the quorum its members need
// under `rules` and whether those present reach it (as evaluate_vote counts them).
MeetingRecord meeting_record(Meeting m, const VoteRules& rules, std::string by, std::string at);

// A meeting as the API takes it (api/council_codec.hpp): the counts, or the members by staff
// id with their attendance, or both; chair, secretary, place, times, agenda.
struct MeetingForm {
  Meeting meeting;     // its members carry staff_id and present only
  bool named = false;  // the members were listed
  std::optional<int> members_total, members_present;
};
// Names and positions of the staff (id → (name, position)), from the catalogue.
struct StaffName {
  std::string name;
  std::string position;
};
// The meeting as recorded: members named from `staff`, counts computed from them (counts given
// too must agree), then checked. Throws ApiError 400 when no counts can be had (missing_field)
// or check_meeting refuses them; 422 for an unknown person, a member listed twice, counts that
// disagree with the names, a chair or secretary not present, an end before the start.
Meeting settle_meeting(MeetingForm form, const std::map<std::string, StaffName>& staff);

struct Vote {
  std::string meeting_id;
  int yes = 0;
  int no = 0;
  int abstain = 0;
  bool secret_ballot = false;
};

struct VoteOutcome {
  bool quorum_met = false;
  bool passed = false;
  long long quorum_needed = 0;
  long long approvals_needed = 0;
  std::string summary;  // Vietnamese, e.g. "7/9 thành viên có mặt; 6 tán thành (cần 5)"
};

// A vote as a nomination keeps it: the ballot, what it gave, at which meeting and by whom.
// Stored by store/nomination_codec and shown by api/record_json under the same names as the
// fields here (meeting_id, yes, no, abstain, secret_ballot from the ballot; quorum_met, passed,
// approvals_needed, summary from the outcome; quorum_needed is not kept).
struct RecordedVote {
  Vote ballot;
  std::string meeting_date;  // YYYY-MM-DD of the meeting when the vote was counted
  VoteOutcome outcome;
  std::string recorded_by;
  std::string recorded_at;  // ISO instant
};

// Checks the numbers (throws ApiError 400/422) and evaluates them against the rules.
VoteOutcome evaluate_vote(const Meeting& meeting, const Vote& vote, const VoteRules& rules);
// Checks a meeting's numbers; throws ApiError 400.
void check_meeting(const Meeting& meeting);

// Who keeps the council's records (meetings, votes, dossier receipts): the board and the
// council.
bool keeps_council_records(Role role);

}  // namespace thidua::nominations
