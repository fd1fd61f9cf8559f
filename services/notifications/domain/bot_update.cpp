#include "notifications/domain/bot_update.hpp"

namespace thidua::notifications {

UpdateVerdict judge_update(const BotUpdate& u, const std::string& group_id,
                           const std::string& own_bot_id) {
  if (u.from_bot || (!own_bot_id.empty() && u.from_id == own_bot_id))
    return UpdateVerdict::IgnoreBot;
  if (u.group && u.chat_id != group_id) return UpdateVerdict::IgnoreChat;
  if (u.text.empty()) return UpdateVerdict::IgnoreEmpty;
  return UpdateVerdict::Handle;
}

std::string update_key(const BotUpdate& u) {
  return u.message_id.empty() ? std::string() : u.chat_id + ":" + u.message_id;
}

}  // namespace thidua::notifications
