#include "nominations/domain/one_award.hpp"

#include "core/errors.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {

std::optional<AwardException> award_exception(Role role, const std::string& reason,
                                              const std::string& by, const std::string& at) {
  if (reason.empty()) return std::nullopt;
  // The law leaves the exception to the body that proposes: the board, not a unit leader.
  if (role != Role::Admin) {
    throw ApiError(403, "exception_needs_board", say("problem.exception_needs_board"));
  }
  return AwardException{reason, by, at};
}

}  // namespace thidua::nominations
