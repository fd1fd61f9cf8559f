#pragma once
// What the reports service says to people: the reminders the staff read in the Zalo group
// and in private chats. The texts live in messages.cpp, one table reviewed as a whole;
// tests/unit/reports_messages_test.cpp renders each one (issue 13).
#include <string>
#include <string_view>

#include "core/catalogue.hpp"

namespace thidua::reports {

const text::Catalogue& messages();

// messages().render(key, vars). Throws std::logic_error when the key or a placeholder does
// not match the catalogue.
std::string say(std::string_view key, text::Vars vars = {});

}  // namespace thidua::reports
