#pragma once
// What every fuzz target shares: the input as text, and a check that turns a broken promise
// of the code under test into a crash libFuzzer keeps (abort, with the promise on stderr).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace thidua::fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

inline void check(bool ok, const char* promise) {
  if (ok) return;
  std::fprintf(stderr, "fuzz: broken promise: %s\n", promise);
  std::abort();
}

}  // namespace thidua::fuzz
