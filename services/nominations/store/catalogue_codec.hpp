#pragma once
// The catalogue's entries as kept in Redis (one JSON document per hash field). This is the
// storage format, not the wire's: reading trusts what the store wrote (the rules were
// checked when it was written) and fills a field an older version did not write with its
// default, rather than re-validating with the API's parsers.
#include <nlohmann/json.hpp>

#include "nominations/domain/catalogue.hpp"

namespace thidua::nominations::stored {

nlohmann::json to_json(const Unit& u);
nlohmann::json to_json(const StaffMember& s);
nlohmann::json to_json(const Period& p);
nlohmann::json to_json(const AwardForm& a);

Unit read_unit(const nlohmann::json& j);
StaffMember read_staff(const nlohmann::json& j);
Period read_period(const nlohmann::json& j);
AwardForm read_award_form(const nlohmann::json& j);

}  // namespace thidua::nominations::stored
