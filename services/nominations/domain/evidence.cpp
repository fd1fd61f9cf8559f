#include "nominations/domain/evidence.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {

bool is_evidence_link(std::string_view link) {
  if (link.size() > kMaxEvidenceLinkBytes) return false;
  std::string_view rest;
  if (link.substr(0, 8) == "https://") {
    rest = link.substr(8);
  } else if (link.substr(0, 7) == "http://") {
    rest = link.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.front() == '/') return false;  // a host comes first
  // Bytes up to 0x20 and DEL: spaces and control characters never belong in a link a person
  // clicks; UTF-8 (a Vietnamese file name) is fine.
  return std::none_of(rest.begin(), rest.end(),
                      [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

void check_may_add_evidence(const Principal& who, const std::string& own_unit,
                            const NominationRecord& r) {
  bool nominee = r.draft.subject_kind == SubjectKind::Individual &&
                 r.draft.subject_id == who.subject && !who.subject.empty();
  bool allowed = who.role == Role::Admin ||
                 (who.role == Role::Leader && !own_unit.empty() && own_unit == r.unit_id) ||
                 nominee;
  if (!allowed) throw ApiError(403, "evidence_not_yours", say("problem.evidence_not_yours"));
  bool open =
      r.status == Status::Draft || r.status == Status::Submitted || r.status == Status::UnderReview;
  if (!open) {
    throw conflict("evidence_closed",
                   say("problem.evidence_closed", {{"status", status_label(r.status)}}));
  }
}

bool add_evidence(NominationDraft& d, std::size_t index, const std::string& link) {
  if (!is_evidence_link(link)) {
    throw bad_request("invalid_evidence_link", say("problem.evidence_link"));
  }
  if (index >= d.achievements.size()) {
    throw unprocessable("no_such_achievement",
                        d.achievements.empty()
                            ? say("problem.no_achievement_yet")
                            : say("problem.no_such_achievement",
                                  {{"count", std::to_string(d.achievements.size())}}));
  }
  auto& list = d.achievements[index].evidence;
  if (std::find(list.begin(), list.end(), link) != list.end()) return false;
  if (list.size() >= kMaxEvidencePerAchievement) {
    throw unprocessable(
        "too_much_evidence",
        say("problem.too_much_evidence", {{"max", std::to_string(kMaxEvidencePerAchievement)}}));
  }
  list.push_back(link);
  return true;
}

}  // namespace thidua::nominations
