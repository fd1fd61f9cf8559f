#pragma once
// The second part of nominations' one message catalogue (messages.hpp is the interface:
// messages() and say()). Only messages.cpp reads this, to join the parts.
#include <span>

#include "core/catalogue.hpp"

namespace thidua::nominations {

// The texts of the school's records: the catalogue, sign-in, initiatives, registrations,
// documents, statistics (messages_records.cpp).
std::span<const text::Message> record_messages();

}  // namespace thidua::nominations
