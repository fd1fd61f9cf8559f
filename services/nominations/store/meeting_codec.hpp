#pragma once
// A council meeting as kept in Redis: one JSON document per meeting in the meetings hash, by
// id. The storage format, not the wire's; the meetings' scripts (nomination_store_council.cpp)
// compare these documents as text, so what is written for the same meeting is always the same
// bytes (nlohmann::json's dump: members sorted, no spaces).
#include <nlohmann/json.hpp>
#include <optional>

#include "nominations/domain/council.hpp"

namespace thidua::nominations::stored {

// What was recorded: date, counts, note, times, place, agenda, chair and secretary as
// {staff_id, name} (null when none), the members. No id.
nlohmann::json to_json(const Meeting& m);
// Throws nlohmann::json::exception for a member of another type.
Meeting read_meeting(const nlohmann::json& j);

// The whole document: the meeting with its id, quorum_needed, quorum_met, recorded_by,
// recorded_at, and corrected_by and corrected_at once corrected.
nlohmann::json to_json(const MeetingRecord& r);
// nullopt for what this codec did not write: not an object, a member of another type.
std::optional<MeetingRecord> read_meeting_record(const nlohmann::json& j);

}  // namespace thidua::nominations::stored
