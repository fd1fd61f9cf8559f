#pragma once
// Registration of targets (domain/registration.hpp): writing, confirming and reading the
// registrations of a year. Works on typed registrations; the API parses and renders them.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/roles.hpp"
#include "nominations/domain/registration.hpp"
#include "nominations/store/catalogue_store.hpp"
#include "nominations/store/registration_store.hpp"

namespace thidua::nominations {

// What a person writes: the rest comes from the path, the catalogue and the clock.
struct RegistrationInput {
  std::vector<std::string> titles;
  std::vector<RegistrationTarget> targets;
  bool submit = false;  // hand it in (submitted) rather than keep a draft
};

// A year's registrations as the caller may see them: the board and the council all of them
// and everyone not registered; a leader their unit's (the unit and its members) and who of
// them has not registered; anyone else their own only (no list).
struct RegistrationView {
  int year = 0;
  std::vector<Registration> items;
  std::optional<NotRegistered> not_registered;
  CatalogueRef catalogue;  // keeps not_registered's pointers alive
};

class RegistrationsApp {
 public:
  RegistrationsApp(RegistrationStore& store, CatalogueStore& catalogue, const Clock& clock);

  Task<RegistrationView> list(const Principal& who, int year) const;
  // 403 registration_forbidden (may_write_registration); 422 as check_registration says.
  Task<Registration> write(const Principal& who, int year, SubjectKind kind,
                           const std::string& subject_id, RegistrationInput input);
  // 404 registration_not_found; 403 registration_forbidden; 409 registration_not_submitted.
  Task<Registration> confirm(const Principal& who, int year, SubjectKind kind,
                             const std::string& subject_id);

 private:
  RegistrationStore& store_;
  CatalogueStore& catalogue_;
  const Clock& clock_;
};

}  // namespace thidua::nominations
