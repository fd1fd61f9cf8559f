#include "nominations/domain/record.hpp"

namespace thidua::nominations {

bool is_public_honour(const NominationRecord& r) {
  if (r.status != Status::Awarded || !r.outcome.is_object()) return false;
  auto d = r.outcome.find("decision");
  return d != r.outcome.end() && d->is_object() && !d->value("number", "").empty();
}

}  // namespace thidua::nominations
