#pragma once
// The compact form of a nomination that every event carries (store/event_codec, proto/events)
// and lists show (api/record_json, proto: NominationSummary): id, period, award, subject,
// unit, status and their labels, created_at, updated_at. Written directly (core/json_writer):
// lists are a hot read. Its one writer sits here, below both edges that render it: api/ may
// reach down to store/, store/ may not reach up to api/, and domain/ keeps no JSON.
#include "core/json_writer.hpp"
#include "nominations/domain/record.hpp"

namespace thidua::nominations {

// The summary's members, into an object the caller has begun (the detail adds its own).
void write_summary_members(JsonWriter& w, const NominationRecord& r);
void write_summary(JsonWriter& w, const NominationRecord& r);

}  // namespace thidua::nominations
