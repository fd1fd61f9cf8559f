#include "core/config.hpp"

#include <cstdlib>

namespace thidua {
namespace {
std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

long long parse_integer(const std::string& name, const std::string& value, long long min,
                        long long max) {
  std::size_t used = 0;
  long long n = 0;
  try {
    n = std::stoll(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value.size()) {
    throw ConfigError(name + ": expected a whole number, got '" + value + "'");
  }
  if (n < min || n > max) {
    throw ConfigError(name + ": " + value + " is outside " + std::to_string(min) + ".." +
                      std::to_string(max));
  }
  return n;
}
}  // namespace

Env::Env()
    : lookup_([](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        if (!v) return std::nullopt;
        return std::string(v);
      }) {}

Env::Env(Lookup lookup) : lookup_(std::move(lookup)) {}

std::optional<std::string> Env::raw(const std::string& name) const {
  auto v = lookup_(name);
  if (!v) return std::nullopt;
  auto t = trim(*v);
  if (t.empty()) return std::nullopt;
  return t;
}

std::string Env::text(const std::string& name, const std::string& fallback) const {
  return raw(name).value_or(fallback);
}

std::string Env::required_text(const std::string& name) const {
  auto v = raw(name);
  if (!v) throw ConfigError(name + ": required but not set");
  return *v;
}

long long Env::integer(const std::string& name, long long fallback, long long min,
                       long long max) const {
  auto v = raw(name);
  if (!v) return fallback;
  return parse_integer(name, *v, min, max);
}

bool Env::flag(const std::string& name, bool fallback) const {
  auto v = raw(name);
  if (!v) return fallback;
  if (*v == "1" || *v == "true" || *v == "yes" || *v == "on") return true;
  if (*v == "0" || *v == "false" || *v == "no" || *v == "off") return false;
  throw ConfigError(name + ": expected true or false, got '" + *v + "'");
}

std::chrono::milliseconds Env::millis(const std::string& name, long long fallback_ms,
                                      long long min_ms, long long max_ms) const {
  return std::chrono::milliseconds(integer(name, fallback_ms, min_ms, max_ms));
}

std::string Env::choice(const std::string& name, const std::string& fallback,
                        const std::vector<std::string>& choices) const {
  auto v = text(name, fallback);
  for (const auto& c : choices) {
    if (c == v) return v;
  }
  std::string allowed;
  for (const auto& c : choices) allowed += (allowed.empty() ? "" : ", ") + c;
  throw ConfigError(name + ": '" + v + "' is not one of " + allowed);
}

std::vector<std::string> Env::list(const std::string& name, const std::string& fallback) const {
  std::vector<std::string> out;
  std::string all = text(name, fallback);
  std::size_t start = 0;
  while (start <= all.size()) {
    auto end = all.find(',', start);
    if (end == std::string::npos) end = all.size();
    auto item = trim(all.substr(start, end - start));
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

std::vector<long long> Env::integers(const std::string& name, const std::string& fallback,
                                     long long min, long long max) const {
  std::vector<long long> out;
  for (const auto& item : list(name, fallback)) out.push_back(parse_integer(name, item, min, max));
  return out;
}

}  // namespace thidua
