#include "notifications/domain/commands.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "core/text.hpp"

namespace thidua::notifications {
namespace {
struct Spec {
  CommandKind kind;
  std::vector<std::string> names;  // folded; the first is the Vietnamese one
  int min_args;
  int max_args;
  const char* usage;
};

const std::vector<Spec>& specs() {
  static const std::vector<Spec> all = {
      {CommandKind::Help, {"trogiup", "help", "start"}, 0, 0, "/trogiup"},
      {CommandKind::Deadlines, {"hanchot", "deadline", "deadlines"}, 0, 0, "/hanchot"},
      {CommandKind::Reports, {"baocao", "report", "reports"}, 0, 1, "/baocao [năm]"},
      {CommandKind::Quotas, {"chitieu", "quota", "quotas"}, 0, 1, "/chitieu [kỳ, vd. 2026]"},
      {CommandKind::Nominations, {"denghi", "nominations", "mine"}, 0, 0, "/denghi"},
      {CommandKind::Status, {"trangthai", "status"}, 1, 1, "/trangthai <mã đề nghị>"},
      {CommandKind::Link, {"lienket", "link"}, 1, 1, "/lienket <mã liên kết>"},
      {CommandKind::WhoAmI, {"toila", "whoami"}, 0, 0, "/toila"},
  };
  return all;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

bool all_of(const std::string& s, int (*pred)(int), const char* extra) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) {
    return pred(static_cast<unsigned char>(c)) ||
           std::string_view(extra).find(c) != std::string_view::npos;
  });
}

// A wrong argument names the command's usage; the message stays one line.
std::string usage_hint(const Spec& s, const std::string& what) {
  return what + " Cú pháp: " + s.usage + " (gõ /trogiup để xem các lệnh).";
}

std::string check_args(const Spec& s, const std::vector<std::string>& args) {
  int n = static_cast<int>(args.size());
  if (n < s.min_args) return usage_hint(s, "Thiếu tham số.");
  if (n > s.max_args) return usage_hint(s, "Thừa tham số.");
  if (n == 0) return {};
  const auto& a = args[0];
  switch (s.kind) {
    case CommandKind::Status:
      if (!all_of(a, ::isdigit, "") || a.size() > 20)
        return usage_hint(s, "Mã đề nghị phải là số.");
      break;
    case CommandKind::Link:
      if (!all_of(a, ::isxdigit, "") || a.size() < 4 || a.size() > 32) {
        return usage_hint(s, "Mã liên kết gồm chữ số và chữ a–f, do Ban giám hiệu cấp.");
      }
      break;
    case CommandKind::Quotas:
      if (!all_of(a, ::isalnum, "-_") || a.size() > 32) return usage_hint(s, "Kỳ không hợp lệ.");
      break;
    case CommandKind::Reports:
      if (!all_of(a, ::isdigit, "") || a.size() != 4) return usage_hint(s, "Năm gồm 4 chữ số.");
      break;
    default:
      break;
  }
  return {};
}
}  // namespace

std::string strip_mention(const std::string& folded, const std::vector<std::string>& bot_names) {
  std::string t = trim(folded);
  if (t.empty() || t[0] != '@') return t;
  for (const auto& name : bot_names) {
    std::string n = text::fold(name);
    if (!n.empty() && n[0] == '@') n.erase(0, 1);
    if (!n.empty() && t.compare(1, n.size(), n) == 0) return trim(t.substr(1 + n.size()));
  }
  auto slash = t.find('/');
  if (slash != std::string::npos) return trim(t.substr(slash));
  // A mention and no command: drop the first word, the rest is read as free text.
  auto space = t.find(' ');
  return space == std::string::npos ? std::string() : trim(t.substr(space));
}

ParsedCommand parse_command(const std::string& text, const std::vector<std::string>& bot_names) {
  ParsedCommand out;
  std::string folded = text::valid_utf8(text) ? text::fold(text::nfc(text)) : std::string();
  std::string body = strip_mention(folded, bot_names);
  if (body.empty() || body[0] != '/') {
    out.hint = "Bot chỉ hiểu lệnh bắt đầu bằng \"/\"; gõ /trogiup để xem các lệnh.";
    return out;
  }
  std::istringstream words(body.substr(1));
  std::string name;
  words >> name;
  if (auto at = name.find('@'); at != std::string::npos) name.erase(at);  // "/hanchot@bot"
  std::vector<std::string> args;
  for (std::string w; words >> w;) args.push_back(w);
  for (const auto& s : specs()) {
    if (std::find(s.names.begin(), s.names.end(), name) == s.names.end()) continue;
    out.kind = s.kind;
    out.hint = check_args(s, args);
    out.ok = out.hint.empty();
    if (out.ok) out.args = std::move(args);
    return out;
  }
  out.hint = "Không có lệnh \"/" + name + "\"; gõ /trogiup để xem các lệnh.";
  return out;
}

std::string help_text(const std::string& contact) {
  std::string t =
      "Các lệnh của bot thi đua:\n"
      "/hanchot — hạn chót sắp tới và đơn vị còn nợ báo cáo\n"
      "/baocao [năm] — tình hình nộp báo cáo theo đơn vị\n"
      "/chitieu [kỳ] — chỉ tiêu khen thưởng đã dùng / tối đa\n"
      "/denghi — các đề nghị khen thưởng của bạn\n"
      "/trangthai <mã> — trạng thái một đề nghị\n"
      "/lienket <mã> — liên kết Zalo với hồ sơ cán bộ (mã do Ban giám hiệu cấp)\n"
      "/toila — bot nhận ra bạn là ai\n"
      "Gõ có dấu hay không dấu đều được.";
  if (!contact.empty()) t += "\nCần hỗ trợ: " + contact + ".";
  return t;
}

}  // namespace thidua::notifications
