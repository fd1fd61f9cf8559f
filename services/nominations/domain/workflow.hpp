#pragma once
// The life of a nomination: draft → submitted → under council review → approved or
// rejected → forwarded to the issuing level → awarded or not awarded; withdrawn before a
// decision. Which states hold one of the award's places (the quota) is decided here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roles.hpp"

namespace thidua::nominations {

enum class Status {
  Draft,
  Submitted,
  UnderReview,
  Approved,
  Rejected,
  Forwarded,
  Awarded,
  NotAwarded,
  Withdrawn
};

enum class Action { Submit, Review, Approve, Reject, Forward, Award, NotAward, Withdraw };

std::string_view status_name(Status s);
std::optional<Status> parse_status(std::string_view name);
std::string status_label(Status s);  // Vietnamese, for people (messages.cpp)
std::string_view action_name(Action a);
std::optional<Action> parse_action(std::string_view name);

// A place is taken when the unit submits and given back on rejection, withdrawal or a
// "not awarded" answer: drafts are free, and 50 submissions against 2 places admit 2.
bool holds_place(Status s);
// Live nominations block a second one for the same subject, award and period.
bool is_live(Status s);

struct TransitionRule {
  Status to;
  std::string event;  // nominations stream event type, e.g. nomination.submitted
};

// Checks that `role` may take `action` from `from`; throws ApiError 403 (role) or 409
// (illegal from this state) with a Vietnamese detail. Ownership and data checks (vote,
// dossier) are the caller's, before this.
TransitionRule check_transition(Status from, Action action, Role role);
// The actions check_transition lets `role` take from `from`, in the workflow's order: what
// a page should offer that person.
std::vector<Action> available_actions(Status from, Role role);
// What a page or the bot offers: available_actions without the council decision the recorded
// vote rules out (`vote_passed`: the vote's outcome, nullopt when none is recorded). A vote
// that passed cannot be rejected and one that failed cannot be approved (the transition
// refuses either with vote_does_not_support); with no vote both stay, and "Thông qua" is then
// refused with what is missing.
std::vector<Action> offered_actions(Status from, Role role, std::optional<bool> vote_passed);

}  // namespace thidua::nominations
