#pragma once
// The minutes of a council meeting (Biên bản họp Hội đồng Thi đua – Khen thưởng; plan section
// V.2, issue 11): time, place, chair and secretary, the members present and absent by name
// with the quorum, the agenda, each nomination considered with its vote and conclusion, the
// closing time; signed by the secretary (left) and the chair (right). Pure: the lines, the
// placeholders of bien-ban.txt and their values, the Document.
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "docs/document.hpp"
#include "docs/template.hpp"
#include "nominations/domain/council.hpp"
#include "nominations/domain/record.hpp"

namespace thidua::nominations {

inline const std::string kMinutesKind = "bien-ban";
inline const std::string kMinutesType = "BB";
inline const std::string kMinutesTypeName = "Biên bản";
inline const std::string kMinutesTemplate = "bien-ban.txt";

// One nomination the meeting voted on.
struct ConsideredLine {
  std::string nomination_id;
  std::string name;   // the subject
  std::string award;  // the award form's label
  int yes = 0, no = 0, abstain = 0;
  bool passed = false;
};

// The nominations whose recorded vote names `meeting_id`, in the order of `all`.
std::vector<ConsideredLine> considered_lines(const std::vector<NominationRecord>& all,
                                             const std::string& meeting_id);

const docs::Schema& minutes_schema();

struct MinutesInput {
  Meeting meeting;
  long long quorum_needed = 0;
  std::vector<ConsideredLine> considered;
};
docs::Values minutes_values(const MinutesInput& in, const docs::Issuer& issuer);

// Signed by the chair (right) and the secretary (left); dated the day of the meeting's
// issue (`date`), the meeting's own date in the text.
docs::Document minutes_document(const MinutesInput& in, const docs::Template& wording,
                                const docs::Issuer& issuer, const std::string& number_text,
                                LocalDate date);

// "ngày 02 tháng 11 năm 2026": a date in running text, with the dateline's leading zeros.
std::string date_words(LocalDate date);

}  // namespace thidua::nominations
