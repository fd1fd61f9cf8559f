#pragma once
// Which nominations events the staff group hears about, and in what words.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace thidua::notifications {

// The group message for a nominations event, or nullopt when the event is not announced.
// `footer` marks the message as automated.
std::optional<std::string> message_for_event(const nlohmann::json& event,
                                             const std::string& footer);

}  // namespace thidua::notifications
