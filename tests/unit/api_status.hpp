#pragma once
// The HTTP status of the ApiError a call throws (0 when it throws none): how the rules'
// tests say "refused, and how".
#include <functional>

#include "core/errors.hpp"

namespace thidua {

inline int status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ApiError& e) {
    return e.status();
  }
  return 0;
}

}  // namespace thidua
