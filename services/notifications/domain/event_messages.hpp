#pragma once
// Which nominations events the staff group hears about, who hears the rest in private, and
// in what words. Good news goes to the group; a rejection or a "not awarded" with its reason
// goes only to the people concerned, so that nobody loses face before the staff (issue 13).
#include <optional>
#include <string>
#include <vector>

#include "notifications/domain/colleague.hpp"
#include "notifications/domain/nomination_event.hpp"

namespace thidua::notifications {

// The group message for a nominations event, or nullopt when the event is not announced.
// `footer` marks the message as automated. Besides nominations' steps, round.closing (a
// round's last days, issue 14) reminds the unit leaders in the group.
std::optional<std::string> message_for_event(const NominationEvent& event,
                                             const std::string& footer);

// One line of a digest's list about a nomination (an event's "nomination"):
// "• Số 12: Nguyễn Văn An (Tổ Toán – Tin) — Giấy khen của Chủ tịch UBND xã, năm 2026", or
// without "Số 12: " when `numbered` is false. A nomination that lacks fields gives what it has.
std::string nomination_line(const NominationSummary& nomination, bool numbered = true);

// Names an individual nominee as colleagues say it (issue 13): "thầy Nguyễn Văn An" when
// `record`, their staff record, gives a gender (replies' addressed_name); unchanged for a
// collective, for another person's record, or when no gender is recorded. The event does not
// carry the gender: the outbox reads the record before it words a message.
void address_nominee(NominationSummary& nominee, const Colleague& record);

// round.closing (issue 14): "⏰ Đợt xét … nhận đề nghị khen thưởng đến hết ngày …", or
// nullopt when the event lacks the round's name, a valid closing day or the days left.
std::optional<std::string> round_closing_message(const NominationEvent& event);

// The private message for an event that concerns only some people (nomination.rejected,
// nomination.not_awarded, with the reason), or nullopt when there is none. `you` is how the
// recipient is addressed ("thầy", "cô", "thầy cô").
std::optional<std::string> personal_message_for_event(const NominationEvent& event,
                                                      const std::string& you);

// Who gets the personal message, as staff ids: the nominee (an individual nomination whose
// subject is a staff member) and the leaders of the nomination's unit, each once. `staff`:
// everyone on the catalogue's staff list.
std::vector<std::string> personal_recipients(const NominationEvent& event,
                                             const std::vector<Colleague>& staff);

}  // namespace thidua::notifications
