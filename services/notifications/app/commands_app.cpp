#include "notifications/app/commands_app.hpp"

#include "core/integer.hpp"
#include "core/log.hpp"
#include "notifications/domain/messages.hpp"
#include "notifications/domain/replies.hpp"

namespace thidua::notifications {
namespace {
// The bot acts with the rights of the colleague who typed the command (X-Acting-For), never
// with its own service token's: only help and linking work for someone it cannot name.
bool needs_link(CommandKind k) {
  return k != CommandKind::Help && k != CommandKind::Link;
}
}  // namespace

CommandsApp::CommandsApp(OutboxApp& outbox, PreferencesStore& preferences, StaffDirectory& staff,
                         ReportsService& reports, NominationsService& nominations,
                         const Settings& settings, const Clock& clock)
    : outbox_(outbox),
      preferences_(preferences),
      staff_(staff),
      reports_(reports),
      nominations_(nominations),
      settings_(settings),
      clock_(clock) {
  if (!settings.bot_name.empty()) bot_names_.push_back(settings.bot_name);
}

void CommandsApp::learn_bot(const std::string& id, const std::string& name) {
  if (!id.empty()) bot_id_ = id;
  if (!name.empty()) bot_names_.push_back(name);
}

Task<void> CommandsApp::handle(const BotUpdate& u) {
  auto verdict = judge_update(u, settings_.group_id, bot_id_);
  if (verdict != UpdateVerdict::Handle) {
    log::debug("update_ignored",
               {{"message_id", u.message_id}, {"verdict", static_cast<int>(verdict)}});
    co_return;
  }
  std::string key = update_key(u);
  if (co_await outbox_.replied(key)) co_return;  // a duplicate message_id
  auto text = co_await answer(u);
  if (!text) co_return;
  co_await outbox_.reply(u.chat_id, key, *text);
}

Task<std::optional<std::string>> CommandsApp::answer(const BotUpdate& u) {
  // In the group the bot answers only what is meant for it, not the staff's conversation.
  if (u.group && !addressed_to_bot(u.text, bot_names_)) co_return std::nullopt;
  auto parsed = parse_command(u.text, bot_names_);
  // A sign-in code is never posted in the group: whoever asks there is told to ask privately.
  if (u.group && parsed.ok && parsed.kind == CommandKind::SignIn) {
    co_return say("answer.sign_in_group");
  }
  // Looking up takes a moment or two: the chat sees "typing…" meanwhile (issue 13). Best
  // effort and not awaited, so a slow platform never delays the answer.
  if (typing_ && parsed.ok && parsed.kind != CommandKind::Help) {
    spawn(typing_->show_typing(u.chat_id));
  }
  // Help and linking answer alike whoever asks, and so does a wrong command in the group:
  // nominations is asked who this is only when the answer depends on it.
  const Colleague nobody;
  if (parsed.ok && !needs_link(parsed.kind)) co_return co_await run(parsed, u, nobody);
  if (u.group && !parsed.ok) co_return parsed.hint;
  // Linking is what someone not linked does: a code typed wrong, or /lienket mistyped, is
  // answered with what to fix rather than with the way to link they are following.
  if (!parsed.ok && parsed.kind == CommandKind::Link) co_return parsed.hint;
  auto who = co_await staff_.by_zalo_user(u.from_id);
  if (!who.colleague) {
    // Someone not linked: in a private chat, the way to link; in the group, that the
    // command needs a linked account.
    const char* key = u.group ? "answer.not_linked" : "answer.how_to_link";
    co_return say(who.reachable ? key : "answer.nominations_down");
  }
  if (!parsed.ok) co_return parsed.hint;
  const Colleague caller = *who.colleague;  // a named local: see the GCC 12 caveat on co_await
  co_return co_await run(parsed, u, caller);
}

Task<std::optional<std::string>> CommandsApp::run(const ParsedCommand& c, const BotUpdate& u,
                                                  const Colleague& caller) {
  // Named locals, not temporaries, beside co_await (the GCC 12 caveat in the README).
  const std::string me = caller.id;
  switch (c.kind) {
    case CommandKind::Help:
      co_return help_text(settings_.contact);
    case CommandKind::Deadlines:
      co_return co_await deadlines(me);
    case CommandKind::Reports: {
      // parse_command has checked the year: a whole number of the movement.
      int year = local_date(clock_.now()).year;
      if (!c.args.empty()) {
        year = static_cast<int>(parse_integer(c.args[0]).value_or(year));
      } else {
        auto list = co_await reports_.deadlines(me);  // none typed: the year to come
        if (list.ok()) year = report_year(list.value, year);
      }
      co_return co_await reports(year, me);
    }
    case CommandKind::Quotas:
      co_return co_await quotas(c.args, me);
    case CommandKind::WhoAmI:
      co_return reply_whoami(caller);
    case CommandKind::RemindersOff:
    case CommandKind::RemindersOn: {
      // Needs a linked account (needs_link): the choice is kept by staff id.
      const bool off = c.kind == CommandKind::RemindersOff;
      const bool changed = co_await preferences_.set_reminders_off(me, off);
      log::info("reminders_preference", {{"staff_id", me}, {"off", off}, {"changed", changed}});
      co_return reply_reminders(off, changed, caller);
    }
    case CommandKind::Nominations: {
      auto a = co_await nominations_.nominations_of(me, me);
      if (!a.ok()) co_return say("answer.nominations_down");
      // In the group only what the group has been told: the rest privately (domain.md).
      if (u.group) co_return reply_nominations(a.value, addressed_name(caller), true);
      // Privately also those the person wrote (a unit leader's for the unit's members; none
      // for whoever writes none, so nominations' own rule decides).
      std::vector<NominationView> wrote;
      auto by = co_await nominations_.nominations_by(me, me);
      if (by.ok()) wrote = std::move(by.value);
      co_return reply_nominations(a.value, addressed_name(caller), false, wrote);
    }
    case CommandKind::Status: {
      const std::string id = c.args[0];
      auto a = co_await nominations_.nomination(id, me);
      // Not found also for a colleague's nomination the person may not see, as in the API. In
      // the group that answer is the one for a nomination not told there: neither tells the
      // group whether a number exists, nor that one was rejected.
      if (a.reach == Reach::NotFound) {
        auto text = u.group ? say("nomination.ask_in_private", {{"id", notifications::quoted(id)}})
                            : say("answer.no_nomination", {{"id", notifications::quoted(id)}});
        co_return text;  // a named local beside co_*: the GCC 12 caveat
      }
      if (!a.ok()) co_return say("answer.nominations_down");
      co_return reply_nomination(a.value, u.group);
    }
    case CommandKind::SignIn: {
      // Only in a private chat (answer() answers the group), for a linked person: the code
      // is asked for with their rights, so it signs in no one else.
      auto a = co_await nominations_.issue_sign_in(me);
      if (a.reach == Reach::TooMany) co_return reply_sign_in_too_many(caller);
      if (!a.ok()) co_return say("answer.nominations_down");
      co_return reply_sign_in(a.value, settings_.dashboard_url, caller);
    }
    case CommandKind::Link: {
      auto linked = co_await staff_.link(c.args[0], u.from_id);
      if (linked.outcome == LinkResult::Outcome::BadCode) co_return say("answer.bad_link_code");
      if (linked.outcome == LinkResult::Outcome::TooManyWrong) {
        co_return say("answer.link_too_many");
      }
      if (linked.outcome == LinkResult::Outcome::Down) co_return say("answer.nominations_down");
      co_return reply_linked(linked.colleague, u.group);
    }
  }
  co_return std::nullopt;
}

Task<std::string> CommandsApp::deadlines(const std::string& acting_for) {
  // Every deadline with its next occurrence and its own state: what is owed is that
  // deadline's, never the yearly report's when another comes first (issue 14).
  // An open nomination round closing sooner is told first (issue 14).
  auto list = co_await reports_.deadlines(acting_for);
  auto rounds = co_await nominations_.open_rounds(acting_for);
  const Deadlines none;
  co_return reply_deadlines(list.ok() ? list.value : none,
                            rounds.ok() ? rounds.value : std::vector<OpenRound>{});
}

Task<std::string> CommandsApp::reports(int year, const std::string& acting_for) {
  auto subs = co_await reports_.submissions(year, acting_for);
  if (!subs.ok()) {
    auto text = say("answer.reports_down", {{"year", std::to_string(year)}});
    co_return text;
  }
  co_return reply_reports(subs.value, year);
}

Task<std::string> CommandsApp::quotas(const std::vector<std::string>& words,
                                      const std::string& acting_for) {
  std::string period = std::to_string(local_date(clock_.now()).year);
  if (!words.empty()) {
    auto periods = co_await nominations_.periods(acting_for);
    if (!periods.ok()) co_return say("answer.nominations_down");
    period = match_period(words, periods.value);
    if (period.empty()) {
      std::string typed;
      for (const auto& w : words) typed += (typed.empty() ? "" : " ") + w;
      auto text = say("answer.no_period", {{"period", notifications::quoted(typed)}});
      co_return text;
    }
  }
  auto a = co_await nominations_.quotas(period, acting_for);
  if (a.reach == Reach::NotFound || a.reach == Reach::Invalid) {
    auto text = say("answer.no_period", {{"period", notifications::quoted(period)}});
    co_return text;
  }
  if (!a.ok()) co_return say("answer.nominations_down");
  co_return reply_quotas(a.value);
}

}  // namespace thidua::notifications
