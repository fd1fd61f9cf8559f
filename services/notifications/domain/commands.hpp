#pragma once
// Chat commands as staff type them: Vietnamese first, with or without diacritics, any case,
// English aliases; in a group the message starts with a mention of the bot.
#include <cstddef>
#include <string>
#include <vector>

#include "notifications/domain/lookups.hpp"

namespace thidua::notifications {

enum class CommandKind {
  Help,
  Deadlines,
  Reports,
  Quotas,
  Nominations,
  Status,
  Link,
  WhoAmI,
  RemindersOff,  // /tatnhac: no private reminders for the sender (the group's still come)
  RemindersOn,   // /batnhac: private reminders again
  SignIn,        // /dangnhap: a one-time code and link to the dashboard, in a private chat only
};

struct ParsedCommand {
  bool ok = false;
  // When !ok: the command named with a wrong argument, or the one a mistyped name most likely
  // meant; Help when neither.
  CommandKind kind = CommandKind::Help;
  std::vector<std::string> args;  // folded (lower case, no diacritics)
  std::string hint;               // one line for the chat when !ok
};

// What a person typed, as a reply quotes it back (an unknown command, an argument): one line
// without control characters, at most kQuotedMaxChars characters with "…" when cut, so a
// reply never grows with the input.
inline constexpr std::size_t kQuotedMaxChars = 32;
std::string quoted(const std::string& typed);

// Removes every "@<bot name>" (any of `bot_names`, compared folded, so case and diacritics do
// not matter; the name may have spaces) from folded text, and the punctuation a keyboard puts
// around a command ("@Bot, /hanchot."); an unknown mention before a command is dropped up to
// the '/'.
std::string strip_mention(const std::string& folded, const std::vector<std::string>& bot_names);

// Whether a message in the group is meant for the bot: it starts with a command ("/…", after
// a mention and the punctuation a keyboard adds) or mentions the bot by one of its names. The bot
// answers only these in the group, and stays out of the staff's own conversation (issue 13).
bool addressed_to_bot(const std::string& text, const std::vector<std::string>& bot_names);

// Reads one message. A command name typed as words ("/han chot") is read joined when its
// first word is no command. Text that is not a command, an unknown command and wrong
// arguments all give ok=false with a hint, never silence.
ParsedCommand parse_command(const std::string& text, const std::vector<std::string>& bot_names);

// The period meant by the words typed after /chitieu (folded, as ParsedCommand.args): a year
// ("2026", "nam 2026"), "so ket" or "tong ket" with or without spaces, hyphens or the year,
// or a period's id ("so-ket-2027"). `periods` is the nominations catalogue's list, in its
// order. Returns the period's id, or "" when no period matches (the bot then says so).
std::string match_period(const std::vector<std::string>& words, const std::vector<Period>& periods);

// The /trogiup answer; `contact` is the person named in the plan for difficulties.
std::string help_text(const std::string& contact);

}  // namespace thidua::notifications
