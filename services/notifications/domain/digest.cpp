#include "notifications/domain/digest.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "notifications/domain/event_messages.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

const std::string kCouncil = "Hội đồng Thi đua – Khen thưởng";

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string type_of(const json& event) {
  return event.is_object() ? str(event, "type") : std::string();
}

const json& nomination_of(const json& event) {
  static const json kNone = json::object();
  auto it = event.find("nomination");
  return it != event.end() && it->is_object() ? *it : kNone;
}

// "• line" for each event, at most kDigestMaxListed, then how many more there are.
std::string bullet_list(const std::vector<json>& events, bool numbered, const std::string& more) {
  std::string out;
  std::size_t shown = std::min(events.size(), kDigestMaxListed);
  for (std::size_t i = 0; i < shown; ++i) {
    out += "\n• " + nomination_line(nomination_of(events[i]), numbered);
  }
  if (events.size() > shown) {
    out += "\n• … và " + std::to_string(events.size() - shown) + " " + more +
           " khác (xem trên trang thi đua của trường).";
  }
  return out;
}

std::string council_counts(long long approved, long long rejected) {
  if (rejected == 0) return "đã thông qua " + std::to_string(approved) + " đề nghị";
  return "đã xét " + std::to_string(approved + rejected) + " đề nghị: " + std::to_string(approved) +
         " thông qua, " + std::to_string(rejected) + " chưa thông qua";
}

std::string hh_mm(int minute) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
  return buf;
}

int minute_of_day(Instant t) {
  auto since =
      std::chrono::duration_cast<std::chrono::minutes>(t - local_time(local_date(t), 0, 0));
  return static_cast<int>(since.count());
}
}  // namespace

std::optional<DigestKind> digest_kind(const json& event) {
  if (!event.is_object() || !event.contains("nomination") || !event["nomination"].is_object())
    return std::nullopt;
  auto type = type_of(event);
  if (type == "nomination.submitted") return DigestKind::Submitted;
  if (type == "nomination.approved" || type == "nomination.rejected") return DigestKind::Council;
  if (type == "nomination.awarded") return DigestKind::Awarded;
  return std::nullopt;
}

std::string_view digest_kind_name(DigestKind kind) {
  switch (kind) {
    case DigestKind::Submitted:
      return "submitted";
    case DigestKind::Council:
      return "council";
    case DigestKind::Awarded:
      return "awarded";
  }
  return "submitted";
}

std::optional<DigestKind> parse_digest_kind(std::string_view name) {
  for (auto k : {DigestKind::Submitted, DigestKind::Council, DigestKind::Awarded}) {
    if (digest_kind_name(k) == name) return k;
  }
  return std::nullopt;
}

std::optional<std::string> digest_message(DigestKind kind, std::vector<json> events) {
  std::erase_if(events, [kind](const json& e) { return digest_kind(e) != kind; });
  // Event order: when they happened (ISO instants in UTC sort as text); the order they
  // joined the batch breaks ties and places an event that lacks the time.
  std::stable_sort(events.begin(), events.end(), [](const json& a, const json& b) {
    return str(a, "occurred_at") < str(b, "occurred_at");
  });
  switch (kind) {
    case DigestKind::Submitted: {
      if (events.empty()) return std::nullopt;
      if (events.size() == 1) return message_for_event(events[0], "");
      return "📋 " + std::to_string(events.size()) + " đề nghị khen thưởng đã được trình " +
             kCouncil + ":" + bullet_list(events, true, "đề nghị");
    }
    case DigestKind::Council: {
      std::vector<json> approved;
      long long rejected = 0;
      for (auto& e : events) {
        if (type_of(e) == "nomination.approved") {
          approved.push_back(std::move(e));
        } else {
          ++rejected;
        }
      }
      if (approved.empty()) return std::nullopt;  // each rejection is told privately
      if (approved.size() == 1 && rejected == 0) return message_for_event(approved[0], "");
      auto counts = council_counts(static_cast<long long>(approved.size()), rejected);
      std::string head = "✅ " + kCouncil + " " + counts + (rejected == 0 ? ":" : ".");
      return head + bullet_list(approved, true, "đề nghị");
    }
    case DigestKind::Awarded: {
      if (events.empty()) return std::nullopt;
      if (events.size() == 1) return message_for_event(events[0], "");
      long long people = 0, groups = 0;
      for (const auto& e : events) {
        if (str(nomination_of(e), "subject_kind") == "collective") {
          ++groups;
        } else {
          ++people;
        }
      }
      std::string who;
      if (people > 0) who = std::to_string(people) + " thầy cô";
      if (people > 0 && groups > 0) who += " và ";
      if (groups > 0) who += std::to_string(groups) + " tập thể";
      return "🎉 Chúc mừng " + who +
             " đã được khen thưởng:" + bullet_list(events, false, "thầy cô, tập thể");
    }
  }
  return std::nullopt;
}

std::optional<std::string> day_count_field(const json& event) {
  auto type = type_of(event);
  if (!digest_kind(event)) return std::nullopt;
  return type.substr(std::string("nomination.").size());
}

DailySummaryAt DailySummaryAt::parse(const std::string& text, const std::string& setting) {
  DailySummaryAt at;
  if (text.empty() || text == "off") return at;
  int h = -1, m = -1;
  char extra = 0;
  if (text.size() != 5 || std::sscanf(text.c_str(), "%2d:%2d%c", &h, &m, &extra) != 2 ||
      text[2] != ':' || h < 0 || h > 23 || m < 0 || m > 59) {
    throw ConfigError(setting + ": expected a local time HH:MM (e.g. 17:00), or empty for none");
  }
  at.enabled = true;
  at.minute = h * 60 + m;
  return at;
}

LocalDate summary_day_for(Instant t, const DailySummaryAt& at) {
  auto today = local_date(t);
  return minute_of_day(t) < at.minute ? today : add_days(today, 1);
}

LocalDate last_summary_day(Instant now, const DailySummaryAt& at) {
  auto today = local_date(now);
  return minute_of_day(now) >= at.minute ? today : add_days(today, -1);
}

std::optional<std::string> daily_summary(const DayCounts& c, LocalDate day,
                                         const DailySummaryAt& at) {
  if (c.empty()) return std::nullopt;
  auto time = hh_mm(at.minute);
  std::string text = "📊 Tổng hợp tin thi đua từ " + time + " ngày " + vn_date(add_days(day, -1)) +
                     " đến " + time + " ngày " + vn_date(day) + ":";
  if (c.submitted > 0) {
    text += "\n• " + std::to_string(c.submitted) + " đề nghị khen thưởng đã được trình " +
            kCouncil + ".";
  }
  if (c.approved + c.rejected > 0) {
    text += "\n• " + kCouncil + " " + council_counts(c.approved, c.rejected) + ".";
  }
  if (c.awarded > 0) {
    text +=
        "\n• " + std::to_string(c.awarded) + " đề nghị đã được cấp trên quyết định khen thưởng.";
  }
  return text;
}

}  // namespace thidua::notifications
