#pragma once
// A nomination for an award (đề nghị khen thưởng): who, for what, in which period, why.
#include <string>
#include <vector>

#include "nominations/domain/catalogue.hpp"
#include "nominations/domain/workflow.hpp"

namespace thidua::nominations {

struct Achievement {
  std::string text;
  std::vector<std::string> areas;     // content areas II.1 … II.6
  std::vector<std::string> evidence;  // links to evidence (http/https)
};

// What a unit leader writes; editable while the nomination is a draft.
struct NominationDraft {
  std::string period;
  std::string award;
  SubjectKind subject_kind = SubjectKind::Individual;
  std::string subject_id;  // a staff id (individual) or a unit id (collective)
  std::string reason;
  std::vector<Achievement> achievements;
};

// At most this many achievements in a draft (the create and edit bodies, api/nomination_codec).
inline constexpr std::size_t kMaxAchievements = 50;

// An achievement names only the movement's content areas (400 unknown_content_area) and
// holds only links a browser opens (400 invalid_evidence_link, domain/evidence.hpp).
void check_achievement(const Achievement& a);

// Who the subject is, resolved against the catalogue.
struct Subject {
  std::string name;
  std::string unit_id;
  std::string unit_name;
};

// Checks the draft against the catalogue: period, award and subject exist, the subject is
// not on hold (422 with the reason), neither a deactivated unit nor a member of one (422
// unit_inactive: a unit the school no longer has), a leader proposes only for their own
// unit (403).
// `actor_unit` is the acting leader's unit ("" for admins).
// Who writes nominations (creates, edits, submits, withdraws): the board and unit leaders.
bool writes_nominations(Role role);

Subject check_draft(const NominationDraft& draft, const Catalogue& catalogue, Role role,
                    const std::string& actor_unit);

// A nomination goes to the council with its grounds (Luật Thi đua, khen thưởng 2022: an award
// rewards achievements): a reason that is not blank, or at least one achievement. A draft
// may lack both; submitting it is refused, 422 missing_grounds.
void check_grounds(const NominationDraft& draft);

// The key under which a subject may hold one live nomination per award and period.
std::string live_key(const NominationDraft& d);

}  // namespace thidua::nominations
