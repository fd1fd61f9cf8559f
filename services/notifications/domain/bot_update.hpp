#pragma once
// One update from the Zalo Bot Platform, typed (bot/zalo_update.hpp reads it from the
// platform's JSON), and the rules on which updates the bot answers.
#include <string>

namespace thidua::notifications {

struct BotUpdate {
  std::string event_name;
  std::string message_id;
  long long date_ms = 0;
  std::string text;
  std::string from_id;
  std::string from_name;
  bool from_bot = false;
  std::string chat_id;
  bool group = false;  // chat_type GROUP; PRIVATE otherwise
};

// What identifies one update across redeliveries and replicas: "<chat_id>:<message_id>", or
// "" when it has no message id (then it cannot be recognised again).
std::string update_key(const BotUpdate& u);

enum class UpdateVerdict { Handle, IgnoreBot, IgnoreChat, IgnoreEmpty };

// Which updates the bot answers: people (not bots, not itself), in the staff group or in a
// private chat (the caller's link is checked when the command runs).
UpdateVerdict judge_update(const BotUpdate& u, const std::string& group_id,
                           const std::string& own_bot_id);

}  // namespace thidua::notifications
