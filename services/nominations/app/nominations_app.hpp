#pragma once
// The use cases of the nominations service: each reads what it needs, applies the pure
// rules from domain/ and writes through the stores. Handlers only parse and map.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/roles.hpp"
#include "nominations/domain/council.hpp"
#include "nominations/domain/event.hpp"
#include "nominations/domain/meeting_correction.hpp"
#include "nominations/domain/minutes_document.hpp"
#include "nominations/domain/transition_request.hpp"
#include "nominations/store/catalogue_store.hpp"
#include "nominations/store/nomination_store.hpp"
#include "nominations/store/registration_store.hpp"
#include "nominations/store/round_store.hpp"

namespace thidua::nominations {

struct ListFilter {
  std::optional<std::string> period, award, status, unit_id, subject_id;
  // Only nominations this person wrote (`created_by`), for "Trang của tôi"; what the caller
  // may see still limits the answer.
  std::optional<std::string> proposer;
  std::optional<SubjectKind> subject_kind;
  std::size_t limit = 50;
  std::string after;  // the last id of the previous page
};

// Who is signed in, for the dashboard (GET /me, proto: Me): the unit from the staff records,
// none for a caller who is not on the staff list (a bootstrap token) or whose unit is gone.
struct WhoAmI {
  std::string subject;  // staff id, or bootstrap-admin / service
  std::string name;
  Role role = Role::Staff;
  std::optional<std::string> unit_id, unit_name;
  bool writes_nominations = false;     // domain/nomination.hpp
  bool keeps_council_records = false;  // domain/council.hpp
};

// The places of each award form and subject kind in a period (GET /quotas, proto: Quotas).
struct QuotaUse {
  struct Line {
    std::string award;
    std::string award_label;
    SubjectKind subject_kind = SubjectKind::Individual;
    long long used = 0;  // places held (workflow holds_place)
    Quota limit;         // nullopt: not set; kUnlimited: no limit
    // limit - used, never below 0; nullopt when the limit is not set or there is none
    std::optional<long long> remaining;
  };
  std::string period;
  std::string period_label;
  std::vector<Line> items;  // per award form in catalogue order, collective then individual
};

// The public honours list: awarded nominations (is_public_honour) and how many per award form.
struct Honours {
  struct Count {
    std::string award;
    std::string award_label;
    long long count = 0;
  };
  std::vector<NominationRecord> items;
  std::vector<Count> counts;  // by award code
};

class NominationsApp {
 public:
  // `rounds`: nominations are written and submitted only in an open round (domain/round.hpp);
  // `registrations`: a nomination's detail shows its subject's registration of targets.
  NominationsApp(CatalogueStore& catalogue, NominationStore& store, RoundStore& rounds,
                 RegistrationStore& registrations, const Clock& clock, VoteRules rules,
                 std::string school);

  // A draft as api/nomination_codec parsed it; checked here against the catalogue.
  Task<NominationRecord> create(const Principal& who, NominationDraft draft);
  Task<NominationRecord> edit(const Principal& who, const std::string& id, NominationDraft draft);
  // Takes the transition `request` (as api/nomination_codec parsed it) on nomination `id`:
  // the record as it is afterwards (app/nomination_transitions.cpp).
  Task<NominationRecord> act(const Principal& who, const std::string& id,
                             const TransitionRequest& request);
  // Adds an evidence link to achievement `achievement` (0-based) of a nomination, for the
  // nominee, the proposing unit's leader or the board, until the council decides
  // (domain/evidence.hpp); recorded in the history. The record as it is afterwards.
  Task<NominationRecord> add_evidence(const Principal& who, const std::string& id,
                                      std::size_t achievement, const std::string& link);
  // Who the caller is, for the dashboard: name, role, unit, and what they may record.
  Task<WhoAmI> whoami(const Principal& who);
  // One nomination as the caller may see it, with its subject's registration of targets for
  // the period's year (issue 14), when there is one. `full` (?view=full, issue 12 "Fast"):
  // also its history and dossier checklist, read with the same record and catalogue.
  struct Detail {
    NominationRecord record;
    std::optional<Registration> registration;
    std::optional<std::vector<HistoryEntry>> history;  // full only
    std::optional<std::vector<DossierItem>> dossier;   // full only
  };
  Task<Detail> detail(const Principal& who, const std::string& id, bool full = false);
  Task<NominationPage> list(const Principal& who, const ListFilter& filter);
  // "Trang của tôi" (issue 12): the nominations about the caller as an individual and those
  // they wrote, each exactly as list() shows them to the caller (same visibility), at most
  // `limit` of each. Neither for a caller who is not on the staff list (a bootstrap token);
  // no `wrote` for a role that writes no nominations.
  struct Mine {
    std::optional<NominationPage> about, wrote;
  };
  Task<Mine> mine(const Principal& who, std::size_t limit);
  // The history entries, oldest first (each written by history_entry).
  Task<std::vector<HistoryEntry>> history(const Principal& who, const std::string& id);

  // The meeting as recorded (settle_meeting), with its quorum and new id, as stored and listed.
  Task<MeetingRecord> add_meeting(const Principal& who, MeetingForm form);
  // The council's meetings as its screen shows them (issue 12, "Hội đồng"), oldest first:
  // each as recorded, with the votes taken at it and what may still be corrected
  // (app/council_meetings.cpp).
  struct CouncilMeeting {
    MeetingRecord record;               // as stored, with its members, chair and secretary
    std::vector<ConsideredLine> votes;  // the nominations voted on at it
    MeetingLock lock;
  };
  Task<std::vector<CouncilMeeting>> council_meetings();
  // Replaces meeting `id` with `form` (what POST takes, as api/council_codec parsed it), for
  // the board and the council, as domain/meeting_correction.hpp allows. ApiError 404
  // unknown_meeting, the 400/422 of a new meeting (settle_meeting), 409 meeting_decided /
  // meeting_has_votes.
  Task<CouncilMeeting> correct_meeting(const Principal& who, const std::string& id,
                                       MeetingForm form);
  // Records `ballot` (parsed by api/council_codec) on nomination `id`, under review, at its
  // meeting as stored: the vote as kept. ApiError 409 not_under_review, 422 unknown_meeting,
  // the 400/422 of evaluate_vote, 409 meeting_changed when the meeting was corrected meanwhile.
  Task<RecordedVote> record_vote(const Principal& who, const std::string& id, Vote ballot);

  Task<std::vector<DossierItem>> dossier(const Principal& who, const std::string& id);
  // Records `copies` (parse_dossier_copies) of dossier item `item` as received.
  Task<std::vector<DossierItem>> receive_dossier_item(const Principal& who, const std::string& id,
                                                      const std::string& item, int copies);

  // Used / limit / remaining per award and subject kind in a period.
  // ApiError 404 unknown_period.
  Task<QuotaUse> quotas(const std::string& period);
  // Approved and awarded nominations, public fields only.
  Task<Honours> honours(std::optional<int> year, std::optional<std::string> award);

 private:
  Task<NominationRecord> load(const std::string& id);
  // The id of the round of `rounds` open today that a nomination of `draft` is filed in;
  // 422 round_not_open (domain/round.hpp, filing_round).
  std::string filing_round_id(const std::vector<Round>& rounds, const NominationDraft& draft,
                              const Catalogue& c) const;
  // Every round, or none when not `wanted`: a transition reads them beside the record and the
  // catalogue, in the same round trip, only when it files the nomination in the round open
  // today (a submit).
  Task<std::optional<std::vector<Round>>> rounds_if(bool wanted);
  // The acting leader's unit, or "" for roles that see every unit.
  std::string unit_of(const Principal& who, const Catalogue& c) const;
  void check_can_see(const Principal& who, const NominationRecord& r, const Catalogue& c) const;
  Task<void> check_visible(const Principal& who, const NominationRecord& r);
  // The checklist of a nomination already loaded and checked, against catalogue `c`.
  Task<std::vector<DossierItem>> dossier_of(const NominationRecord& r, const Catalogue& c);
  // The event a change of `r` (as it is after the change) publishes, of `type`; a transition
  // says what moved it.
  NominationEvent event(const std::string& type, const NominationRecord& r, const Principal& who,
                        std::optional<EventTransition> transition = std::nullopt) const;
  // The entry a change appends to the history: who, now, what and from which status to which.
  HistoryEntry history_entry(const Principal& who, std::string_view action,
                             std::optional<Status> from, Status to, const std::string& note) const;

  CatalogueStore& catalogue_;
  NominationStore& store_;
  RoundStore& rounds_;
  RegistrationStore& registrations_;
  const Clock& clock_;
  VoteRules rules_;
  std::string school_;
};

}  // namespace thidua::nominations
