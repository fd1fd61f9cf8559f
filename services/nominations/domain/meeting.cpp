// A council meeting as recorded: parsed from the API's body, checked, and as stored.
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "nominations/domain/catalogue.hpp"
#include "nominations/domain/council.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

constexpr int kMaxMembers = 200;

int optional_count(const json& body, const std::string& field, int fallback) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 1000) {
    throw bad_request("invalid_field", say("problem.count_field", {{"field", field}}));
  }
  return it->get<int>();
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
}  // namespace

const MeetingMember* Meeting::member(const std::string& staff_id) const {
  for (const auto& m : members) {
    if (m.staff_id == staff_id) return &m;
  }
  return nullptr;
}

Meeting parse_meeting(const json& body, const std::map<std::string, StaffName>& staff) {
  Meeting m;
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
  const bool named = list != body.end();
  if (named) {
    if (!list->is_array() || list->empty() || list->size() > kMaxMembers) {
      throw bad_request("invalid_members", say("problem.meeting_members"));
    }
    std::set<std::string> seen;
    for (const auto& entry : *list) {
      if (!entry.is_object()) throw bad_request("invalid_members", say("problem.meeting_members"));
      MeetingMember member;
      member.staff_id = catalogue_id_field(entry, "staff_id");
      auto present = entry.find("present");
      if (present != entry.end() && !present->is_null() && !present->is_boolean()) {
        throw bad_request("invalid_members", say("problem.meeting_members"));
      }
      member.present = present == entry.end() || present->is_null() || present->get<bool>();
      auto who = staff.find(member.staff_id);
      if (who == staff.end()) {
        throw unprocessable("unknown_staff",
                            say("problem.unknown_staff", {{"id", member.staff_id}}));
      }
      if (!seen.insert(member.staff_id).second) {
        throw unprocessable("member_twice",
                            say("problem.member_twice", {{"name", who->second.name}}));
      }
      member.name = who->second.name;
      member.position = who->second.position;
      m.members.push_back(std::move(member));
    }
    int present_count = 0;
    for (const auto& member : m.members) present_count += member.present ? 1 : 0;
    m.members_total = static_cast<int>(m.members.size());
    m.members_present = present_count;
  }
  int total = optional_count(body, "members_total", named ? m.members_total : -1);
  int present = optional_count(body, "members_present", named ? m.members_present : -1);
  if (total < 0 || present < 0) {
    throw bad_request("missing_field", say("problem.meeting_counts"));
  }
  if (named && (total != m.members_total || present != m.members_present)) {
    throw unprocessable("counts_disagree", say("problem.counts_disagree",
                                               {{"total", std::to_string(m.members_total)},
                                                {"present", std::to_string(m.members_present)}}));
  }
  m.members_total = total;
  m.members_present = present;
  check_meeting(m);
  // The chair and the secretary sign the minutes: people who were there.
  for (const auto* role : {&m.chair_id, &m.secretary_id}) {
    if (role->empty() || !named) continue;
    const MeetingMember* member = m.member(*role);
    if (!member || !member->present) {
      throw unprocessable(
          "signer_not_present",
          say(role == &m.chair_id ? "problem.chair_not_present" : "problem.secretary_not_present",
              {{"id", *role}}));
    }
  }
  if (!m.start_time.empty() && !m.end_time.empty() && m.end_time < m.start_time) {
    throw unprocessable("end_before_start", say("problem.end_before_start"));
  }
  return m;
}

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

Meeting meeting_from_json(const json& j) {
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

}  // namespace thidua::nominations
