#pragma once
// The reports service in Redis, and the only code that knows its keys:
//   deadlines, deadlines:seeded          hash id → deadline JSON; set once from the seed
//   contrib:<year>:<unit>                hash: doc, status, late, updated_*, submitted_*, rev
//   contrib:<year>                       set of units with a part (draft or submitted)
//   contrib-log:<year>                   list: each submission, who and when
//   contrib-history:<year>:<unit>        list: the part's submissions and reopenings (JSON)
//   sent:<year>                          hash: the school's report marked sent
//   sections:<year>                      hash: what the board writes (a field per section,
//                                        by its API key), updated_by, updated_at
//   done:<deadline>:<due date>           hash: a deadline the school owes, marked done by
//                                        the board (done_on, number, note, who, when)
//   reminder:<idempotency key>           hash: status claimed|sent|skipped|missed|failed,
//                                        deliveries (JSON: each message's outcome so far)
//   planner:lease                        string: the replica that plans right now
//   indicators:<year>                    string: the year's list of indicators as the board
//                                        edited it (JSON); absent: the plan's default list
// Writes that check a state and change it are one Lua script.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/keyspace.hpp"
#include "redis/redis_pool.hpp"
#include "reports/domain/completion.hpp"
#include "reports/domain/contribution.hpp"
#include "reports/domain/deadline.hpp"
#include "reports/domain/reminder_audience.hpp"
#include "reports/domain/school_report.hpp"

namespace thidua::reports {

struct ReminderState {
  // "" (nothing recorded), claimed, sent, skipped, missed, failed
  std::string status;
  std::string notification_id;  // the group message's, "" when there was none
  // skipped: nothing_owed, all_submitted, rejected, no_recipient; missed: stale, superseded
  // (records older than "missed" have these as skipped)
  std::string reason;
  std::string recorded_at;
  std::string error;  // failed: the last delivery error
  std::string text;   // the group message's
  // Each message of the reminder that has an outcome (group first, then the leaders): what
  // a retry after a failure or a crash does not post again.
  std::vector<Delivery> deliveries;
};

enum class SaveResult { Ok, AlreadySubmitted, Changed };
enum class SubmitResult { Ok, Missing, AlreadySubmitted };
enum class ClaimResult { Claimed, Done, Busy };

class ReportsStore {
 public:
  ReportsStore(RedisPool& redis, Keyspace keys);

  // Loads `seed` once into an empty store; never overwrites later edits. True if loaded.
  Task<bool> seed_deadlines(const std::vector<Deadline>& seed);
  Task<std::vector<Deadline>> deadlines() const;
  Task<void> put_deadline(const Deadline& d);

  // The year's list as the board last saved it; nullopt when never edited.
  Task<std::optional<std::vector<Indicator>>> indicators(int year) const;
  Task<void> put_indicators(int year, const std::vector<Indicator>& list);

  Task<std::optional<Contribution>> contribution(int year, const std::string& unit) const;
  Task<std::vector<Contribution>> contributions(int year) const;
  // Saves the editable part and who edited; a submitted part only when `after_submit`. With
  // `onto`, only if the stored part is still that revision (else Changed: read and merge
  // again), so that two edits of different areas at once both stand.
  Task<SaveResult> save_draft(const Contribution& c, bool after_submit,
                              std::optional<long long> onto = std::nullopt);
  // Records the submission (who, when, late). `update` replaces the content first.
  Task<SubmitResult> submit(int year, const std::string& unit, const std::string& by,
                            const std::string& at, bool late,
                            const std::optional<Contribution>& update);

  // The board reopens a submitted part (back to draft), the reason in its history; false
  // when it is not submitted.
  Task<bool> reopen(int year, const std::string& unit, const PartEvent& event);
  Task<std::vector<PartEvent>> part_history(int year, const std::string& unit) const;

  // What the board has written of the year's report; every section empty when nothing.
  Task<SchoolSections> sections(int year) const;
  // Replaces the sections `patch` names ("" removes one), the others kept, and records `by`
  // (staff id) and `at` (RFC 3339) as the last edit; answers every section as stored then.
  Task<SchoolSections> patch_sections(int year, const SectionsPatch& patch, const std::string& by,
                                      const std::string& at);

  Task<std::optional<SentMark>> sent(int year) const;
  Task<void> mark_sent(int year, const SentMark& mark);

  // A deadline the school owes, marked done by the board for one due date (its occurrence).
  Task<std::optional<DoneMark>> done_mark(const std::string& deadline_id, LocalDate due) const;
  Task<void> mark_done(const std::string& deadline_id, LocalDate due, const DoneMark& mark);

  Task<std::map<std::string, ReminderState>> reminder_states(
      const std::vector<std::string>& keys) const;
  // Takes a reminder for delivery unless it is done or another replica took it less than
  // `claim_ttl_ms` ago (Redis's own clock, so replicas need not agree on time).
  Task<ClaimResult> claim(const std::string& key, const std::string& owner, long long claim_ttl_ms);
  Task<void> record_sent(const std::string& key, const std::string& notification_id,
                         const std::string& at, const std::string& text);
  // Never overwrites a reminder already sent.
  Task<void> record_skipped(const std::string& key, const std::string& reason,
                            const std::string& at);
  // The service was not running at its time (stale) or a later one replaced it
  // (superseded). Never overwrites a reminder already sent.
  Task<void> record_missed(const std::string& key, const std::string& reason,
                           const std::string& at);
  // Gives a claimed reminder back after a delivery that may be retried.
  Task<void> record_failed(const std::string& key, const std::string& error);
  // The outcomes of the reminder's messages so far (replaces the list; the claim's holder
  // is its only writer).
  Task<void> record_deliveries(const std::string& key, const std::vector<Delivery>& deliveries);

  // Takes or renews the planner's lease; true while `owner` holds it.
  Task<bool> hold_lease(const std::string& owner, long long ttl_ms);

 private:
  std::string contrib_key(int year, const std::string& unit) const;
  std::string done_key(const std::string& deadline_id, LocalDate due) const;
  std::string history_key(int year, const std::string& unit) const;
  RedisPool& redis_;
  Keyspace keys_;
};

}  // namespace thidua::reports
