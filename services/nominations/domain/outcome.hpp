#pragma once
// What was decided on a nomination, part by part, filled in by the transitions
// (app/nomination_transitions.cpp); empty at first. Each part is present once its step has
// been taken and never removed. Stored by store/nomination_codec (stored::to_json /
// read_outcome) and shown by api/record_json (write_outcome) as a JSON object whose members
// carry the names of the fields here (proto: Outcome), a part absent when it is not set.
#include <optional>
#include <string>

#include "nominations/domain/one_award.hpp"

namespace thidua::nominations {

// approve: the council's proposal accepted; the forwarding may not be dated before it.
struct Approval {
  std::string date;  // ISO date, local
  std::string by;    // staff id or bootstrap-admin
};

// reject: why, by whom, when.
struct Rejection {
  std::string reason;
  std::string by;
  std::string at;  // ISO instant
};

// forward: the letter (tờ trình) sent to the issuing level.
struct Forwarding {
  std::string date;       // ISO date the letter was sent
  std::string reference;  // its reference (số công văn)
};

// award: the decision (quyết định khen thưởng).
struct Decision {
  std::string number;
  std::string date;  // ISO date it was signed
};

// not_award: why the issuing level did not award it.
struct NotAwarded {
  std::string reason;
};

struct Outcome {
  std::optional<Approval> approval;
  std::optional<Rejection> rejection;
  std::optional<Forwarding> forwarding;
  std::optional<Decision> decision;
  // What the school website may say of the achievement, chosen by the board with the award.
  std::optional<std::string> public_achievement;
  std::optional<NotAwarded> not_awarded;
  // submit: the board let this subject hold a second award form in the period.
  std::optional<AwardException> award_exception;
};

}  // namespace thidua::nominations
