#pragma once
// Facts of the school's plan that several services share: the six content areas of the
// movement (section II), which reports and achievements are tagged with.
#include <string>
#include <vector>

namespace thidua {

// The years of the movement (2025–2030): the periods, the yearly reports, the figures.
inline constexpr int kFirstYear = 2025;
inline constexpr int kLastYear = 2030;

struct ContentArea {
  std::string code;   // II.1 … II.6
  std::string label;  // short Vietnamese label
};

const std::vector<ContentArea>& content_areas();
bool is_content_area(const std::string& code);

}  // namespace thidua
