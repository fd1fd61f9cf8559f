#include "core/address.hpp"

namespace thidua {

std::string honorific(std::string_view gender) {
  if (gender == "male") return "thầy";
  if (gender == "female") return "cô";
  return "thầy cô";
}

}  // namespace thidua
