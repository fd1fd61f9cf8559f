#pragma once
// Digested announcements (issue 13): the events of one kind that arrive within a window go to
// the staff group as one ordered message instead of one message each, and an optional daily
// summary counts the day's events. Pure rules and texts; the batches live in DigestStore.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "notifications/domain/nomination_event.hpp"

namespace thidua::notifications {

// What a batch gathers. A council sitting's approvals and rejections make one batch, so the
// group hears "12 considered: 10 passed, 2 not" once; the rejected are never named there.
enum class DigestKind { Submitted, Council, Awarded };

// The batch an event joins: nomination.submitted → Submitted, nomination.approved and
// nomination.rejected → Council, nomination.awarded → Awarded; nullopt for every other
// event (drafts, withdrawals, "not awarded": nothing for the group).
std::optional<DigestKind> digest_kind(const NominationEvent& event);
// The batch an event is kept in: its digest_kind, and for nomination.withdrawn the Submitted
// batch, where it takes back the submission it follows (digest_message). A withdrawal says
// nothing by itself and is counted in no daily summary.
std::optional<DigestKind> digest_batch(const NominationEvent& event);
// "submitted", "council", "awarded": the kind's name in Redis keys and logs.
std::string_view digest_kind_name(DigestKind kind);
std::optional<DigestKind> parse_digest_kind(std::string_view name);

// The longest list a digest shows; the rest are counted ("… và 12 đề nghị khác"), so that
// even a very long sitting stays a couple of Zalo messages (2000 characters each).
inline constexpr std::size_t kDigestMaxListed = 40;

// The group message for a batch of `kind`, `events` in the order they joined it (listed in
// the order they happened, by occurred_at; equal times keep that order). A batch of one gets
// the single event's wording (message_for_event). A council batch names the approved only
// and counts the rejected; with no approval it is nullopt, as a lone rejection always was:
// each rejection is told privately. A Submitted batch leaves out a nomination withdrawn
// after its submission within the batch (the group is not told of a submission that no
// longer stands), and is nullopt when none is left. No footer (delivery adds it).
std::optional<std::string> digest_message(DigestKind kind, std::vector<NominationEvent> events);

// The daily summary's tallies, per event type.
struct DayCounts {
  long long submitted = 0;
  long long approved = 0;
  long long rejected = 0;
  long long awarded = 0;
  bool empty() const { return submitted + approved + rejected + awarded == 0; }
};

// The field of DayCounts an event counts in ("submitted", "approved", "rejected",
// "awarded"), or nullopt when the summary does not count it.
std::optional<std::string> day_count_field(const NominationEvent& event);

// THIDUA_DAILY_SUMMARY_AT: "HH:MM" local time (Asia/Ho_Chi_Minh), or empty for none.
struct DailySummaryAt {
  bool enabled = false;
  int minute = 17 * 60;  // minutes after local midnight
  // Throws ConfigError naming `setting` on anything but "" or a valid HH:MM.
  static DailySummaryAt parse(const std::string& text, const std::string& setting);
};

// The summary of day D is sent at its time on D and counts what came in after the time on
// D - 1, up to (not including) the time on D. `summary_day_for(t)`: the day whose summary
// counts an event taken in at `t`; `last_summary_day(now)`: the latest day whose summary is
// due at `now` (today once the time has come, else yesterday).
LocalDate summary_day_for(Instant t, const DailySummaryAt& at);
LocalDate last_summary_day(Instant now, const DailySummaryAt& at);

// The text of day D's summary ("📊 Tổng hợp tin thi đua từ 17:00 ngày 30/11/2026 đến 17:00
// ngày 01/12/2026: …"), one line per kind that happened; nullopt when nothing did.
std::optional<std::string> daily_summary(const DayCounts& counts, LocalDate day,
                                         const DailySummaryAt& at);

}  // namespace thidua::notifications
