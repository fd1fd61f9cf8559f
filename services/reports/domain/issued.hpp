#pragma once
// Issued documents (văn bản đi): the register entry of each, and the rules of issuing.
//   - A number is taken when a document is issued, never at preview: per year of issue and
//     per type (BC, TTr, …), from 01 on, each once (Nghị định 30/2020, Phụ lục I, II.3).
//   - What was issued is frozen: its DOCX and PDF are kept as they were made.
//   - Issuing the same document again (the report of a year) is a new version with a new
//     number and the reason, which the register keeps.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace thidua::reports {

struct IssuedDocument {
  std::string id;           // "2026-bc-01": year of issue, type, number
  std::string kind;         // "bao-cao-nam": what document it is
  std::string subject;      // what it is about: "2026" for the yearly report of 2026
  int version = 1;          // 1, 2, … for the same kind and subject
  int number_year = 0;      // the year whose numbering gave the number
  int number = 0;           // 1, 2, …
  std::string type;         // "BC"
  std::string number_text;  // "01/BC-THCSVP1"
  std::string type_name;    // "Báo cáo"
  std::string summary;      // trích yếu
  LocalDate issued_on;
  std::string issued_at;  // instant, UTC
  std::string issued_by;  // principal
  std::string signer;     // full name
  std::string signer_title;
  std::string recipient;
  std::string reason;               // why it was issued again; "" for version 1
  std::string replaces;             // the id of the version before, "" for version 1
  std::string docx_name, pdf_name;  // file names for downloads, in Vietnamese
  std::size_t docx_bytes = 0, pdf_bytes = 0;
};

nlohmann::json to_json(const IssuedDocument& d);
IssuedDocument issued_from_json(const nlohmann::json& j);

// "2026-bc-01".
std::string document_id(int number_year, const std::string& type, int number);
// An id as routes take it: lower-case letters, digits and '-', at most 40.
bool plain_document_id(const std::string& id);

struct IssuePlan {
  int version = 1;
  std::string replaces;  // id of the latest version, "" for the first
};
// The next version of a document given the versions issued so far (in order). Throws
// ApiError 409 reason_required when there are versions and `reason` is blank. (A reason
// given for the first version is kept as a note.)
IssuePlan plan_issue(const std::vector<IssuedDocument>& versions, const std::string& reason);

// "Báo cáo năm 2026 - số 01-BC-THCSVP1.docx": what a văn thư would name the file.
std::string download_name(const std::string& type_name, const std::string& subject_label,
                          const std::string& number_text, const std::string& extension);

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
