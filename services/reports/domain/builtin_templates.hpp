#pragma once
// The templates of config/documents/ as they are in the source tree, built into the binary
// (CMake writes them into builtin_templates.cpp), for a service started where that folder is
// not: the same wording, never a second copy to keep in step.
#include <string_view>

namespace thidua::reports {

std::string_view builtin_yearly_template();

}  // namespace thidua::reports
