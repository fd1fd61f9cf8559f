#include "notifications/domain/commands.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>
#include <string_view>

#include "core/ids.hpp"
#include "core/integer.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "notifications/domain/messages.hpp"

namespace thidua::notifications {
namespace {
struct Spec {
  CommandKind kind;
  std::vector<std::string> names;  // folded; the first is the Vietnamese one
  int min_args;
  int max_args;
  const char* example;  // what to type, with a sample argument
  const char* missing;  // catalogue key: what is missing when the argument is
};

const std::vector<Spec>& specs() {
  static const std::vector<Spec> all = {
      {CommandKind::Help, {"trogiup", "help", "start"}, 0, 0, "/trogiup", ""},
      {CommandKind::Deadlines, {"hanchot", "deadline", "deadlines"}, 0, 0, "/hanchot", ""},
      {CommandKind::Reports, {"baocao", "report", "reports"}, 0, 1, "/baocao 2026", ""},
      // A period may take words: "/chitieu sơ kết", "/chitieu tong ket 2030".
      {CommandKind::Quotas, {"chitieu", "quota", "quotas"}, 0, 3, "/chitieu sơ kết", ""},
      {CommandKind::Nominations, {"denghi", "nominations", "mine"}, 0, 0, "/denghi", ""},
      {CommandKind::Status,
       {"trangthai", "status"},
       1,
       1,
       "/trangthai 12",
       "command.missing_nomination"},
      {CommandKind::Link,
       {"lienket", "link"},
       1,
       1,
       "/lienket 3fa9c2",
       "command.missing_link_code"},
      {CommandKind::WhoAmI, {"toila", "whoami"}, 0, 0, "/toila", ""},
      {CommandKind::RemindersOff, {"tatnhac", "remindersoff", "mute"}, 0, 0, "/tatnhac", ""},
      {CommandKind::RemindersOn, {"batnhac", "reminderson", "unmute"}, 0, 0, "/batnhac", ""},
      {CommandKind::SignIn, {"dangnhap", "login", "signin"}, 0, 0, "/dangnhap", ""},
  };
  return all;
}

// What phone keyboards put between a mention and the command, or after the command.
constexpr std::string_view kSeparators[] = {" ", ",", ":", ";", ".",  "!", "?",
                                            "-", "–", "—", "…", "，", "："};
// A command name typed as words ("/han chot") is looked up joined, up to this many words.
constexpr std::size_t kMaxNameWords = 3;

std::string_view trim_separators(std::string_view t) {
  for (bool cut = true; cut;) {
    cut = false;
    for (auto sep : kSeparators) {
      if (t.starts_with(sep)) t.remove_prefix(sep.size()), cut = true;
      if (t.ends_with(sep)) t.remove_suffix(sep.size()), cut = true;
    }
  }
  return t;
}

// The bot's names as typed text is compared with them: folded, one line, no leading '@',
// longest first so that "Bot Thi đua VP1" wins over a shorter "Bot".
std::vector<std::string> folded_names(const std::vector<std::string>& bot_names) {
  std::vector<std::string> out;
  for (const auto& name : bot_names) {
    std::string n = text::fold(text::one_line(name));
    if (!n.empty() && n[0] == '@') n.erase(0, 1);
    if (!n.empty()) out.push_back(std::move(n));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

// A name ends where a word ends: "@bot thi dua vp12" is not a mention of "bot thi dua vp1".
bool ends_word(const std::string& t, std::size_t i) {
  if (i >= t.size()) return true;
  auto c = static_cast<unsigned char>(t[i]);
  return c < 0x80 && !std::isalnum(c) && c != '_';
}

// Every "@<bot name>" replaced by a space, wherever it stands: before the command, glued to it
// ("/hanchot@Bot Thi đua VP1") or at the end.
std::string without_bot_mentions(std::string t, const std::vector<std::string>& names) {
  for (auto at = t.find('@'); at != std::string::npos; at = t.find('@', at)) {
    auto it = std::find_if(names.begin(), names.end(), [&](const std::string& n) {
      return t.compare(at + 1, n.size(), n) == 0 && ends_word(t, at + 1 + n.size());
    });
    if (it == names.end()) {
      ++at;
      continue;
    }
    t.replace(at, 1 + it->size(), " ");
  }
  return t;
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

const Spec* spec_named(std::string_view name) {
  for (const auto& s : specs()) {
    if (std::find(s.names.begin(), s.names.end(), name) != s.names.end()) return &s;
  }
  return nullptr;
}

struct Found {
  const Spec* spec = nullptr;
  std::size_t words = 0;  // how many leading words the name took
};

// The command the leading words name: the first word alone, or, only when that is no command,
// the first words joined ("/bao cao 2026"), so a real argument never becomes part of the name.
Found find_command(const std::vector<std::string>& words) {
  std::string joined;
  for (std::size_t k = 0; k < words.size() && k < kMaxNameWords; ++k) {
    joined += words[k];
    auto at = joined.find('@');  // "/hanchot@otherbot": what follows '@' names another bot
    if (const Spec* s = spec_named(std::string_view(joined).substr(0, at))) return {s, k + 1};
    if (at != std::string::npos) break;
  }
  return {};
}

// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: optimal string
// alignment, over the folded bytes.
std::size_t edits(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// The command a mistyped name most likely meant ("/hanchott", "/trangthia", "/chi tieuu"):
// within one edit of a name up to 4 letters, two of a longer one; the first words joined as
// find_command joins them, fewer words first. None: no spec.
Found nearest_command(const std::vector<std::string>& words) {
  Found best;
  std::size_t best_edits = 0;
  std::string joined;
  for (std::size_t k = 0; k < words.size() && k < kMaxNameWords; ++k) {
    joined += words[k];
    std::string_view typed = std::string_view(joined).substr(0, joined.find('@'));
    for (const auto& s : specs()) {
      for (const auto& name : s.names) {
        const std::size_t longer = std::max(typed.size(), name.size());
        if (longer - std::min(typed.size(), name.size()) > 2) continue;  // more than two edits
        std::size_t n = edits(typed, name);
        if (n == 0 || n > (name.size() <= 4 ? 1u : 2u)) continue;
        if (!best.spec || n < best_edits) best = {&s, k + 1}, best_edits = n;
      }
    }
    if (joined.find('@') != std::string::npos) break;
  }
  return best;
}

bool all_of(const std::string& s, int (*pred)(int), const char* extra) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) {
    return pred(static_cast<unsigned char>(c)) ||
           std::string_view(extra).find(c) != std::string_view::npos;
  });
}

// A wrong argument is answered with what to write and an example, in one line, in the
// words of a colleague rather than a program's (issue 13).
std::string usage_hint(const Spec& s, const std::string& what) {
  return say("command.usage", {{"what", what}, {"example", s.example}});
}

std::string check_args(const Spec& s, const std::vector<std::string>& args) {
  int n = static_cast<int>(args.size());
  if (n < s.min_args) return usage_hint(s, say(s.missing));
  if (n > s.max_args && s.kind == CommandKind::Quotas) {
    return usage_hint(s, say("command.bad_period"));
  }
  if (n > s.max_args) {
    return usage_hint(s, say(s.max_args == 0 ? "command.needs_nothing" : "command.needs_one"));
  }
  if (n == 0) return {};
  const auto& a = args[0];
  switch (s.kind) {
    case CommandKind::Status:
      if (!ids::number(a)) return usage_hint(s, say("command.bad_nomination"));
      break;
    case CommandKind::Link:
      if (!ids::link_code(a)) {
        return usage_hint(s, say("command.bad_link_code"));
      }
      break;
    case CommandKind::Quotas:
      for (const auto& w : args) {
        if (!all_of(w, ::isalnum, "-_") || w.size() > 32) {
          return usage_hint(s, say("command.bad_period"));
        }
      }
      break;
    case CommandKind::Reports:
      if (!parse_integer_in(a, kFirstYear, kLastYear)) {
        auto first = std::to_string(kFirstYear);
        auto last = std::to_string(kLastYear);
        return usage_hint(s, say("command.bad_year", {{"first", first}, {"last", last}}));
      }
      break;
    default:
      break;
  }
  return {};
}
}  // namespace

std::string quoted(const std::string& typed) {
  return text::excerpt(typed, kQuotedMaxChars);
}

std::string strip_mention(const std::string& folded, const std::vector<std::string>& bot_names) {
  std::string t =
      text::one_line(without_bot_mentions(text::one_line(folded), folded_names(bot_names)));
  std::string_view v = trim_separators(t);
  if (v.empty() || v[0] != '@') return std::string(v);
  // Another name before the command is dropped up to the '/'.
  if (auto slash = v.find('/'); slash != std::string_view::npos)
    return std::string(v.substr(slash));
  // A mention and no command: drop the first word, the rest is read as free text.
  auto space = v.find(' ');
  return space == std::string_view::npos ? std::string()
                                         : std::string(trim_separators(v.substr(space)));
}

bool addressed_to_bot(const std::string& text, const std::vector<std::string>& bot_names) {
  if (!text::valid_utf8(text)) return false;
  std::string folded = text::one_line(text::fold(text::nfc(text)));
  // A command first, also after a mention of a name the bot does not know as its own.
  if (strip_mention(folded, bot_names).starts_with("/")) return true;
  return without_bot_mentions(folded, folded_names(bot_names)) != folded;
}

ParsedCommand parse_command(const std::string& text, const std::vector<std::string>& bot_names) {
  ParsedCommand out;
  std::string folded = text::valid_utf8(text) ? text::fold(text::nfc(text)) : std::string();
  std::string body = strip_mention(folded, bot_names);
  if (body.empty() || body[0] != '/') {
    out.hint = say("command.not_a_command");
    return out;
  }
  auto words = split_words(body.substr(1));
  auto found = find_command(words);
  if (!found.spec) {
    std::string name = words.empty() ? std::string() : words[0].substr(0, words[0].find('@'));
    auto near = nearest_command(words);
    if (!near.spec) {
      out.hint = say("command.unknown", {{"name", notifications::quoted(name)}});
      return out;
    }
    // What to type instead, with the words typed after the name when they are a number or a
    // period; never a link code, which belongs in a private chat only.
    std::string meant = "/" + near.spec->names.front();
    const auto kind = near.spec->kind;
    if (kind == CommandKind::Status || kind == CommandKind::Reports ||
        kind == CommandKind::Quotas) {
      for (std::size_t i = near.words; i < words.size(); ++i) meant += " " + words[i];
    }
    out.hint = say("command.did_you_mean", {{"name", notifications::quoted(name)},
                                            {"command", notifications::quoted(meant)}});
    out.kind = kind;
    return out;
  }
  std::vector<std::string> args(words.begin() + static_cast<std::ptrdiff_t>(found.words),
                                words.end());
  // The word a colleague says before the number: "/trangthai số 12", "/baocao năm 2026"
  // (folded: "so", "nam").
  const char* lead = found.spec->kind == CommandKind::Status    ? "so"
                     : found.spec->kind == CommandKind::Reports ? "nam"
                                                                : nullptr;
  if (lead && args.size() == 2 && args[0] == lead) args.erase(args.begin());
  out.kind = found.spec->kind;
  out.hint = check_args(*found.spec, args);
  out.ok = out.hint.empty();
  // A year passed its check as a number: hand it on as the four digits ("02026" → "2026").
  if (out.ok && out.kind == CommandKind::Reports && !args.empty()) {
    args[0] = std::to_string(*parse_integer_in(args[0], kFirstYear, kLastYear));
  }
  if (out.ok) out.args = std::move(args);
  return out;
}

std::string match_period(const std::vector<std::string>& words,
                         const std::vector<Period>& periods) {
  std::string typed;  // "so ket 2027" → "soket2027"
  for (const auto& w : words) {
    for (char c : w) {
      if (c != '-' && c != '_') typed += c;
    }
  }
  if (typed.empty()) return {};
  for (const auto& p : periods) {
    std::string plain = text::fold(p.id);
    std::erase_if(plain, [](char c) { return c == '-' || c == '_'; });
    if (!plain.empty() && plain == typed) return p.id;
  }
  std::string kind;
  std::string rest;
  for (auto [prefix, k] :
       {std::pair{"soket", "interim"}, std::pair{"tongket", "final"}, std::pair{"nam", "annual"}}) {
    if (typed.starts_with(prefix)) {
      kind = k;
      rest = typed.substr(std::string_view(prefix).size());
      break;
    }
  }
  if (kind.empty() && all_of(typed, ::isdigit, "")) {
    kind = "annual";
    rest = typed;
  }
  if (kind.empty()) return {};
  auto year = rest.empty() ? std::optional<long long>() : parse_integer(rest);
  if (!rest.empty() && !year) return {};
  for (const auto& p : periods) {
    if (p.kind != kind || p.id.empty()) continue;
    if (!year || p.year == year) return p.id;
  }
  return {};
}

std::string help_text(const std::string& contact) {
  std::string t = say("help");
  if (!contact.empty()) t += "\n" + say("help.contact", {{"contact", contact}});
  return t;
}

}  // namespace thidua::notifications
