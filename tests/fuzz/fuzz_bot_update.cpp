// The Zalo update parser (notifications/bot/zalo_update.cpp) on any webhook or getUpdates
// body, followed by what the commands worker does with it (commands_app.cpp): judge the
// update, then read its text as a command.
#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "notifications/bot/zalo_update.hpp"
#include "notifications/domain/commands.hpp"

using namespace thidua::notifications;
using thidua::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  auto u = parse_update(j);
  if (!u) return 0;
  check(!u->message_id.empty() && !u->chat_id.empty() && !u->from_id.empty(),
        "an update has a message, a chat and a sender");
  if (judge_update(*u, "nhom-can-bo", "bot-1") != UpdateVerdict::Handle) return 0;
  parse_command(u->text, {"ThiĐuaBot"});
  return 0;
}
