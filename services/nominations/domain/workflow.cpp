#include "nominations/domain/workflow.hpp"

#include <algorithm>
#include <array>

#include "core/errors.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
struct StatusInfo {
  Status status;
  std::string_view name;
  std::string_view label;  // its key in messages.cpp
};
constexpr std::array<StatusInfo, 9> kStatuses{{
    {Status::Draft, "draft", "status.draft"},
    {Status::Submitted, "submitted", "status.submitted"},
    {Status::UnderReview, "under_review", "status.under_review"},
    {Status::Approved, "approved", "status.approved"},
    {Status::Rejected, "rejected", "status.rejected"},
    {Status::Forwarded, "forwarded", "status.forwarded"},
    {Status::Awarded, "awarded", "status.awarded"},
    {Status::NotAwarded, "not_awarded", "status.not_awarded"},
    {Status::Withdrawn, "withdrawn", "status.withdrawn"},
}};

struct Rule {
  Action action;
  std::string_view name;
  std::string_view verb;  // key in messages.cpp of the Vietnamese verb, for details
  std::initializer_list<Status> from;
  Status to;
  std::initializer_list<Role> roles;
  std::string_view event;
};

const std::array<Rule, 8>& rules() {
  static const std::array<Rule, 8> kRules{{
      {Action::Submit,
       "submit",
       "action.submit",
       {Status::Draft},
       Status::Submitted,
       {Role::Admin, Role::Leader},
       "nomination.submitted"},
      {Action::Review,
       "review",
       "action.review",
       {Status::Submitted},
       Status::UnderReview,
       {Role::Admin, Role::Council},
       "nomination.under_review"},
      {Action::Approve,
       "approve",
       "action.approve",
       {Status::UnderReview},
       Status::Approved,
       {Role::Admin, Role::Council},
       "nomination.approved"},
      {Action::Reject,
       "reject",
       "action.reject",
       {Status::Submitted, Status::UnderReview},
       Status::Rejected,
       {Role::Admin, Role::Council},
       "nomination.rejected"},
      {Action::Forward,
       "forward",
       "action.forward",
       {Status::Approved},
       Status::Forwarded,
       {Role::Admin},
       "nomination.forwarded"},
      {Action::Award,
       "award",
       "action.award",
       {Status::Forwarded},
       Status::Awarded,
       {Role::Admin},
       "nomination.awarded"},
      {Action::NotAward,
       "not_award",
       "action.not_award",
       {Status::Forwarded},
       Status::NotAwarded,
       {Role::Admin},
       "nomination.not_awarded"},
      {Action::Withdraw,
       "withdraw",
       "action.withdraw",
       {Status::Draft, Status::Submitted, Status::UnderReview},
       Status::Withdrawn,
       {Role::Admin, Role::Leader},
       "nomination.withdrawn"},
  }};
  return kRules;
}
}  // namespace

std::string_view status_name(Status s) {
  for (const auto& i : kStatuses) {
    if (i.status == s) return i.name;
  }
  return "draft";
}

std::optional<Status> parse_status(std::string_view name) {
  for (const auto& i : kStatuses) {
    if (i.name == name) return i.status;
  }
  return std::nullopt;
}

std::string status_label(Status s) {
  for (const auto& i : kStatuses) {
    if (i.status == s) return say(i.label);
  }
  return "";
}

std::string_view action_name(Action a) {
  for (const auto& r : rules()) {
    if (r.action == a) return r.name;
  }
  return "";
}

std::optional<Action> parse_action(std::string_view name) {
  for (const auto& r : rules()) {
    if (r.name == name) return r.action;
  }
  return std::nullopt;
}

bool holds_place(Status s) {
  return s == Status::Submitted || s == Status::UnderReview || s == Status::Approved ||
         s == Status::Forwarded || s == Status::Awarded;
}

bool is_live(Status s) {
  return s != Status::Rejected && s != Status::NotAwarded && s != Status::Withdrawn;
}

std::vector<Action> available_actions(Status from, Role role) {
  std::vector<Action> out;
  for (const auto& r : rules()) {
    bool role_ok = std::find(r.roles.begin(), r.roles.end(), role) != r.roles.end();
    bool from_ok = std::find(r.from.begin(), r.from.end(), from) != r.from.end();
    if (role_ok && from_ok) out.push_back(r.action);
  }
  return out;
}

std::vector<Action> offered_actions(Status from, Role role, std::optional<bool> vote_passed) {
  auto out = available_actions(from, role);
  if (vote_passed) {
    Action ruled_out = *vote_passed ? Action::Reject : Action::Approve;
    std::erase(out, ruled_out);
  }
  return out;
}

TransitionRule check_transition(Status from, Action action, Role role) {
  for (const auto& r : rules()) {
    if (r.action != action) continue;
    bool role_ok = false;
    for (Role allowed : r.roles) role_ok = role_ok || allowed == role;
    if (!role_ok) {
      throw ApiError(
          403, "forbidden",
          say("problem.role_may_not", {{"role", role_in_text(role)}, {"verb", say(r.verb)}}));
    }
    for (Status s : r.from) {
      if (s == from) return TransitionRule{r.to, std::string(r.event)};
    }
    throw conflict(
        "illegal_transition",
        say("problem.illegal_transition", {{"verb", say(r.verb)}, {"status", status_label(from)}}));
  }
  throw bad_request("unknown_action", say("problem.unknown_action"));
}

}  // namespace thidua::nominations
