#include "nominations/domain/nomination.hpp"

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "nominations/domain/evidence.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
void check_achievement(const Achievement& a) {
  for (const auto& area : a.areas) {
    if (!is_content_area(area)) {
      throw bad_request("unknown_content_area",
                        say("problem.unknown_content_area", {{"area", area}}));
    }
  }
  for (const auto& link : a.evidence) {
    if (!is_evidence_link(link)) {
      throw bad_request("invalid_evidence_link", say("problem.evidence_link"));
    }
  }
}

bool writes_nominations(Role role) {
  return role == Role::Admin || role == Role::Leader;
}

void check_grounds(const NominationDraft& d) {
  if (text::blank(d.reason) && d.achievements.empty()) {
    throw unprocessable("missing_grounds", say("problem.missing_grounds"));
  }
}

Subject check_draft(const NominationDraft& d, const Catalogue& c, Role role,
                    const std::string& actor_unit) {
  if (!c.period(d.period)) {
    throw unprocessable("unknown_period", say("problem.unknown_period", {{"period", d.period}}));
  }
  if (!c.award(d.award)) {
    throw unprocessable("unknown_award", say("problem.unknown_award", {{"code", d.award}}));
  }
  Subject s;
  if (d.subject_kind == SubjectKind::Individual) {
    const StaffMember* m = c.staff_member(d.subject_id);
    if (!m)
      throw unprocessable("unknown_staff", say("problem.unknown_staff", {{"id", d.subject_id}}));
    if (m->on_hold) {
      throw unprocessable("subject_on_hold", say("problem.subject_on_hold",
                                                 {{"name", m->name}, {"reason", m->hold_reason}}));
    }
    s.name = m->name;
    s.unit_id = m->unit_id;
    const Unit* u = c.unit(m->unit_id);
    if (u && !u->active) {
      throw unprocessable("unit_inactive", say("problem.staff_unit_inactive",
                                               {{"name", m->name}, {"unit", u->name}}));
    }
  } else {
    const Unit* u = c.unit(d.subject_id);
    if (!u)
      throw unprocessable("unknown_unit", say("problem.unknown_unit", {{"id", d.subject_id}}));
    if (!u->active) {
      throw unprocessable("unit_inactive", say("problem.unit_inactive", {{"unit", u->name}}));
    }
    s.name = u->name;
    s.unit_id = u->id;
  }
  if (const Unit* u = c.unit(s.unit_id)) s.unit_name = u->name;
  if (role == Role::Leader && s.unit_id != actor_unit) {
    throw ApiError(403, "not_own_unit", say("problem.not_own_unit_subject"));
  }
  return s;
}

std::string live_key(const NominationDraft& d) {
  return d.period + ":" + d.award + ":" + std::string(subject_kind_name(d.subject_kind)) + ":" +
         d.subject_id;
}

}  // namespace thidua::nominations
