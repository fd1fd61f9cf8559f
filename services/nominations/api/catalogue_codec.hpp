#pragma once
// The catalogue on the wire: the admin API's bodies (PUT /catalogue/...) and the seed file
// config/catalogue.json parsed into domain/catalogue.hpp's structs, and those structs as the
// API shows them. What is stored in Redis is store/catalogue_codec's, not this.
#include <nlohmann/json.hpp>
#include <string>

#include "core/roles.hpp"
#include "nominations/domain/catalogue.hpp"

namespace thidua::nominations {

// The catalogue id in `field` of `j`: required, or ApiError 400 (missing_field, invalid_id).
std::string catalogue_id_field(const nlohmann::json& j, const std::string& field);

// Each parser checks the fields' types and lengths, then the entry's rules (check_unit,
// check_staff), and throws ApiError 400 with a Vietnamese detail.
Unit parse_unit(const nlohmann::json& j);
StaffMember parse_staff(const nlohmann::json& j);
Period parse_period(const nlohmann::json& j);
AwardForm parse_award_form(const nlohmann::json& j);
Catalogue parse_catalogue(const nlohmann::json& j);

nlohmann::json to_json(const Unit& u);
nlohmann::json to_json(const StaffMember& s);
// The record as `view` allows (domain staff_view): a Colleague's has no birth_date,
// qualifications, zalo_user_id, on_hold or hold_reason; a UnitLeader's adds on_hold.
nlohmann::json to_json(const StaffMember& s, StaffView view);
nlohmann::json to_json(const Period& p);
nlohmann::json to_json(const AwardForm& a);
nlohmann::json to_json(const Catalogue& c);
// The catalogue as `viewer` may read it: each staff member's record by staff_view.
nlohmann::json to_json(const Catalogue& c, const Principal& viewer);

}  // namespace thidua::nominations
