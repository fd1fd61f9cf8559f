#pragma once
// The outbox as the API shows it (proto/openapi/notifications.yaml: Message,
// MessageWithHistory's HistoryEntry, DeadLetterList, the 202 answer of POST /messages):
// rendered here from the store's typed values; the store keeps its own Redis format.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "notifications/store/outbox_store.hpp"

namespace thidua::notifications {

// {"group"} | {"staff_id"} | {"chat_id"}: the target as the sender gave it ("staff:<id>",
// "chat:<id>" or "group" as stored).
nlohmann::json target_json(const std::string& stored_target);
nlohmann::json message_json(const StoredMessage& m);
nlohmann::json messages_json(const std::vector<StoredMessage>& messages);
nlohmann::json history_json(const std::vector<HistoryEntry>& entries);
nlohmann::json dead_letters_json(const std::vector<DeadLetter>& letters);
// {"id", "status"}: what POST /messages answers (also for a replayed key).
nlohmann::json enqueue_answer_json(const EnqueueResult& r);

}  // namespace thidua::notifications
