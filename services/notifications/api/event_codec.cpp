#include "notifications/api/event_codec.hpp"

#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "core/json_read.hpp"
#include "notifications/app/digest_app.hpp"

namespace thidua::notifications {
namespace {
using json_read::text;
using nlohmann::json;

// The member `key` of object `j`, or null when there is none.
const json& member(const json& j, const char* key) {
  static const json kNull;
  auto it = j.find(key);
  return it != j.end() ? *it : kNull;
}

NominationSummary summary_of(const json& n) {
  NominationSummary s;
  s.id = text(n, "id");
  s.period = text(n, "period");
  s.period_label = text(n, "period_label");
  s.award = text(n, "award");
  s.award_label = text(n, "award_label", s.award);  // an older event names only the code
  s.subject_kind = text(n, "subject_kind");
  s.subject_id = text(n, "subject_id");
  s.subject_name = text(n, "subject_name");
  s.unit_id = text(n, "unit_id");
  s.unit_name = text(n, "unit_name");
  s.status = text(n, "status");
  s.status_label = text(n, "status_label");
  return s;
}

ClosingRound round_of(const json& r) {
  ClosingRound round;
  round.id = text(r, "id");
  round.name = text(r, "name");
  round.period = text(r, "period");
  round.period_label = text(r, "period_label");
  round.opens = text(r, "opens");
  round.closes = text(r, "closes");
  if (r.is_object()) {
    const json& awards = member(r, "awards");
    if (awards.is_array()) {
      for (const auto& a : awards) round.award_labels.push_back(text(a, "label"));
    }
  }
  return round;
}
}  // namespace

std::optional<NominationEvent> parse_event(const json& j) {
  if (!j.is_object()) return std::nullopt;
  NominationEvent e;
  e.event_id = text(j, "event_id");
  // The schema requires an id; without one the same content is the same event.
  if (e.event_id.empty()) e.content_id = "sha-" + crypto::sha256_hex(j.dump()).substr(0, 32);
  e.type = text(j, "type");
  e.occurred_at = text(j, "occurred_at");
  e.actor = text(j, "actor");
  if (const json& n = member(j, "nomination"); n.is_object()) e.nomination = summary_of(n);
  e.from = text(j, "from");
  e.to = text(j, "to");
  e.note = text(j, "note");
  const json& decision = member(j, "decision");
  e.decision.number = text(decision, "number");
  e.decision.date = text(decision, "date");
  e.round = round_of(member(j, "round"));
  if (const json& days = member(j, "days_left"); days.is_number_integer()) {
    e.days_left = days.get<int>();
  }
  return e;
}

std::optional<NominationEvent> parse_event_text(std::string_view entry_text) {
  auto j = json::parse(entry_text, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return parse_event(j);
}

Task<Disposition> take_event_entry(DigestApp& digest, const StreamEntry& entry) {
  auto j = json::parse(entry.field("event"), nullptr, false);
  if (j.is_discarded()) co_return Disposition::fail("event is not JSON");
  auto event = parse_event(j);
  if (event) co_await digest.take(*event);
  co_return Disposition::done();
}

}  // namespace thidua::notifications
