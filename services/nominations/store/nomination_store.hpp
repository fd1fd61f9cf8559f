#pragma once
// Nominations in Redis. Every write that must be atomic is one Lua script: a create with
// its uniqueness check, history entry and event; a transition with its status check,
// quota place, history entry and event. nomination_store.cpp (the nominations) and
// nomination_store_council.cpp (votes, the dossier, meetings) are the only code that knows
// these keys.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/keyspace.hpp"
#include "nominations/domain/council.hpp"
#include "nominations/domain/dossier.hpp"
#include "nominations/domain/event.hpp"
#include "nominations/domain/history.hpp"
#include "nominations/domain/record.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::nominations {

struct TransitionWrite {
  Status from = Status::Draft;
  Status to = Status::Draft;
  int quota_limit = kUnlimited;  // checked when the transition takes a place
  // The board recorded why this subject may hold a second award form in the period.
  bool second_award_allowed = false;
  // Written with the status: what was decided so far, when, and the round it is filed in.
  Outcome outcome;
  std::string updated_at;  // ISO instant
  std::string round_id;
  HistoryEntry history;
  NominationEvent event;  // written to the stream as store/event_codec renders it
};

// MeetingChanged: a meeting script found the meeting, or the votes at it, not as read (detail
// "meeting" or "votes").
enum class WriteResult { Ok, Conflict, QuotaFull, Duplicate, OtherAward, MeetingChanged };

struct WriteOutcome {
  WriteResult result = WriteResult::Ok;
  // current status on Conflict, places used on QuotaFull, the other nomination's id on
  // Duplicate and OtherAward
  std::string detail;
};

class NominationStore {
 public:
  NominationStore(RedisPool& redis, Keyspace keys);

  Task<std::string> next_id();
  // Stores a new draft, unless the subject already holds a live nomination for the same
  // award and period (Duplicate, with that nomination's id).
  Task<WriteOutcome> create(const NominationRecord& record, const HistoryEntry& history,
                            const NominationEvent& event);
  // Replaces a draft's content while it is still a draft.
  Task<WriteOutcome> edit_draft(const NominationRecord& before, const NominationRecord& after,
                                const HistoryEntry& history, const NominationEvent& event);
  Task<WriteOutcome> transition(const NominationRecord& record, const TransitionWrite& write);

  Task<std::optional<NominationRecord>> get(const std::string& id) const;
  // A record with `stamp`, its draft as stored: replace_draft writes only while the draft and
  // the status are still what was read (a compare-and-set), so an addition by the nominee
  // and an edit by the leader at the same moment never erase each other.
  struct Versioned {
    NominationRecord record;
    std::string stamp;
  };
  Task<std::optional<Versioned>> get_versioned(const std::string& id) const;
  // Writes `after`'s draft and updated_at and appends `history`, unless the draft or the
  // status changed since `before` was read (Conflict, with the current status).
  Task<WriteOutcome> replace_draft(const Versioned& before, const NominationRecord& after,
                                   const HistoryEntry& history);
  // Every nomination, oldest first (a school has hundreds, not millions).
  Task<std::vector<NominationRecord>> all() const;
  // The entries, oldest first; one this service did not write is left out.
  Task<std::vector<HistoryEntry>> history(const std::string& id) const;

  Task<std::map<std::string, DossierReceipt>> dossier(const std::string& id) const;
  // Sets the copies received of one item and appends `history`, in one step.
  Task<void> receive_dossier_item(const std::string& id, const std::string& item,
                                  const DossierReceipt& receipt, const HistoryEntry& history);

  // Places held per (award, subject kind) in `period`.
  Task<std::map<std::pair<std::string, SubjectKind>, long long>> places_used(
      const std::string& period, const std::vector<std::string>& awards) const;

  // Council meetings, each kept as one document (store/meeting_codec). `record` is stored
  // under a new id and returned with it; meetings() lists them oldest first, and meeting()
  // reads one; a document this store did not write is read as no meeting.
  Task<MeetingRecord> add_meeting(MeetingRecord record);
  Task<std::optional<Meeting>> meeting(const std::string& id) const;
  Task<std::vector<MeetingRecord>> meetings() const;

  // A meeting as a check reads it (its id: the one asked for), with what the write that follows
  // the check compares: the stored document (`stamp`) and the number of votes recorded at it so
  // far (`votes_seen`).
  struct MeetingRead {
    MeetingRecord record;
    std::string stamp;
    std::string votes_seen;
  };
  Task<std::optional<MeetingRead>> meeting_read(const std::string& id) const;
  // Records `vote` (which names `read`'s meeting) on nomination `id` while it is still under
  // review (else Conflict, with its status) and the meeting is still as `read` (else
  // MeetingChanged), and appends `history` in the same step.
  Task<WriteOutcome> record_vote(const std::string& id, const MeetingRead& read,
                                 const RecordedVote& vote, const HistoryEntry& history);
  // Replaces the meeting `read` by `after` (same id), while the meeting is still as `read`
  // (else MeetingChanged "meeting"), no vote was recorded at it since, and the nominations
  // whose vote named it (`voted`, with their status as the check read them) are still in that
  // status (else MeetingChanged "votes").
  Task<WriteOutcome> correct_meeting(const MeetingRead& read, const MeetingRecord& after,
                                     const std::vector<std::pair<std::string, Status>>& voted);

  std::string events_stream() const { return keys_("events"); }

 private:
  // Every write script answers {tag, detail}; the tags are the WriteResult names above.
  static WriteOutcome outcome_of(const RedisReply& reply);
  std::string quota_key(const NominationDraft& d) const;
  RedisPool& redis_;
  Keyspace keys_;
};

}  // namespace thidua::nominations
