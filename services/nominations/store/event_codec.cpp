#include "nominations/store/event_codec.hpp"

#include <nlohmann/json.hpp>

#include "nominations/store/nomination_summary.hpp"

namespace thidua::nominations::stored {
namespace {
using nlohmann::json;

// A tree (nlohmann's objects keep their members sorted by name), so that the bytes stay those
// the stream has always carried; events are written once per change, never a hot path. The
// summary is written by its one writer and read back into the tree.
json summary_tree(const NominationRecord& r) {
  JsonWriter w;
  write_summary(w, r);
  return json::parse(w.take());
}

json round_tree(const ClosingRound& r) {
  json awards = json::array();
  for (const auto& a : r.awards) awards.push_back({{"code", a.code}, {"label", a.label}});
  return {{"id", r.id},         {"name", r.name},
          {"period", r.period}, {"period_label", r.period_label},
          {"opens", r.opens},   {"closes", r.closes},
          {"awards", awards}};
}
}  // namespace

std::string event_json(const NominationEvent& e) {
  json j = {{"event_id", e.event_id},
            {"type", e.type},
            {"occurred_at", e.occurred_at},
            {"school", e.school},
            {"actor", e.actor}};
  if (const auto* change = std::get_if<NominationChange>(&e.body)) {
    j["nomination_id"] = change->nomination.id;
    j["nomination"] = summary_tree(change->nomination);
    if (change->transition) {
      const EventTransition& t = *change->transition;
      j["from"] = status_name(t.from);
      j["to"] = status_name(t.to);
      if (!t.note.empty()) j["note"] = t.note;
      if (t.decision) j["decision"] = {{"number", t.decision->number}, {"date", t.decision->date}};
    }
  } else {
    const auto& round = std::get<ClosingRound>(e.body);
    j["round"] = round_tree(round);
    j["days_left"] = round.days_left;
  }
  return j.dump();
}

}  // namespace thidua::nominations::stored
