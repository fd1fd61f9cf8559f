#pragma once
// The compact form of a nomination that every event carries (proto/events) and lists show
// (api/record_json): id, period, award, subject, unit, status and their labels, created_at,
// updated_at. Written directly (core/json_writer): lists are a hot read.
#include <nlohmann/json.hpp>

#include "core/json_writer.hpp"
#include "nominations/domain/record.hpp"

namespace thidua::nominations {

// The summary's members, into an object the caller has begun (the detail adds its own).
void write_summary_members(JsonWriter& w, const NominationRecord& r);
void write_summary(JsonWriter& w, const NominationRecord& r);
// As a tree, for an event.
nlohmann::json summary_json(const NominationRecord& r);

}  // namespace thidua::nominations
