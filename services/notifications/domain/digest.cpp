#include "notifications/domain/digest.hpp"

#include <algorithm>
#include <cstdio>

#include "core/errors.hpp"
#include "notifications/domain/event_messages.hpp"
#include "notifications/domain/messages.hpp"

namespace thidua::notifications {
namespace {
const NominationSummary& nomination_of(const NominationEvent& event) {
  static const NominationSummary kNone;
  return event.nomination ? *event.nomination : kNone;
}

std::string count_text(std::size_t n) {
  return std::to_string(n);
}

// The list of a digest: a line per event, at most kDigestMaxListed in all, then how many
// more there are. `shown` counts the lines already listed (across a digest's groups).
void list_into(std::string& out, const std::vector<NominationEvent>& events, bool numbered,
               std::size_t& shown) {
  for (const auto& e : events) {
    if (shown == kDigestMaxListed) return;
    out += "\n" + nomination_line(nomination_of(e), numbered);
    ++shown;
  }
}

std::string more_line(std::size_t total, std::size_t shown, const char* key) {
  if (total <= shown) return "";
  auto more = count_text(total - shown);
  return "\n" + say(key, {{"count", more}});
}

// "Theo Quyết định số 245/QĐ-UBND ngày 28/11/2026:", or "" for an award whose event carries
// no decision (or an unreadable one).
std::string decision_line(const NominationEvent& event) {
  const std::string& number = event.decision.number;
  auto day = parse_iso_date(event.decision.date);
  if (number.empty() || !day) return "";
  std::string date = vn_date(*day);
  return say("digest.decision", {{"decision", number}, {"date", date}});
}

std::optional<std::string> submitted_digest(const std::vector<NominationEvent>& events) {
  std::string count = count_text(events.size());
  std::string text = say("digest.submitted", {{"count", count}});
  std::size_t shown = 0;
  list_into(text, events, true, shown);
  return text + more_line(events.size(), shown, "digest.more");
}

std::optional<std::string> council_digest(std::vector<NominationEvent> events) {
  std::vector<NominationEvent> approved;
  std::size_t rejected = 0;
  for (auto& e : events) {
    if (e.type == "nomination.approved") {
      approved.push_back(std::move(e));
    } else {
      ++rejected;
    }
  }
  if (approved.empty()) return std::nullopt;  // each rejection is told privately
  if (approved.size() == 1 && rejected == 0) return message_for_event(approved[0], "");
  std::string text;
  if (rejected == 0) {
    std::string count = count_text(approved.size());
    text = say("digest.council_passed", {{"count", count}});
  } else {
    std::string count = count_text(approved.size() + rejected);
    std::string passed = count_text(approved.size());
    std::string not_passed = count_text(rejected);
    text =
        say("digest.council", {{"count", count}, {"passed", passed}, {"not_passed", not_passed}});
  }
  std::size_t shown = 0;
  list_into(text, approved, true, shown);
  return text + more_line(approved.size(), shown, "digest.more");
}

// Awards are listed under their decision ("Theo Quyết định số …"), decisions in the order
// their first award happened; awards whose event names no decision come first, untitled.
std::optional<std::string> awarded_digest(const std::vector<NominationEvent>& events) {
  std::size_t people = 0, groups = 0;
  std::vector<std::pair<std::string, std::vector<NominationEvent>>> by_decision{{"", {}}};
  for (const auto& e : events) {
    if (nomination_of(e).subject_kind == "collective") {
      ++groups;
    } else {
      ++people;
    }
    auto title = decision_line(e);
    auto it = std::find_if(by_decision.begin(), by_decision.end(),
                           [&title](const auto& g) { return g.first == title; });
    if (it == by_decision.end()) it = by_decision.insert(by_decision.end(), {title, {}});
    it->second.push_back(e);
  }
  std::string people_text = say("digest.people", {{"count", count_text(people)}});
  std::string groups_text = say("digest.units", {{"count", count_text(groups)}});
  std::string who = people > 0 ? people_text : groups_text;
  if (people > 0 && groups > 0) {
    who = say("digest.people_and_units", {{"people", people_text}, {"groups", groups_text}});
  }
  std::string text = say("digest.awarded", {{"who", who}});
  std::size_t shown = 0;
  for (const auto& [title, awards] : by_decision) {
    if (awards.empty() || shown == kDigestMaxListed) continue;
    if (!title.empty()) text += "\n" + title;
    list_into(text, awards, false, shown);
  }
  return text + more_line(events.size(), shown, "digest.more_awarded");
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

std::optional<DigestKind> digest_kind(const NominationEvent& event) {
  if (!event.nomination) return std::nullopt;
  const std::string& type = event.type;
  if (type == "nomination.submitted") return DigestKind::Submitted;
  if (type == "nomination.approved" || type == "nomination.rejected") return DigestKind::Council;
  if (type == "nomination.awarded") return DigestKind::Awarded;
  return std::nullopt;
}

std::optional<DigestKind> digest_batch(const NominationEvent& event) {
  if (event.nomination && event.type == "nomination.withdrawn") return DigestKind::Submitted;
  return digest_kind(event);
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

namespace {
// Submissions withdrawn later in the same batch (the events as they joined it).
void drop_withdrawn(std::vector<NominationEvent>& events) {
  auto withdrawn_after = [&events](const NominationEvent& submitted) {
    return std::any_of(events.begin(), events.end(), [&](const NominationEvent& e) {
      return e.type == "nomination.withdrawn" && e.nomination && submitted.nomination &&
             e.nomination->id == submitted.nomination->id && e.occurred_at >= submitted.occurred_at;
    });
  };
  std::vector<NominationEvent> kept;
  for (const auto& e : events) {
    if (e.type == "nomination.submitted" && withdrawn_after(e)) continue;
    kept.push_back(e);
  }
  events = std::move(kept);
}
}  // namespace

std::optional<std::string> digest_message(DigestKind kind, std::vector<NominationEvent> events) {
  if (kind == DigestKind::Submitted) drop_withdrawn(events);
  std::erase_if(events, [kind](const NominationEvent& e) { return digest_kind(e) != kind; });
  if (events.empty()) return std::nullopt;
  // Event order: when they happened (ISO instants in UTC sort as text); the order they
  // joined the batch breaks ties and places an event that lacks the time.
  std::stable_sort(events.begin(), events.end(),
                   [](const NominationEvent& a, const NominationEvent& b) {
                     return a.occurred_at < b.occurred_at;
                   });
  switch (kind) {
    case DigestKind::Submitted:
      if (events.size() == 1) return message_for_event(events[0], "");
      return submitted_digest(events);
    case DigestKind::Council:
      return council_digest(std::move(events));
    case DigestKind::Awarded:
      if (events.size() == 1) return message_for_event(events[0], "");
      return awarded_digest(events);
  }
  return std::nullopt;
}

std::optional<std::string> day_count_field(const NominationEvent& event) {
  if (!digest_kind(event)) return std::nullopt;
  return event.type.substr(std::string("nomination.").size());
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
  std::string from_date = vn_date(add_days(day, -1));
  std::string to_date = vn_date(day);
  std::string from = say("daily.when", {{"time", time}, {"date", from_date}});
  std::string to = say("daily.when", {{"time", time}, {"date", to_date}});
  std::string text = say("daily.title", {{"from", from}, {"to", to}});
  if (c.submitted > 0) {
    std::string count = std::to_string(c.submitted);
    text += "\n" + say("daily.submitted", {{"count", count}});
  }
  if (c.rejected == 0 && c.approved > 0) {
    std::string count = std::to_string(c.approved);
    text += "\n" + say("daily.council_passed", {{"count", count}});
  } else if (c.rejected > 0) {
    std::string count = std::to_string(c.approved + c.rejected);
    std::string passed = std::to_string(c.approved);
    std::string not_passed = std::to_string(c.rejected);
    text += "\n" + say("daily.council",
                       {{"count", count}, {"passed", passed}, {"not_passed", not_passed}});
  }
  if (c.awarded > 0) {
    std::string count = std::to_string(c.awarded);
    text += "\n" + say("daily.awarded", {{"count", count}});
  }
  return text;
}

}  // namespace thidua::notifications
