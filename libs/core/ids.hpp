#pragma once
// One alphabet per kind of id, the same wherever the id arrives (a path, a query, a body, a
// chat command, a setting, a seed file), so that an id valid in one place is valid in all.
// Each is the pattern of the same kind in proto/openapi/*.yaml; a check that fails is the
// caller's to answer (400 with a text of its message catalogue, or 404 for a path).
// Only ASCII is ever an id character; lengths are in bytes (= characters).
#include <cstddef>
#include <string_view>

namespace thidua::ids {

// An id in nominations' catalogue, chosen by the school: a unit, a period, a staff member,
// an award form's code, a round, and the subject of a registration (a staff member or a
// unit). 1–64 of a–z, 0–9, '-', '_' (OpenAPI CatalogueId), e.g. "to-toan-tin", "2026".
bool catalogue(std::string_view id);
// A staff member's id: a catalogue id (the same in /staff/{id}, a body's staff_id, a target).
inline bool staff(std::string_view id) {
  return catalogue(id);
}
// A unit's id: a catalogue id.
inline bool unit(std::string_view id) {
  return catalogue(id);
}

// A number the service gave a record: a nomination, a council meeting, an initiative entry,
// and the `after` cursor of a list, which is such a number. 1–18 digits 0–9, so it always
// fits a signed 64-bit integer (OpenAPI NominationId).
bool number(std::string_view id);

// How many hex digits of a hash name a token, and a session or a sign-in code: libs/auth
// makes the ids with these lengths, the checks below take exactly these.
inline constexpr std::size_t kTokenIdLength = 16;
inline constexpr std::size_t kSessionIdLength = 32;

// An API token's id: exactly kTokenIdLength (16) lowercase hex digits (0–9, a–f).
bool token(std::string_view id);
// A signed-in session's id: exactly kSessionIdLength (32) lowercase hex digits.
bool session(std::string_view id);
// A code that links a Zalo account to a staff member (/lienket): exactly 8 lowercase hex
// digits, as nominations issues them.
bool link_code(std::string_view code);
// A message in notifications' outbox: 1–32 lowercase hex digits.
bool message(std::string_view id);

// A Zalo user id, as the bot platform gives it: 1–64 of A–Z, a–z, 0–9, '-', '_'.
bool zalo_user(std::string_view id);
// A request id (X-Request-Id) a caller may send: 1–64 of A–Z, a–z, 0–9, '-', '_'.
bool request(std::string_view id);
// The school's id (THIDUA_SCHOOL_ID), a prefix of every Redis key: 1–64 of A–Z, a–z, 0–9,
// '-', '_'.
bool school(std::string_view id);

// A deadline in reports: 1–64 of a–z, 0–9, '-', not starting with '-' (OpenAPI DeadlineId).
bool deadline(std::string_view id);
// An issued document's id ("2026-qd-03"): 1–40 of a–z, 0–9, '-'.
bool document(std::string_view id);

}  // namespace thidua::ids
