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

// A meeting as POST /council/meetings answers it and GET /council/meetings lists it (proto:
// Meeting): id, date, the counts, quorum_needed, quorum_met, note, times, place, agenda,
// chair and secretary as {staff_id, name} (null when none), the members [{staff_id, name,
// position, present}], recorded_by, recorded_at, and corrected_by, corrected_at once
// corrected. A tree (members sorted when dumped, as they have always been on the wire), to
// which GET adds the votes and what may be corrected.
nlohmann::json meeting_json(const MeetingRecord& r);

// {"id", "items": [{code, label, copies_required, copies_received, received_by, received_at,
// complete}], "complete"}.
nlohmann::json dossier_json(const std::string& id, const std::vector<DossierItem>& items);

}  // namespace thidua::nominations
