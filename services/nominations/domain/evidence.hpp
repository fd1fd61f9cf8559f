#pragma once
// Evidence for a nomination's achievements (minh chứng, issue 12): links to what proves an
// achievement — a decision, a published lesson plan, a photo album of a school event. The
// proposing unit's leader writes them with the draft; until the council decides, the nominee
// and the leader may add more, so that the council sees what the person can show (the plan's
// section V asks for a dossier that proves each achievement).
#include <cstddef>
#include <string>
#include <string_view>

#include "core/roles.hpp"
#include "nominations/domain/record.hpp"

namespace thidua::nominations {

inline constexpr std::size_t kMaxEvidencePerAchievement = 20;
inline constexpr std::size_t kMaxEvidenceLinkBytes = 2000;

// Whether `link` may be kept as evidence: http:// or https:// followed by a host, at most
// 2000 bytes, without spaces or control characters (a link a browser opens as it is).
bool is_evidence_link(std::string_view link);

// Who may add evidence to `r` now, else ApiError: the board (admin); a leader of the
// proposing unit (`own_unit` == r.unit_id); the nominee of an individual nomination
// (who.subject == its subject_id). Council members assess and do not add (403
// evidence_not_yours, also for everyone else). Once the council has decided (any status
// after "under review"), the dossier is closed: 409 evidence_closed.
void check_may_add_evidence(const Principal& who, const std::string& own_unit,
                            const NominationRecord& r);

// Adds `link` to achievement `index` (0-based) of `d`. False when that achievement has it
// already (nothing changes). 422 no_such_achievement when `index` names none (or the
// nomination has no achievement yet), 422 too_much_evidence past 20 links, 400
// invalid_evidence_link for a link is_evidence_link refuses.
bool add_evidence(NominationDraft& d, std::size_t index, const std::string& link);

}  // namespace thidua::nominations
