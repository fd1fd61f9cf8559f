#pragma once
// A workflow transition as asked for (POST /nominations/{id}/transitions): the action and what
// that action carries, parsed by api/nomination_codec (parse_transition) and carried out by
// NominationsApp::act (app/nomination_transitions.cpp). Lengths are checked when parsed; what
// the values must agree with (the vote, the dossier, the dates of earlier steps) when acted on.
#include <string>

#include "core/clock.hpp"
#include "nominations/domain/workflow.hpp"

namespace thidua::nominations {

// submit: why this subject may hold a second award form in the period (domain/one_award.hpp),
// up to 500 characters; empty when none is asked.
struct SubmitRequest {
  std::string exception_reason;
};

// forward: the letter (tờ trình) sent to the issuing level, both required.
struct ForwardRequest {
  LocalDate date;         // when it was sent
  std::string reference;  // its reference, up to 100 characters
};

// award: the decision (quyết định khen thưởng), number and date required.
struct AwardRequest {
  std::string decision_number;  // up to 100 characters
  LocalDate decision_date;
  std::string public_achievement;  // what the website may say, up to 300; empty: none
};

struct TransitionRequest {
  Action action = Action::Submit;
  // Every action: the history's note, up to 2000 characters, may be empty. reject and
  // not_award: their reason, required.
  std::string note;
  SubmitRequest submit;    // submit only
  ForwardRequest forward;  // forward only
  AwardRequest award;      // award only
};

}  // namespace thidua::nominations
