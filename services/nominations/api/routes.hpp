#pragma once
#include "auth/session_store.hpp"
#include "auth/token_store.hpp"
#include "http/cookie_auth.hpp"
#include "http/router.hpp"
#include "nominations/app/documents_app.hpp"
#include "nominations/app/nominations_app.hpp"

namespace thidua::nominations {

inline const std::string kApiBase = "/api/nominations/v1";

class RegistrationsApp;

struct RouteDeps {
  NominationsApp& app;
  CatalogueStore& catalogue;
  auth::TokenStore& tokens;
  const Clock& clock;
  DocumentsApp& documents;
  auth::SessionStore& sessions;
  http::CookieSecure cookie_secure;  // THIDUA_COOKIE_SECURE
};

void add_nomination_routes(http::Router& router, RouteDeps deps);
void add_admin_routes(http::Router& router, RouteDeps deps);
void add_public_routes(http::Router& router, RouteDeps deps);
class InitiativesApp;
struct Initiative;
// The register of initiatives (api/initiative_routes.cpp); main.cpp adds it.
void add_initiative_routes(http::Router& router, InitiativesApp& app);
// An entry of the register as GET /initiatives lists it (proto: Initiative).
nlohmann::json initiative_json(const Initiative& entry);
class RoundsApp;
// "Trang của tôi" in one call (api/my_page_routes.cpp), with the rounds open today; main.cpp
// adds it.
void add_my_page_routes(http::Router& router, NominationsApp& nominations,
                        InitiativesApp& initiatives, RoundsApp& rounds, CatalogueStore& catalogue);
struct Round;
// A round as the website shows it (proto: RoundShown): no one's name who edited it.
nlohmann::json round_public_json(const Round& round, const Catalogue& catalogue, LocalDate today);
// Nomination rounds (api/round_routes.cpp); main.cpp adds them.
void add_round_routes(http::Router& router, RoundsApp& app, CatalogueStore& catalogue);
// Registration of targets (api/registration_routes.cpp); main.cpp adds it.
void add_registration_routes(http::Router& router, RegistrationsApp& app);
void add_document_routes(http::Router& router, RouteDeps deps);
// The council's meetings with their votes, and their correction (api/council_routes.cpp).
void add_council_routes(http::Router& router, RouteDeps deps);
class StatisticsApp;
// Thống kê: the charts' figures and their Excel export (api/statistics_routes.cpp).
void add_statistics_routes(http::Router& router, StatisticsApp& app);
void add_session_routes(http::Router& router, RouteDeps deps);

inline void add_routes(http::Router& router, RouteDeps deps) {
  add_nomination_routes(router, deps);
  add_admin_routes(router, deps);
  add_public_routes(router, deps);
  add_document_routes(router, deps);
  add_council_routes(router, deps);
  add_session_routes(router, deps);
}

// The staff member the {id} of the path names, as the catalogue has them now; 400 invalid_id
// for an id no staff member can have, 404 unknown_staff for one the catalogue lacks.
Task<StaffMember> existing_staff(CatalogueStore& catalogue, http::Request& req);
// The same, when only the id is needed.
Task<std::string> existing_staff_id(CatalogueStore& catalogue, http::Request& req);

// The path parameter `name` when it is an id of its kind (one of core/ids.hpp, e.g.
// ids::catalogue); anything else is a 400 invalid_id before any lookup, its detail the
// catalogue's `message` (given {id}).
const std::string& checked_id(const http::Request& req, const std::string& name,
                              bool (*kind)(std::string_view),
                              const std::string& message = "problem.path_id");
// ?name= naming something of the catalogue: nullopt when absent or empty, the id when it is
// one (ids::catalogue), 400 invalid_<name> otherwise.
std::optional<std::string> query_catalogue_id(const http::Request& req, const std::string& name);

}  // namespace thidua::nominations
