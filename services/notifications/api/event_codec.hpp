#pragma once
// Nominations' events as they come off its stream (proto/events/nominations-event.schema.json),
// read once, here, into a NominationEvent; app/ and domain/ see only that. Leniently, as
// every reader of what another service sends (core/json_read): a missing or mistyped field
// is empty, and an event of a type notifications does not handle is read all the same and
// said nothing of further on (the schema asks consumers to ignore such types).
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string_view>

#include "core/task.hpp"
#include "notifications/domain/nomination_event.hpp"
#include "redis/stream_queue.hpp"

namespace thidua::notifications {

class DigestApp;

// The event, or nullopt for JSON that is no object. An event without event_id gets its
// content_id from its content, as the digest always knew it.
std::optional<NominationEvent> parse_event(const nlohmann::json& event);
// The same from the text of an entry's field "event"; nullopt also when it is not JSON.
// (A name of its own: a std::string or a literal would convert to either argument.)
std::optional<NominationEvent> parse_event_text(std::string_view entry_text);

// The handler of an entry of the stream: its event taken in by `digest`. An entry whose
// event is not JSON fails (retried, then dead-lettered); JSON that is no object is done with.
Task<Disposition> take_event_entry(DigestApp& digest, const StreamEntry& entry);

}  // namespace thidua::notifications
