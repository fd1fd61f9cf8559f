#include "nominations/store/nomination_codec.hpp"

namespace thidua::nominations::stored {
using nlohmann::json;

json to_json(const NominationDraft& d) {
  json achievements = json::array();
  for (const auto& a : d.achievements) {
    achievements.push_back({{"text", a.text}, {"areas", a.areas}, {"evidence", a.evidence}});
  }
  return {{"period", d.period},
          {"award", d.award},
          {"subject_kind", subject_kind_name(d.subject_kind)},
          {"subject_id", d.subject_id},
          {"reason", d.reason},
          {"achievements", achievements}};
}

json to_json(const std::optional<RecordedVote>& v) {
  if (!v) return nullptr;
  return {{"meeting_id", v->ballot.meeting_id},
          {"meeting_date", v->meeting_date},
          {"yes", v->ballot.yes},
          {"no", v->ballot.no},
          {"abstain", v->ballot.abstain},
          {"secret_ballot", v->ballot.secret_ballot},
          {"quorum_met", v->outcome.quorum_met},
          {"passed", v->outcome.passed},
          {"approvals_needed", v->outcome.approvals_needed},
          {"summary", v->outcome.summary},
          {"recorded_by", v->recorded_by},
          {"recorded_at", v->recorded_at}};
}

std::optional<RecordedVote> read_vote(const json& j) {
  if (!j.is_object()) return std::nullopt;
  RecordedVote v;
  try {
    v.ballot.meeting_id = j.value("meeting_id", "");
    v.ballot.yes = j.value("yes", 0);
    v.ballot.no = j.value("no", 0);
    v.ballot.abstain = j.value("abstain", 0);
    v.ballot.secret_ballot = j.value("secret_ballot", false);
    v.meeting_date = j.value("meeting_date", "");
    v.outcome.quorum_met = j.value("quorum_met", false);
    v.outcome.passed = j.value("passed", false);
    v.outcome.approvals_needed = j.value("approvals_needed", 0LL);
    v.outcome.summary = j.value("summary", "");
    v.recorded_by = j.value("recorded_by", "");
    v.recorded_at = j.value("recorded_at", "");
  } catch (const json::exception&) {
    return std::nullopt;  // a field of another type: not written by this codec
  }
  return v;
}

json to_json(const Outcome& o) {
  json j = json::object();
  if (o.approval) j["approval"] = {{"date", o.approval->date}, {"by", o.approval->by}};
  if (o.rejection) {
    j["rejection"] = {
        {"reason", o.rejection->reason}, {"by", o.rejection->by}, {"at", o.rejection->at}};
  }
  if (o.forwarding) {
    j["forwarding"] = {{"date", o.forwarding->date}, {"reference", o.forwarding->reference}};
  }
  if (o.decision) j["decision"] = {{"number", o.decision->number}, {"date", o.decision->date}};
  if (o.public_achievement) j["public_achievement"] = *o.public_achievement;
  if (o.not_awarded) j["not_awarded"] = {{"reason", o.not_awarded->reason}};
  if (o.award_exception) {
    const AwardException& e = *o.award_exception;
    j["award_exception"] = {{"reason", e.reason}, {"by", e.by}, {"at", e.at}};
  }
  return j;
}

namespace {
// The part `name` of an outcome read by `read`, or nullopt when it is absent, not an object or
// holds a field of another type.
template <typename Part, typename Read>
std::optional<Part> read_part(const json& outcome, const char* name, Read read) {
  auto it = outcome.find(name);
  if (it == outcome.end() || !it->is_object()) return std::nullopt;
  try {
    return read(*it);
  } catch (const json::exception&) {
    return std::nullopt;  // a field of another type: not written by this codec
  }
}
}  // namespace

Outcome read_outcome(const json& j) {
  Outcome o;
  if (!j.is_object()) return o;
  o.approval = read_part<Approval>(j, "approval", [](const json& p) {
    return Approval{p.value("date", ""), p.value("by", "")};
  });
  o.rejection = read_part<Rejection>(j, "rejection", [](const json& p) {
    return Rejection{p.value("reason", ""), p.value("by", ""), p.value("at", "")};
  });
  o.forwarding = read_part<Forwarding>(j, "forwarding", [](const json& p) {
    return Forwarding{p.value("date", ""), p.value("reference", "")};
  });
  o.decision = read_part<Decision>(j, "decision", [](const json& p) {
    return Decision{p.value("number", ""), p.value("date", "")};
  });
  if (auto a = j.find("public_achievement"); a != j.end() && a->is_string()) {
    o.public_achievement = a->get<std::string>();
  }
  o.not_awarded = read_part<NotAwarded>(
      j, "not_awarded", [](const json& p) { return NotAwarded{p.value("reason", "")}; });
  o.award_exception = read_part<AwardException>(j, "award_exception", [](const json& p) {
    return AwardException{p.value("reason", ""), p.value("by", ""), p.value("at", "")};
  });
  return o;
}

std::vector<std::string> record_fields(const NominationRecord& r) {
  return {"draft",        to_json(r.draft).dump(),
          "status",       std::string(status_name(r.status)),
          "subject_name", r.subject_name,
          "unit_id",      r.unit_id,
          "unit_name",    r.unit_name,
          "award_label",  r.award_label,
          "period_label", r.period_label,
          "round_id",     r.round_id,
          "created_by",   r.created_by,
          "created_at",   r.created_at,
          "updated_at",   r.updated_at,
          "outcome",      to_json(r.outcome).dump(),
          "vote",         to_json(r.vote).dump()};
}

NominationRecord read_record(const std::string& id, RedisReply&& reply) {
  NominationRecord r;
  r.id = id;
  std::string_view draft, status, outcome, vote;
  // Every field but the JSON ones is moved over as it is; the loop keeps a GET free of maps.
  const std::pair<std::string_view, std::string*> plain[] = {
      {"subject_name", &r.subject_name}, {"unit_id", &r.unit_id},
      {"unit_name", &r.unit_name},       {"award_label", &r.award_label},
      {"period_label", &r.period_label}, {"round_id", &r.round_id},
      {"created_by", &r.created_by},     {"created_at", &r.created_at},
      {"updated_at", &r.updated_at}};
  for (std::size_t i = 0; i + 1 < reply.elements.size(); i += 2) {
    std::string_view name = reply.elements[i].str;
    std::string& value = reply.elements[i + 1].str;
    if (name == "draft")
      draft = value;
    else if (name == "status")
      status = value;
    else if (name == "outcome")
      outcome = value;
    else if (name == "vote")
      vote = value;
    else {
      for (const auto& [field, target] : plain) {
        if (name == field) *target = std::move(value);
      }
    }
  }
  r.draft = read_draft(draft);
  r.status = parse_status(status).value_or(Status::Draft);
  r.outcome = read_outcome(json::parse(outcome, nullptr, false));
  r.vote = read_vote(json::parse(vote, nullptr, false));
  return r;
}

}  // namespace thidua::nominations::stored
