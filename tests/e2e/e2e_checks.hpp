#pragma once
// Small checks the end-to-end tests share.
#include <string>

namespace thidua::e2e {

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace thidua::e2e
