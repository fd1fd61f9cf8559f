#pragma once
// The register of initiatives (domain/initiative.hpp): recording, correcting, removing and
// reading entries, for the dashboard and the website. Works on typed entries; the API parses
// and renders them.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/roles.hpp"
#include "nominations/domain/initiative.hpp"
#include "nominations/store/catalogue_store.hpp"
#include "nominations/store/initiative_store.hpp"

namespace thidua::nominations {

struct InitiativeFilter {
  std::optional<int> year;
  std::optional<std::string> unit_id;
  std::optional<std::string> content_area;
  std::optional<std::string> author_id;  // entries this staff member is one of the authors of
};

class InitiativesApp {
 public:
  InitiativesApp(InitiativeStore& store, CatalogueStore& catalogue, const Clock& clock);

  // The entry as stored, with its id. 422 invalid_initiative / date_in_future as
  // check_initiative says; the route has checked the role.
  Task<Initiative> record(const Principal& who, Initiative entry);
  // Replaces what a person can edit of entry `id`; 404 initiative_not_found.
  Task<Initiative> correct(const Principal& who, const std::string& id, Initiative entry);
  Task<void> remove(const std::string& id);  // 404 initiative_not_found
  Task<Initiative> get(const std::string& id) const;
  Task<std::vector<Initiative>> list(const InitiativeFilter& filter) const;
  // What the website shows: public, recognised entries, of one year or all.
  Task<std::vector<Initiative>> public_list(std::optional<int> year) const;

 private:
  InitiativeStore& store_;
  CatalogueStore& catalogue_;
  const Clock& clock_;
};

}  // namespace thidua::nominations
