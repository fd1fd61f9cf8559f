// The chat command parser (notifications/domain/commands.cpp) on any message text: it must
// answer every text with a command or a one-line hint, never throw, and hand on only
// arguments that passed its checks.
#include <algorithm>

#include "fuzz_support.hpp"
#include "notifications/domain/commands.hpp"

using namespace thidua::notifications;
using thidua::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> kBotNames{"ThiĐuaBot", "@thidua_bot"};
  std::string text = thidua::fuzz::text_of(data, size);
  ParsedCommand c = parse_command(text, kBotNames);
  check(c.ok == c.hint.empty(), "a hint exactly when the command is refused");
  check(c.hint.find('\n') == std::string::npos, "the hint is one line");
  check(c.ok || c.args.empty(), "no arguments from a refused command");
  if (c.ok && c.kind == CommandKind::Status) {
    const auto& a = c.args.at(0);
    check(std::all_of(a.begin(), a.end(), ::isdigit), "a nomination id is digits");
  }
  if (c.ok && c.kind == CommandKind::Reports && !c.args.empty()) {
    check(c.args[0].size() == 4, "a year has 4 digits");
  }
  // strip_mention sees folded text in production; any bytes must still be safe.
  strip_mention(text, kBotNames);
  return 0;
}
