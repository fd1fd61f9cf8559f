#include "nominations/store/meeting_codec.hpp"

namespace thidua::nominations::stored {
using nlohmann::json;

json to_json(const Meeting& m) {
  json members = json::array();
  for (const auto& member : m.members) {
    members.push_back({{"staff_id", member.staff_id},
                       {"name", member.name},
                       {"position", member.position},
                       {"present", member.present}});
  }
  auto person = [&m](const std::string& id) -> json {
    const MeetingMember* member = m.member(id);
    if (id.empty()) return nullptr;
    return {{"staff_id", id}, {"name", member ? member->name : ""}};
  };
  return {{"date", m.date},
          {"members_total", m.members_total},
          {"members_present", m.members_present},
          {"note", m.note},
          {"start_time", m.start_time},
          {"end_time", m.end_time},
          {"place", m.place},
          {"agenda", m.agenda},
          {"chair", person(m.chair_id)},
          {"secretary", person(m.secretary_id)},
          {"members", members}};
}

Meeting read_meeting(const json& j) {
  Meeting m;
  m.id = j.value("id", "");
  m.date = j.value("date", "");
  m.members_total = j.value("members_total", 0);
  m.members_present = j.value("members_present", 0);
  m.note = j.value("note", "");
  m.start_time = j.value("start_time", "");
  m.end_time = j.value("end_time", "");
  m.place = j.value("place", "");
  m.agenda = j.value("agenda", "");
  if (j.contains("chair") && j["chair"].is_object()) m.chair_id = j["chair"].value("staff_id", "");
  if (j.contains("secretary") && j["secretary"].is_object()) {
    m.secretary_id = j["secretary"].value("staff_id", "");
  }
  if (j.contains("members") && j["members"].is_array()) {
    for (const auto& e : j["members"]) {
      m.members.push_back({e.value("staff_id", ""), e.value("name", ""), e.value("position", ""),
                           e.value("present", true)});
    }
  }
  return m;
}

json to_json(const MeetingRecord& r) {
  json j = to_json(r.meeting);
  j["id"] = r.meeting.id;
  j["quorum_needed"] = r.quorum_needed;
  j["quorum_met"] = r.quorum_met;
  j["recorded_by"] = r.recorded_by;
  j["recorded_at"] = r.recorded_at;
  if (r.corrected) {
    j["corrected_by"] = r.corrected->by;
    j["corrected_at"] = r.corrected->at;
  }
  return j;
}

std::optional<MeetingRecord> read_meeting_record(const json& j) {
  if (!j.is_object()) return std::nullopt;
  MeetingRecord r;
  try {
    r.meeting = read_meeting(j);
    r.quorum_needed = j.value("quorum_needed", 0LL);
    r.quorum_met = j.value("quorum_met", false);
    r.recorded_by = j.value("recorded_by", "");
    r.recorded_at = j.value("recorded_at", "");
    if (j.contains("corrected_by") || j.contains("corrected_at")) {
      r.corrected =
          MeetingRecord::Correction{j.value("corrected_by", ""), j.value("corrected_at", "")};
    }
  } catch (const json::exception&) {
    return std::nullopt;  // a member of another type: not written by this codec
  }
  return r;
}

}  // namespace thidua::nominations::stored
