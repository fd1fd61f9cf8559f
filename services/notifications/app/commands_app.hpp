#pragma once
// Answers the staff's chat commands by asking the nominations and reports services. The
// caller acts with the role of the staff record their Zalo id is linked to.
#include <optional>
#include <string>
#include <vector>

#include "notifications/app/outbox_app.hpp"
#include "notifications/app/ports.hpp"
#include "notifications/app/staff_directory.hpp"
#include "notifications/bot/messenger.hpp"
#include "notifications/domain/bot_update.hpp"
#include "notifications/domain/commands.hpp"

namespace thidua::notifications {

class CommandsApp {
 public:
  // `staff`: who is typing (by their Zalo id), asked before any command that needs it.
  CommandsApp(OutboxApp& outbox, PreferencesStore& preferences, StaffDirectory& staff,
              ReportsService& reports, NominationsService& nominations, const Settings& settings,
              const Clock& clock);
  // Handles one stored update: decides, answers once (the reply is queued in the outbox).
  Task<void> handle(const BotUpdate& u);
  // The answer for one command, or nullopt when the bot stays silent (a stranger's
  // private chat). Public for tests.
  Task<std::optional<std::string>> answer(const BotUpdate& u);
  // Names the bot answers to in groups; getMe adds the platform's.
  void learn_bot(const std::string& id, const std::string& name);
  // Where "typing…" is shown while a command is looked up (the Zalo client; none locally).
  void show_typing_through(Messenger& messenger) { typing_ = &messenger; }

 private:
  // `caller`: the linked colleague; empty for the commands that need no one (help, link).
  Task<std::optional<std::string>> run(const ParsedCommand& c, const BotUpdate& u,
                                       const Colleague& caller);
  // `acting_for`: the staff id whose rights the calls carry.
  Task<std::string> deadlines(const std::string& acting_for);
  Task<std::string> reports(int year, const std::string& acting_for);
  // `words`: what followed /chitieu (none: this year), read with match_period.
  Task<std::string> quotas(const std::vector<std::string>& words, const std::string& acting_for);
  Messenger* typing_ = nullptr;  // shows "typing…" while a command is looked up
  OutboxApp& outbox_;
  PreferencesStore& preferences_;
  StaffDirectory& staff_;
  ReportsService& reports_;
  NominationsService& nominations_;
  const Settings& settings_;
  const Clock& clock_;
  std::vector<std::string> bot_names_;
  std::string bot_id_;
};

}  // namespace thidua::notifications
