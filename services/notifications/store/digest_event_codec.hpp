#pragma once
// The form DigestStore keeps a batch's events in (the fields e:1 … e:<count> of a batch's
// hash): the event's JSON in the shape nominations wrote it on its stream, with the fields
// a digest reads. Batches stored before the events were typed hold the whole event as it
// came, and read the same way. A round.closing joins no batch: its round is not kept.
#include <optional>
#include <string>
#include <string_view>

#include "notifications/domain/nomination_event.hpp"

namespace thidua::notifications {

std::string encode_digest_event(const NominationEvent& event);
// nullopt for a field that is not a JSON object (nothing this store wrote).
std::optional<NominationEvent> decode_digest_event(std::string_view stored);

}  // namespace thidua::notifications
