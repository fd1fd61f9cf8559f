#pragma once
// The templates of config/documents/ that nominations fills, as they are in the source tree,
// built into the binary (CMake writes builtin_templates.cpp), for a service started where
// that folder is not: the same wording, never a second copy to keep in step.
#include <string>
#include <string_view>

namespace thidua::nominations {

// The text of `file` ("to-trinh.txt"); empty when it is not built in.
std::string_view builtin_template(const std::string& file);

}  // namespace thidua::nominations
