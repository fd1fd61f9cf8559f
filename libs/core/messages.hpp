#pragma once
// Everything the shared libraries say to a person: the `detail` of the problems every service
// answers alike (malformed JSON, a missing field, 401, 403, 404, 405, 413, 415, 503…) and the
// roles' names. The texts live in messages.cpp, one table reviewed as a whole (issue 13);
// tests/unit/common_messages_test.cpp renders each one. The problems' `code`s stay in the code
// that throws them: clients and contract tests rely on them.
#include <string>
#include <string_view>

#include "core/catalogue.hpp"

namespace thidua::common {

const text::Catalogue& messages();

// messages().render(key, vars): the text of `key` with its {placeholders} filled.
// Throws std::logic_error when the key or a placeholder does not match the catalogue.
std::string say(std::string_view key, text::Vars vars = {});

// How colleagues address a person, from the staff record's gender (issue 13): "thầy" for
// male, "cô" for female, "thầy cô" when it is not recorded (any other value).
std::string addressed_as(std::string_view gender);

}  // namespace thidua::common
