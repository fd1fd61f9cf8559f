#pragma once
// The documents of an award round (plan section V; issue 11), built from the nominations:
//   - Tờ trình đề nghị khen thưởng with its danh sách: one per award form and period, for
//     every nomination the council approved or the board has forwarded, addressed to the
//     authority that grants the form (the award form's `authority` in the catalogue);
//   - Quyết định khen thưởng of the principal with its danh sách: the award the school grants
//     itself (an award form of level "school", Giấy khen của Hiệu trưởng), for the approved.
// Pure: the list, the placeholders each template offers and their values, the Document.
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "docs/document.hpp"
#include "docs/template.hpp"
#include "nominations/domain/catalogue.hpp"
#include "nominations/domain/record.hpp"

namespace thidua::nominations {

inline const std::string kProposalKind = "to-trinh";
inline const std::string kProposalType = "TTr";
inline const std::string kProposalTypeName = "Tờ trình";
inline const std::string kProposalTemplate = "to-trinh.txt";
inline const std::string kDecisionKind = "quyet-dinh";
inline const std::string kDecisionType = "QĐ";
inline const std::string kDecisionTypeName = "Quyết định";
inline const std::string kDecisionTemplate = "quyet-dinh.txt";

// One line of a danh sách.
struct NomineeLine {
  std::string nomination_id;
  SubjectKind kind = SubjectKind::Individual;
  std::string name;           // the person's full name, or the unit's name
  std::string position_unit;  // "Giáo viên, Tổ Toán – Tin"; a unit: "Tổ chuyên môn"
  std::string award;          // the award form's label
  std::string achievement;    // short: the public wording, else the reason, else the first
};

// The nominations of `period` for `award` whose status is one of `statuses`, collectives
// first, then individuals, each in the order they were made (the order of `all`).
std::vector<NomineeLine> nominee_lines(const std::vector<NominationRecord>& all,
                                       const Catalogue& catalogue, const std::string& period,
                                       const std::string& award,
                                       const std::vector<Status>& statuses);

// What the tờ trình lists: approved and forwarded. The quyết định: approved and forwarded as
// well (the principal decides on what the council passed).
const std::vector<Status>& proposal_statuses();
const std::vector<Status>& decision_statuses();

// The award form the school grants itself (level "school"): only those have a quyết định here.
bool granted_by_school(const AwardForm& form);

// The placeholders of to-trinh.txt and quyet-dinh.txt (README, "Document templates").
const docs::Schema& proposal_schema();
const docs::Schema& decision_schema();

struct RoundDocument {
  const Period* period = nullptr;
  const AwardForm* award = nullptr;
  std::vector<NomineeLine> lines;
};
docs::Values round_values(const RoundDocument& round, const docs::Issuer& issuer);

// The document numbered `number_text`, dated `date`. The tờ trình is addressed ("Kính gửi")
// as its template says, normally to the form's authority.
docs::Document round_document(const RoundDocument& round, const docs::Template& wording,
                              const docs::Issuer& issuer, const docs::Signer& signer,
                              const std::string& number_text, LocalDate date);

// "Giấy khen của Chủ tịch UBND xã năm 2026": the round in a file name.
std::string round_label(const RoundDocument& round);

}  // namespace thidua::nominations
