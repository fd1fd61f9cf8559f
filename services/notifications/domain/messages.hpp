#pragma once
// Everything the notifications service says to a person: the bot's answers and
// announcements, and the `detail` of its API's problems. The texts live in messages.cpp, one
// table reviewed as a whole; tests/unit/notifications_messages_test.cpp renders each one.
#include <string>
#include <string_view>

#include "core/catalogue.hpp"

namespace thidua::notifications {

const text::Catalogue& messages();

// messages().render(key, vars): the text of `key` with its {placeholders} filled.
// Throws std::logic_error when the key or a placeholder does not match the catalogue.
std::string say(std::string_view key, text::Vars vars = {});

}  // namespace thidua::notifications
