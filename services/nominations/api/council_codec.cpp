#include "nominations/api/council_codec.hpp"

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

constexpr int kMaxMembers = 200;

std::optional<int> optional_count(const json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 1000) {
    throw bad_request("invalid_field", say("problem.count_field", {{"field", field}}));
  }
  return it->get<int>();
}

int required_count(const json& body, const std::string& field) {
  auto n = optional_count(body, field);
  if (!n) throw bad_request("invalid_field", say("problem.count_field", {{"field", field}}));
  return *n;
}

// "14:00": two digits, a colon, two digits, a time of day.
bool clock_time(const std::string& t) {
  if (t.size() != 5 || t[2] != ':') return false;
  for (int i : {0, 1, 3, 4}) {
    if (t[i] < '0' || t[i] > '9') return false;
  }
  return std::stoi(t.substr(0, 2)) < 24 && std::stoi(t.substr(3, 2)) < 60;
}

std::string time_field(const json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return "";
  auto t = http::required_string(body, field, 5);
  if (!clock_time(t)) {
    throw bad_request("invalid_time", say("problem.meeting_time", {{"field", field}}));
  }
  return t;
}

std::string person_field(const json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return "";
  return catalogue_id_field(body, field);
}

MeetingMember parse_member(const json& entry) {
  if (!entry.is_object()) throw bad_request("invalid_members", say("problem.meeting_members"));
  MeetingMember member;
  member.staff_id = catalogue_id_field(entry, "staff_id");
  auto present = entry.find("present");
  if (present != entry.end() && !present->is_null() && !present->is_boolean()) {
    throw bad_request("invalid_members", say("problem.meeting_members"));
  }
  member.present = present == entry.end() || present->is_null() || present->get<bool>();
  return member;
}
}  // namespace

int parse_dossier_copies(const json& body) {
  return required_count(body, "copies");
}

Vote parse_vote(const json& body) {
  Vote v;
  v.meeting_id = http::required_string(body, "meeting_id", 20);
  v.yes = required_count(body, "yes");
  v.no = required_count(body, "no");
  // Absent is 0; null is refused, as OpenAPI's VoteInput says (an integer when given).
  v.abstain = body.contains("abstain") ? required_count(body, "abstain") : 0;
  return v;
}

MeetingForm parse_meeting_form(const json& body) {
  MeetingForm form;
  Meeting& m = form.meeting;
  m.date = http::required_string(body, "date", 10);
  if (!parse_iso_date(m.date)) throw bad_request("invalid_date", say("problem.meeting_date"));
  m.note = http::optional_string(body, "note", "", 2000);
  m.place = text::one_line(http::optional_string(body, "place", "", 200));
  m.agenda = http::optional_string(body, "agenda", "", 4000);
  m.start_time = time_field(body, "start_time");
  m.end_time = time_field(body, "end_time");
  m.chair_id = person_field(body, "chair_id");
  m.secretary_id = person_field(body, "secretary_id");
  auto list = body.find("members");
  form.named = list != body.end();
  if (form.named) {
    if (!list->is_array() || list->empty() || list->size() > kMaxMembers) {
      throw bad_request("invalid_members", say("problem.meeting_members"));
    }
    for (const auto& entry : *list) m.members.push_back(parse_member(entry));
  }
  form.members_total = optional_count(body, "members_total");
  form.members_present = optional_count(body, "members_present");
  return form;
}

json meeting_json(const MeetingRecord& r) {
  const Meeting& m = r.meeting;
  // A signer by staff id, named as the members list names them.
  auto signer = [&m](const std::string& staff_id) {
    if (staff_id.empty()) return json(nullptr);
    const MeetingMember* member = m.member(staff_id);
    return json{{"staff_id", staff_id}, {"name", member ? member->name : std::string()}};
  };
  json out = json::object();
  out["id"] = m.id;
  out["date"] = m.date;
  out["members_total"] = m.members_total;
  out["members_present"] = m.members_present;
  out["quorum_needed"] = r.quorum_needed;
  out["quorum_met"] = r.quorum_met;
  out["note"] = m.note;
  out["start_time"] = m.start_time;
  out["end_time"] = m.end_time;
  out["place"] = m.place;
  out["agenda"] = m.agenda;
  out["chair"] = signer(m.chair_id);
  out["secretary"] = signer(m.secretary_id);
  json& members = out["members"] = json::array();
  for (const auto& p : m.members) {
    members.push_back({{"staff_id", p.staff_id},
                       {"name", p.name},
                       {"position", p.position},
                       {"present", p.present}});
  }
  out["recorded_by"] = r.recorded_by;
  out["recorded_at"] = r.recorded_at;
  if (r.corrected) {
    out["corrected_by"] = r.corrected->by;
    out["corrected_at"] = r.corrected->at;
  }
  return out;
}

json dossier_json(const std::string& id, const std::vector<DossierItem>& list) {
  json arr = json::array();
  for (const auto& i : list) {
    arr.push_back({{"code", i.code},
                   {"label", i.label},
                   {"copies_required", i.required},
                   {"copies_received", i.receipt.copies},
                   {"received_by", i.receipt.received_by},
                   {"received_at", i.receipt.received_at},
                   {"complete", i.complete()}});
  }
  return {{"items", arr}, {"complete", dossier_complete(list)}, {"id", id}};
}

}  // namespace thidua::nominations
