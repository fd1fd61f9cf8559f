#pragma once
// The wire form of a message for the outbox (POST /messages), read into a NewMessage.
#include <nlohmann/json_fwd.hpp>

#include "notifications/domain/outbox.hpp"

namespace thidua::notifications {

// Reads {"target": "group" | {"staff_id": "..."}, "text": "...", "urgent": false,
// "category": "reminder", "send_at": "2026-12-07T07:00:00+07:00"}. Empty text, text over
// 20000 characters, an unknown target or category, a `send_at` that is not an RFC 3339
// instant (with Z or an offset) throw ApiError 400/422 (nothing is queued). Whether the time
// to send is acceptable is the domain's rule (check_send_at). The text is NFC already
// (parse_object).
NewMessage parse_new_message(const nlohmann::json& body);

}  // namespace thidua::notifications
