#pragma once
// The council on the wire: the body of POST /council/meetings parsed into a typed form, and a
// nomination's dossier as GET /nominations/{id}/dossier shows it.
#include <nlohmann/json.hpp>
#include <string>

#include "nominations/domain/council.hpp"
#include "nominations/domain/dossier.hpp"

namespace thidua::nominations {

// A meeting's body: date, note, place, agenda, "HH:MM" times, chair and secretary ids, the
// members [{staff_id, present}] (1–200) and/or the counts. Throws ApiError 400 for a malformed
// field; who the people are and whether the counts agree is settle_meeting's (domain/council).
MeetingForm parse_meeting_form(const nlohmann::json& body);

// A vote's body (PUT /nominations/{id}/vote): meeting_id (required), yes and no (whole
// numbers 0–1000, required), abstain (the same, 0 when absent). Throws ApiError 400; whether
// the numbers fit the meeting is evaluate_vote's (domain/council.hpp).
Vote parse_vote(const nlohmann::json& body);

// The body of PUT …/dossier/{item}: {"copies": a whole number 0–1000}. Throws ApiError 400.
int parse_dossier_copies(const nlohmann::json& body);

// {"id", "items": [{code, label, copies_required, copies_received, received_by, received_at,
// complete}], "complete"}.
nlohmann::json dossier_json(const std::string& id, const std::vector<DossierItem>& items);

}  // namespace thidua::nominations
