#pragma once
// Reads one update of the Zalo Bot Platform into the typed BotUpdate, at the edge where it
// arrives: the webhook receives {event_name, message}, getUpdates wraps it as
// {ok, result:{event_name, message}}. Lenient (core/json_read): the platform's ids may be
// strings or numbers.
#include <nlohmann/json_fwd.hpp>
#include <optional>

#include "notifications/domain/bot_update.hpp"

namespace thidua::notifications {

// nullopt when it is not a message update with the fields a command needs.
std::optional<BotUpdate> parse_update(const nlohmann::json& update);

}  // namespace thidua::notifications
