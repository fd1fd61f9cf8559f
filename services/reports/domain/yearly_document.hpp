#pragma once
// The yearly report (Báo cáo kết quả thực hiện phong trào thi đua, to UBND xã) as a
// document: the placeholders its template offers, their values from the compiled report,
// and the Document the writers lay out. Internal notes (which units have not sent their
// part) are the dashboard's, never the document's.
#include <string>

#include "core/clock.hpp"
#include "docs/document.hpp"
#include "docs/template.hpp"
#include "reports/domain/school_report.hpp"

namespace thidua::reports {

// Who issues and signs (settings): shared with nominations' documents.
using Issuer = docs::Issuer;

inline const std::string kYearlyReportKind = "bao-cao-nam";
inline const std::string kYearlyReportType = "BC";
inline const std::string kYearlyReportTypeName = "Báo cáo";
inline const std::string kYearlyReportTemplate = "bao-cao-nam.txt";

// The placeholders of the yearly report's template (README, "Document templates").
const docs::Schema& yearly_report_schema();
docs::Values yearly_report_values(const SchoolReport& r, const Issuer& issuer);
// The document numbered `number_text` ("01/BC-THCSVP1") and dated `date`.
docs::Document yearly_report_document(const SchoolReport& r, const docs::Template& wording,
                                      const Issuer& issuer, const docs::Signer& signer,
                                      const std::string& number_text, LocalDate date);

}  // namespace thidua::reports
