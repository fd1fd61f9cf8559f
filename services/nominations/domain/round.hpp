#pragma once
// Nomination rounds (đợt xét, issue 14): the board opens a round for a period, from one day to
// another (Vietnam dates, both inclusive), for some award forms or all of the period's.
// Nominations are written and submitted only while a round covering their period and form
// is open, so a tổng kết 2030 nomination cannot be filed in 2026. A nomination records the
// round it was filed in; a round that nominations belong to is kept.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/roles.hpp"
#include "nominations/domain/catalogue.hpp"
#include "nominations/domain/record.hpp"

namespace thidua::nominations {

struct Round {
  std::string id;                        // "nam-2026" (seed) or "1", "2"… given by the store
  std::string period_id;                 // a period of the catalogue
  std::string name;                      // "Đợt xét khen thưởng năm 2026"
  LocalDate opens;                       // first day nominations are received
  LocalDate closes;                      // last day, inclusive; not before `opens`
  std::vector<std::string> award_codes;  // the forms it covers; empty = every form
  std::string updated_by;                // "" for the seed
  std::string updated_at;                // ISO instant
};

enum class RoundState { Upcoming, Open, Closed };

RoundState round_state(const Round& round, LocalDate today);
std::string_view round_state_name(RoundState state);  // upcoming, open, closed
std::string round_state_label(RoundState state);      // "Sắp mở", "Đang mở", "Đã đóng"

// The council meetings of a round (issue 14: a round "has its council meeting(s)"): those at
// which the council voted on a nomination filed in it (its vote's meeting), each once, in
// the order of their ids (numbers, given in order). Derived, so a vote recorded at another
// meeting moves the round's list with it.
std::vector<std::string> round_meeting_ids(const std::string& round_id,
                                           const std::vector<NominationRecord>& all);

// Whether a nomination for `award` in `period` belongs in the round.
bool covers(const Round& round, const std::string& period, const std::string& award);

// Who opens, edits and removes rounds: the board (Ban giám hiệu).
bool keeps_rounds(Role role);

// Checks a round as the board wrote it. Throws ApiError 422 invalid_round with a Vietnamese
// detail: blank name, an unknown period or award form, a form twice, closing before opening,
// a date outside the movement (1/1/2025 – 31/12/2031: a period's nominations may be filed
// in the year after it).
void check_round(const Round& round, const Catalogue& catalogue);

// Checks an edit of a round that nominations belong to (`awards_in_use`: the forms of its
// nominations, one entry per nomination): its period stays, and it keeps covering every form in
// use. Throws ApiError 409 round_in_use.
void check_round_change(const Round& before, const Round& after,
                        const std::vector<std::string>& awards_in_use, const Catalogue& catalogue);

// The round a nomination for `award` in `period` is filed in on `today`: of the open rounds
// that cover it, the one closing first. None open: ApiError 422 round_not_open, whose detail
// names the next round that will open (its name and dates), or else the last one closed, or
// says that the board has opened none. Labels come from the catalogue.
const Round& filing_round(const std::vector<Round>& rounds, const std::string& period,
                          const std::string& award, LocalDate today, const Catalogue& catalogue);

// Rounds in the order people read them: by opening day, then closing day, then id.
void sort_rounds(std::vector<Round>& rounds);

}  // namespace thidua::nominations
