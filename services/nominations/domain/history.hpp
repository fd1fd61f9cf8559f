#pragma once
// One line of a nomination's history (GET /nominations/{id}/history, proto: HistoryEntry):
// who did what to it and when, appended with every change. How it is kept is
// store/history_codec's, how it is shown api/history_json's; NominationsApp writes them.
#include <optional>
#include <string>

#include "nominations/domain/workflow.hpp"

namespace thidua::nominations {

struct HistoryEntry {
  std::string at;       // ISO instant, UTC
  std::string by;       // the actor: staff id, or bootstrap-admin / service
  std::string by_name;  // the actor's name when it acted
  // create, edit, evidence, or a workflow action (action_name)
  std::string action;
  std::optional<Status> from;  // none for create
  Status to = Status::Draft;
  std::string note;  // the note, the reason of reject and not_award, or the evidence link
  // Submit by the board only: why this subject may hold a second award form in the period
  // (also the outcome's award_exception).
  std::optional<std::string> exception_reason;
};

}  // namespace thidua::nominations
