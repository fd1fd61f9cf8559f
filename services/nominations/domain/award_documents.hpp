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

// A council meeting whose vote decided nominations of the round, and its biên bản once
// issued: what the tờ trình and the quyết định cite in "Căn cứ Biên bản …", by number and date
// as Nghị định 30/2020 cites a document.
struct MinutesBasis {
  std::string meeting_id;
  LocalDate meeting_date;
  std::string number_text;  // "03/BB-THCSVP1"; "" while its biên bản is not issued
  LocalDate issued_on;      // the biên bản's own date, when issued
};

// The meetings whose recorded votes decided the lines' nominations, each once, by date, then id.
std::vector<MinutesBasis> deciding_meetings(const std::vector<NominationRecord>& all,
                                            const std::vector<NomineeLine>& lines);

// {{bien_ban}}: "Biên bản số 03/BB-THCSVP1 ngày 06 tháng 11 năm 2026 họp Hội đồng Thi đua –
// Khen thưởng" when issued, "Biên bản họp Hội đồng Thi đua – Khen thưởng ngày 05 tháng 11 năm
// 2026" before; several joined with "và"; none: "Biên bản họp Hội đồng Thi đua – Khen thưởng".
std::string minutes_basis(const std::vector<MinutesBasis>& minutes);

struct RoundDocument {
  const Period* period = nullptr;
  const AwardForm* award = nullptr;
  std::vector<NomineeLine> lines;
  std::vector<MinutesBasis> minutes;  // deciding_meetings, with their biên bản
};
docs::Values round_values(const RoundDocument& round, const docs::Issuer& issuer);

// The document numbered `number_text`, dated `date`. The tờ trình is addressed ("Kính gửi")
// as its template says, normally to the form's authority. Its number and date are also
// {{so_van_ban}} and {{ngay_van_ban}}, for the list's "(Kèm theo … số … ngày …)".
docs::Document round_document(const RoundDocument& round, const docs::Template& wording,
                              const docs::Issuer& issuer, const docs::Signer& signer,
                              const std::string& number_text, LocalDate date);

// "Giấy khen của Chủ tịch UBND xã năm 2026": the round in a file name.
std::string round_label(const RoundDocument& round);

}  // namespace thidua::nominations
