#pragma once
// Who issues and signs the school's documents, where their templates are and how PDFs are
// made: one set of settings read the same way by every service that issues documents
// (README, Configuration), so all print the same header and signer.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/config.hpp"
#include "docs/document.hpp"
#include "docs/libreoffice.hpp"
#include "docs/template.hpp"

namespace thidua::docs {

struct DocumentSettings {
  Issuer issuer;              // THIDUA_GOVERNING_BODY, _SCHOOL_NAME, _SCHOOL_SYMBOL, _SCHOOL_PLACE,
                              // THIDUA_SIGNER_AUTHORITY, _TITLE, _NAME
  std::string templates_dir;  // THIDUA_DOCUMENT_TEMPLATES, else config/documents
  bool templates_dir_set = false;
  LibreOfficeSettings pdf;          // THIDUA_PDF_PROGRAM, _TIMEOUT_MS, _WORK_DIR
  std::size_t pdf_concurrency = 2;  // THIDUA_PDF_CONCURRENCY
  std::size_t pdf_queue = 8;        // THIDUA_PDF_QUEUE

  // Throws ConfigError naming the setting that is wrong (an empty place, say).
  static DocumentSettings load(const Env& env);
};

// The original wording of the template `file` (what the dashboard's "Mẫu văn bản" returns to):
// the school's file in templates_dir, else (the setting unset and the default folder missing:
// a binary run outside the source tree) `builtin`. Checked against `schema` here, so a broken
// file stops start-up: ConfigError naming THIDUA_DOCUMENT_TEMPLATES, the file and the line.
std::string original_template(const DocumentSettings& s, const std::string& file,
                              const Schema& schema, std::string_view builtin);

// The converter the settings name; logs libreoffice_missing (issuing then answers 503) when
// the program is not installed, unless `quiet` (a service that only lists its routes).
std::shared_ptr<LibreOffice> make_libreoffice(const DocumentSettings& settings, bool quiet);

}  // namespace thidua::docs
