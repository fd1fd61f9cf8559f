#pragma once
// Everything the nominations service says to a person: the `detail` of its API's problems,
// and the labels people read in its answers (statuses, the workflow's verbs, dossier items,
// a council vote's summary). The texts live in messages.cpp (the workflow) and
// messages_records.cpp (the school's records), one catalogue reviewed as a whole;
// tests/unit/nominations_messages_test.cpp renders each one. The shared problems (malformed
// JSON, a missing field, 401, 403…) are in libs/core/messages.cpp.
#include <string>
#include <string_view>

#include "core/catalogue.hpp"

namespace thidua::nominations {

const text::Catalogue& messages();

// messages().render(key, vars): the text of `key` with its {placeholders} filled.
// Throws std::logic_error when the key or a placeholder does not match the catalogue.
std::string say(std::string_view key, text::Vars vars = {});

}  // namespace thidua::nominations
