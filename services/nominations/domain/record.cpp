#include "nominations/domain/record.hpp"

namespace thidua::nominations {

bool is_public_honour(const NominationRecord& r) {
  return r.status == Status::Awarded && r.outcome.decision && !r.outcome.decision->number.empty();
}

}  // namespace thidua::nominations
