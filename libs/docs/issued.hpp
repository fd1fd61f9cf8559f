#pragma once
// Issued documents (văn bản đi) of the school, whichever service issues them: the register
// entry of each and the pure rules of issuing.
//   - A number is taken when a document is issued, never at preview: per year of issue and
//     per type (BC, TTr, BB, QĐ), from 01 on, each once (Nghị định 30/2020, Phụ lục I, II.3).
//   - What was issued is frozen: its DOCX and PDF are kept as they were made.
//   - Issuing the same document again (the same kind and subject) is a new version with a
//     new number and the reason, which the register keeps.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace thidua::docs {

struct IssuedDocument {
  std::string id;           // "2026-bc-01": year of issue, type, number
  std::string kind;         // "bao-cao-nam", "to-trinh", …: what document it is
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

// The type's letters as they appear in ids: ASCII lower case, "Đ" read as "d" ("QĐ" → "qd").
std::string type_slug(const std::string& type);
// "2026-bc-01", "2026-qd-03".
std::string document_id(int number_year, const std::string& type, int number);

struct IssuePlan {
  int version = 1;
  std::string replaces;  // id of the latest version, "" for the first
};
// Whether issuing after `versions` needs a reason: there are versions and `reason` is blank.
bool reason_missing(const std::vector<IssuedDocument>& versions, const std::string& reason);
// The next version after `versions` (in order).
IssuePlan next_version(const std::vector<IssuedDocument>& versions);

// What GET …/documents/{file} asks for: "2026-bc-01.pdf" → {"2026-bc-01", "pdf"}; without an
// extension the register entry ({id, ""}); nullopt for any other extension.
struct FileRequest {
  std::string id;
  std::string format;  // "", "docx" or "pdf"
};
std::optional<FileRequest> parse_file_request(const std::string& file);
inline const std::string kDocxMediaType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
// The media type and the download name of an issued document's file in `format`.
const std::string& media_type(const std::string& format);
const std::string& file_name(const IssuedDocument& d, const std::string& format);

// "Báo cáo năm 2026 - số 01-BC-THCSVP1.docx": what a văn thư would name the file.
std::string download_name(const std::string& type_name, const std::string& subject_label,
                          const std::string& number_text, const std::string& extension);

}  // namespace thidua::docs
