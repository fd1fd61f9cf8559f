#pragma once
// Where a nomination's subject's registration of targets is kept: the period's year (from the
// catalogue) and the subject (from the record). A nomination's detail could only ask for it
// after reading the record, one Redis round trip more than the record itself; so each event
// loop remembers the address it found the last time it read a nomination, asks for that
// registration beside the record, and keeps the answer only when the record just read still
// leads to the same address (else it asks again). Nothing is served from memory: the
// registration is read from Redis on every request, only earlier.
#include <array>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/event_loop.hpp"
#include "nominations/domain/catalogue.hpp"

namespace thidua::nominations {

struct RegistrationAddress {
  int year = 0;
  SubjectKind kind = SubjectKind::Individual;
  std::string subject_id;
  bool operator==(const RegistrationAddress&) const = default;
};

class RegistrationAddresses {
 public:
  // The address found the last time this loop read nomination `id`, if it did.
  std::optional<RegistrationAddress> last(const std::string& id) const {
    const auto& seen = by_loop_.at(current_loop_index());
    auto it = seen.find(id);
    if (it == seen.end()) return std::nullopt;
    return it->second;
  }
  // What nomination `id` leads to now. At most kRemembered per loop (a school has a few
  // hundred nominations a year); beyond that the loop starts afresh.
  void remember(const std::string& id, RegistrationAddress address) {
    auto& seen = by_loop_.at(current_loop_index());
    if (seen.size() >= kRemembered && !seen.contains(id)) seen.clear();
    seen[id] = std::move(address);
  }

 private:
  static constexpr std::size_t kRemembered = 4096;
  // One map per event loop (THIDUA_HTTP_THREADS is at most 64); each loop touches only its own.
  std::array<std::unordered_map<std::string, RegistrationAddress>, 64> by_loop_;
};

}  // namespace thidua::nominations
