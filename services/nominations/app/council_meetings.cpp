// NominationsApp: the council's meetings with the votes taken at them, and their correction
// (issue 12, "Hội đồng"). The rules are domain/meeting_correction.hpp's; the votes are read
// from the nominations, where they are recorded (PUT /nominations/{id}/vote).
#include "core/errors.hpp"
#include "nominations/app/nominations_app.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
using nlohmann::json;

Task<std::vector<NominationsApp::CouncilMeeting>> NominationsApp::council_meetings() {
  auto records = co_await store_.meetings();
  auto all = co_await store_.all();
  std::vector<CouncilMeeting> out;
  for (auto& record : records) {
    const std::string id = record.value("id", "");
    out.push_back({std::move(record), considered_lines(all, id), meeting_lock(all, id)});
  }
  co_return out;
}

Task<NominationsApp::CouncilMeeting> NominationsApp::correct_meeting(const Principal& who,
                                                                     const std::string& id,
                                                                     MeetingForm form) {
  auto before = co_await store_.meeting(id);
  if (!before) throw not_found("unknown_meeting", say("problem.unknown_meeting", {{"id", id}}));
  auto catalogue_ref = co_await catalogue_.load();
  // Members recorded then and since gone from the staff records keep their recorded names.
  std::map<std::string, StaffName> staff;
  for (const auto& m : before->members) staff[m.staff_id] = {m.name, m.position};
  for (const auto& s : catalogue_ref->staff) staff[s.id] = {s.name, s.position};
  Meeting after = settle_meeting(std::move(form), staff);
  after.id = id;
  auto all = co_await store_.all();
  MeetingLock lock = meeting_lock(all, id);
  check_meeting_correction(*before, after, lock);

  long long quorum = rules_.quorum.needed_of(after.members_total);
  json corrected = {{"quorum_needed", quorum},
                    {"quorum_met", after.members_present >= quorum},
                    {"corrected_by", who.subject},
                    {"corrected_at", iso_instant(clock_.now())}};
  json doc = co_await store_.replace_meeting(after, corrected);
  co_return CouncilMeeting{std::move(doc), considered_lines(all, id), std::move(lock)};
}

}  // namespace thidua::nominations
