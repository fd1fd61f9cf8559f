#pragma once
// Zalo takes 1–2000 characters per message (characters, not bytes), so a longer text goes
// out as several messages, cut where a reader expects a break.
#include <string>
#include <vector>

namespace thidua::notifications {

// Splits `text` (valid UTF-8) into parts of at most `max_chars` code points, in order:
// at the last line break that fits, else the last space, else mid-word as a last resort.
// Whitespace at a cut is dropped; an empty or blank text gives no parts.
std::vector<std::string> split_message(const std::string& text, std::size_t max_chars = 2000);

}  // namespace thidua::notifications
