#pragma once
// What every fuzz target shares: the input as text, and a check that turns a broken promise
// of the code under test into a crash libFuzzer keeps (abort, with the promise on stderr).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "core/errors.hpp"

namespace thidua::fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

inline void check(bool ok, const char* promise) {
  if (ok) return;
  std::fprintf(stderr, "fuzz: broken promise: %s\n", promise);
  std::abort();
}

// A parser that accepts what its own to_json wrote, and gives it back unchanged.
template <class Parse>
void round_trip(const nlohmann::json& body, Parse parse) {
  auto first = to_json(parse(body));
  nlohmann::json again;
  try {
    again = to_json(parse(first));
  } catch (const thidua::ApiError&) {
    check(false, "a parser accepts its own to_json");
  }
  check(again == first, "parse(to_json(x)) is x");
}

}  // namespace thidua::fuzz
