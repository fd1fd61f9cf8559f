#pragma once
// One achievement, one award form (Luật Thi đua, khen thưởng 06/2022/QH15, the principles of
// commendation): the same subject, a person or a unit, holds places of at most one award form
// per period, unless the board (Ban giám hiệu) records why a second one is a different
// achievement. Drafts are free; the place is taken at submission, in the store's Lua script
// (kTransition in store/nomination_store.cpp), which checks it atomically with the quota:
// the rule lives there, tested through the API (nominations_service_test).
#include <optional>
#include <string>

#include "core/roles.hpp"

namespace thidua::nominations {

// The exception the board recorded on a nomination (kept in outcome.award_exception and in
// the submission's history entry).
struct AwardException {
  std::string reason;  // why it is a different achievement, 1–500 characters
  std::string by;      // who recorded it (a staff id or bootstrap-admin)
  std::string at;      // ISO instant
};

// The exception asked for with `reason` (already trimmed and length-checked by the API):
// nullopt when `reason` is empty (none asked); for a role other than admin, ApiError 403
// exception_needs_board with a Vietnamese detail.
std::optional<AwardException> award_exception(Role role, const std::string& reason,
                                              const std::string& by, const std::string& at);

}  // namespace thidua::nominations
