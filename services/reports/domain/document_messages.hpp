#pragma once
// The reports service's texts about documents (issuing, downloads, rendering): one catalogue,
// rendered through libs/core/catalogue.hpp, so the wording is reviewed in one place and a
// test lints every entry.
#include "core/catalogue.hpp"

namespace thidua::reports {

const text::Catalogue& document_messages();

}  // namespace thidua::reports
