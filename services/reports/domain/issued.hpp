#pragma once
// The yearly report's side of issued documents. The register entry, ids, versions and file
// names are the school's, shared with nominations (libs/docs/issued.hpp); here the report's
// own rules: the reason asked of a second issue, and which version was marked sent.
#include <string>
#include <vector>

#include "docs/issued.hpp"

namespace thidua::reports {

using docs::document_id;
using docs::download_name;
using docs::IssuedDocument;
using docs::IssuePlan;

// The next version of a document given the versions issued so far (in order). Throws
// ApiError 409 reason_required when there are versions and `reason` is blank. (A reason
// given for the first version is kept as a note.)
IssuePlan plan_issue(const std::vector<IssuedDocument>& versions, const std::string& reason);

}  // namespace thidua::reports

namespace thidua::reports {

// Which issued version the report marked sent is: the one named by `document_id`, else the
// one whose number is `number`, else the latest. Without any issued version, `number` as
// written (a report issued outside the system). ApiError 422 when the id or the number names
// no issued version of the year, or they disagree, or nothing names a number at all.
struct SentDocument {
  std::string number;
  std::string document_id;  // "" when no issued version is known
};
SentDocument choose_sent_document(const std::vector<IssuedDocument>& versions, int year,
                                  const std::string& document_id, const std::string& number);

}  // namespace thidua::reports
