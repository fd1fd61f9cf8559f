// NominationsApp: the council's meetings with the votes taken at them, and their correction
// (issue 12, "Hội đồng"). The rules are domain/meeting_correction.hpp's; the votes are read
// from the nominations, where they are recorded (PUT /nominations/{id}/vote). The correction is
// written only while the meeting and its votes are as the check read them (the store's
// script); a vote at the same moment wins or loses as a whole.
#include <algorithm>

#include "core/errors.hpp"
#include "nominations/app/nominations_app.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
Task<std::vector<NominationsApp::CouncilMeeting>> NominationsApp::council_meetings() {
  auto records = co_await store_.meetings();
  auto all = co_await store_.all();
  std::vector<CouncilMeeting> out;
  for (auto& record : records) {
    const std::string id = record.meeting.id;
    out.push_back({std::move(record), considered_lines(all, id), meeting_lock(all, id)});
  }
  co_return out;
}

Task<NominationsApp::CouncilMeeting> NominationsApp::correct_meeting(const Principal& who,
                                                                     const std::string& id,
                                                                     MeetingForm form) {
  // Read before the votes: a vote recorded after this read is seen by the write.
  auto read = co_await store_.meeting_read(id);
  if (!read) throw not_found("unknown_meeting", say("problem.unknown_meeting", {{"id", id}}));
  const Meeting& before = read->record.meeting;
  auto catalogue_ref = co_await catalogue_.load();
  // Members recorded then and since gone from the staff records keep their recorded names.
  std::map<std::string, StaffName> staff;
  for (const auto& m : before.members) staff[m.staff_id] = {m.name, m.position};
  for (const auto& s : catalogue_ref->staff) staff[s.id] = {s.name, s.position};
  Meeting after = settle_meeting(std::move(form), staff);
  after.id = id;
  auto all = co_await store_.all();
  MeetingLock lock = meeting_lock(all, id);
  check_meeting_correction(before, after, lock);

  // Who recorded it first stays; the correction is this one.
  MeetingRecord corrected =
      meeting_record(std::move(after), rules_, read->record.recorded_by, read->record.recorded_at);
  corrected.corrected = MeetingRecord::Correction{who.subject, iso_instant(clock_.now())};
  // What the check read of the votes, for the write to compare.
  std::vector<std::pair<std::string, Status>> voted;
  for (const auto& r : all) {
    if (std::find(lock.voted.begin(), lock.voted.end(), r.id) != lock.voted.end()) {
      voted.emplace_back(r.id, r.status);
    }
  }
  auto written = co_await store_.correct_meeting(*read, corrected, voted);
  if (written.result == WriteResult::MeetingChanged) {
    if (written.detail == "votes") throw correction_overtaken_by_votes(before);
    throw correction_overtaken_by_correction(before);
  }
  co_return CouncilMeeting{std::move(corrected), considered_lines(all, id), std::move(lock)};
}

}  // namespace thidua::nominations
