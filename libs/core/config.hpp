#pragma once
// Typed settings from environment variables. Every read names its variable and default, so
// a bad value stops start-up with one line that says which variable and why.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace thidua {

class Env {
 public:
  using Lookup = std::function<std::optional<std::string>(const std::string&)>;
  // Reads the process environment.
  Env();
  // Reads from `lookup` (tests).
  explicit Env(Lookup lookup);

  std::string text(const std::string& name, const std::string& fallback) const;
  // Required: missing or empty stops start-up.
  std::string required_text(const std::string& name) const;
  long long integer(const std::string& name, long long fallback, long long min,
                    long long max) const;
  bool flag(const std::string& name, bool fallback) const;
  std::chrono::milliseconds millis(const std::string& name, long long fallback_ms, long long min_ms,
                                   long long max_ms) const;
  // One of `choices`; compared case-sensitively.
  std::string choice(const std::string& name, const std::string& fallback,
                     const std::vector<std::string>& choices) const;
  // Comma-separated list; blanks dropped.
  std::vector<std::string> list(const std::string& name, const std::string& fallback) const;
  // Comma-separated integers, each in [min, max].
  std::vector<long long> integers(const std::string& name, const std::string& fallback,
                                  long long min, long long max) const;

 private:
  std::optional<std::string> raw(const std::string& name) const;
  Lookup lookup_;
};

}  // namespace thidua
