// A council meeting as recorded: who was there, by name, and the counts that follow.
#include <set>

#include "core/errors.hpp"
#include "nominations/domain/council.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
const MeetingMember* Meeting::member(const std::string& staff_id) const {
  for (const auto& m : members) {
    if (m.staff_id == staff_id) return &m;
  }
  return nullptr;
}

Meeting settle_meeting(MeetingForm form, const std::map<std::string, StaffName>& staff) {
  Meeting m = std::move(form.meeting);
  const bool named = form.named;
  if (named) {
    std::set<std::string> seen;
    for (auto& member : m.members) {
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
    }
    int present_count = 0;
    for (const auto& member : m.members) present_count += member.present ? 1 : 0;
    m.members_total = static_cast<int>(m.members.size());
    m.members_present = present_count;
  }
  int total = form.members_total.value_or(named ? m.members_total : -1);
  int present = form.members_present.value_or(named ? m.members_present : -1);
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

}  // namespace thidua::nominations
