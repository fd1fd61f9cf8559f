#include "nominations/api/record_json.hpp"

#include "nominations/store/nomination_summary.hpp"

namespace thidua::nominations {
using nlohmann::json;

namespace {
void write_strings(JsonWriter& w, const std::vector<std::string>& items) {
  w.begin_array();
  for (const auto& s : items) w.string(s);
  w.end_array();
}
}  // namespace

void write_vote(JsonWriter& w, const RecordedVote& v) {
  w.begin_object().field("meeting_id", v.ballot.meeting_id).field("meeting_date", v.meeting_date);
  w.key("yes").number(v.ballot.yes);
  w.key("no").number(v.ballot.no);
  w.key("abstain").number(v.ballot.abstain);
  w.key("secret_ballot").boolean(v.ballot.secret_ballot);
  w.key("quorum_met").boolean(v.outcome.quorum_met);
  w.key("passed").boolean(v.outcome.passed);
  w.key("approvals_needed").number(v.outcome.approvals_needed);
  w.field("summary", v.outcome.summary)
      .field("recorded_by", v.recorded_by)
      .field("recorded_at", v.recorded_at);
  w.end_object();
}

// Members in the order of their names, as the stored document has them (nlohmann sorts).
void write_outcome(JsonWriter& w, const Outcome& o) {
  w.begin_object();
  if (o.approval) {
    w.key("approval").begin_object().field("by", o.approval->by).field("date", o.approval->date);
    w.end_object();
  }
  if (const auto& e = o.award_exception) {
    w.key("award_exception").begin_object().field("at", e->at).field("by", e->by);
    w.field("reason", e->reason).end_object();
  }
  if (const auto& d = o.decision) {
    w.key("decision").begin_object().field("date", d->date).field("number", d->number);
    w.end_object();
  }
  if (const auto& f = o.forwarding) {
    w.key("forwarding").begin_object().field("date", f->date).field("reference", f->reference);
    w.end_object();
  }
  if (o.not_awarded) {
    w.key("not_awarded").begin_object().field("reason", o.not_awarded->reason).end_object();
  }
  if (o.public_achievement) w.field("public_achievement", *o.public_achievement);
  if (const auto& r = o.rejection) {
    w.key("rejection").begin_object().field("at", r->at).field("by", r->by);
    w.field("reason", r->reason).end_object();
  }
  w.end_object();
}

std::string vote_json(const RecordedVote& v) {
  JsonWriter w;
  write_vote(w, v);
  return w.take();
}

std::string detail_json(const NominationRecord& r, Role viewer) {
  JsonWriter w;
  w.begin_object();
  write_summary_members(w, r);
  w.field("reason", r.draft.reason);
  w.key("achievements").begin_array();
  for (const auto& a : r.draft.achievements) {
    w.begin_object().field("text", a.text);
    write_strings(w.key("areas"), a.areas);
    write_strings(w.key("evidence"), a.evidence);
    w.end_object();
  }
  w.end_array();
  w.field("created_by", r.created_by);
  w.key("round_id");
  if (r.round_id.empty()) {
    w.null();
  } else {
    w.string(r.round_id);
  }
  write_outcome(w.key("outcome"), r.outcome);
  w.key("vote");
  if (r.vote) {
    write_vote(w, *r.vote);
  } else {
    w.null();
  }
  w.key("allowed_actions").begin_array();
  std::optional<bool> passed;
  if (r.vote) passed = r.vote->outcome.passed;
  for (Action a : offered_actions(r.status, viewer, passed)) w.string(action_name(a));
  w.end_array();
  w.end_object();
  return w.take();
}

std::string page_json(const NominationPage& page, bool with_outcome) {
  JsonWriter w;
  w.begin_object().key("items").begin_array();
  for (const auto& r : page.items) {
    if (!with_outcome) {
      write_summary(w, r);
      continue;
    }
    w.begin_object();
    write_summary_members(w, r);
    write_outcome(w.key("outcome"), r.outcome);
    w.end_object();
  }
  w.end_array().key("next_after");
  if (page.next_after) {
    w.string(*page.next_after);
  } else {
    w.null();
  }
  w.end_object();
  return w.take();
}

json public_json(const NominationRecord& r) {
  json j = {{"id", r.id},
            {"period", r.draft.period},
            {"period_label", r.period_label},
            {"award", r.draft.award},
            {"award_label", r.award_label},
            {"subject_kind", subject_kind_name(r.draft.subject_kind)},
            {"name", r.subject_name},
            {"unit_name", r.unit_name},
            {"status", status_name(r.status)}};
  if (const auto& d = r.outcome.decision; r.status == Status::Awarded && d) {
    j["decision"] = {{"number", d->number}, {"date", d->date}};
  }
  if (r.outcome.public_achievement) j["achievement"] = *r.outcome.public_achievement;
  return j;
}

std::string history_json(const std::vector<HistoryEntry>& entries) {
  JsonWriter w;
  w.begin_array();
  for (const auto& e : entries) {
    w.begin_object().field("action", e.action).field("at", e.at).field("by", e.by);
    w.field("by_name", e.by_name);
    if (e.exception_reason) w.field("exception_reason", *e.exception_reason);
    w.key("from");
    if (e.from)
      w.string(status_name(*e.from));
    else
      w.null();
    w.field("note", e.note).field("to", status_name(e.to)).end_object();
  }
  w.end_array();
  return w.take();
}

json honours_json(const Honours& h) {
  json items = json::array();
  for (const auto& r : h.items) items.push_back(public_json(r));
  json per_award = json::array();
  for (const auto& c : h.counts) {
    per_award.push_back({{"award", c.award}, {"award_label", c.award_label}, {"count", c.count}});
  }
  return {{"items", items}, {"counts", per_award}};
}

}  // namespace thidua::nominations
