#pragma once
// Chat commands as staff type them: Vietnamese first, with or without diacritics, any case,
// English aliases; in a group the message starts with a mention of the bot.
#include <string>
#include <vector>

namespace thidua::notifications {

enum class CommandKind { Help, Deadlines, Reports, Quotas, Nominations, Status, Link, WhoAmI };

struct ParsedCommand {
  bool ok = false;
  CommandKind kind = CommandKind::Help;
  std::vector<std::string> args;  // folded (lower case, no diacritics)
  std::string hint;               // one line for the chat when !ok
};

// Removes a leading "@<bot name>" (any of `bot_names`, compared folded) from folded text;
// an unknown mention before a command is dropped up to the '/'.
std::string strip_mention(const std::string& folded, const std::vector<std::string>& bot_names);

// Reads one message. Text that is not a command, an unknown command and wrong arguments all
// give ok=false with a hint, never silence.
ParsedCommand parse_command(const std::string& text, const std::vector<std::string>& bot_names);

// The /trogiup answer; `contact` is the person named in the plan for difficulties.
std::string help_text(const std::string& contact);

}  // namespace thidua::notifications
