#pragma once
// The register of initiatives and solutions (sổ sáng kiến, giải pháp): what the school's
// staff devised, by whom, in which unit and content area of the plan (section II), and the
// level at which it was recognised, with the decision. Achievement reports and the yearly
// report draw from it; the website shows those the board makes public (issue 14).
//
// Levels follow the Law on Emulation and Commendation's "phạm vi ảnh hưởng" of an
// initiative: cấp cơ sở (the school), cấp xã, cấp tỉnh, toàn quốc. An initiative is recorded
// before it is recognised (level none); recognition comes with its decision.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/roles.hpp"
#include "nominations/domain/catalogue.hpp"

namespace thidua::nominations {

enum class InitiativeLevel { None, School, Commune, Province, National };

struct InitiativeDecision {
  std::string number;  // "15/QĐ-THCSVP1"
  LocalDate date;      // on or before the day it is recorded
  std::string issuer;  // "Hiệu trưởng Trường THCS Vĩnh Phong 1"
};

struct Initiative {
  std::string id;  // "1", "2"… given by the store
  std::string title;
  std::vector<std::string> author_ids;    // staff ids, 1 to kMaxAuthors, no repeats
  std::vector<std::string> author_names;  // as the catalogue named them when recorded
  std::string unit_id;
  std::string unit_name;
  std::string content_area;  // II.1 … II.6
  int year = 0;              // the movement year it belongs to (2025–2030)
  std::string summary;       // what it changes and where it is applied
  InitiativeLevel level = InitiativeLevel::None;
  std::optional<InitiativeDecision> decision;  // exactly when level is not None
  bool is_public = false;                      // the board's choice, recognised ones only
  std::string recorded_by;
  std::string recorded_at;  // ISO instant
  std::string updated_by;
  std::string updated_at;
};

inline constexpr std::size_t kMaxAuthors = 10;

// "", "co_so", "xa", "tinh", "toan_quoc"; nullopt for anything else.
std::optional<InitiativeLevel> parse_initiative_level(std::string_view code);
std::string_view initiative_level_code(InitiativeLevel level);
// "chưa công nhận", "cấp cơ sở", "cấp xã", "cấp tỉnh", "toàn quốc" (running text).
std::string initiative_level_label(InitiativeLevel level);

// Who keeps the register: the board and the council. Everyone signed in reads it.
bool records_initiatives(Role role);
// Who may remove an entry made by mistake: the board.
bool removes_initiatives(Role role);

// Checks an entry against the catalogue and today's date (Vietnam) and fills the author and
// unit names from the catalogue. Throws ApiError 422 with a Vietnamese detail: blank title,
// no author or too many, an author twice or unknown, an unknown unit, content area or year,
// a recognised level without a decision (or a decision without a level), a decision dated
// after today, a public entry that is not recognised.
void check_initiative(Initiative& entry, const Catalogue& catalogue, LocalDate today);

// Whether the website shows it: public and recognised.
bool shown_publicly(const Initiative& entry);

}  // namespace thidua::nominations
