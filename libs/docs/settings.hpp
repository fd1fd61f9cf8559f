#pragma once
// Who issues and signs the school's documents, where their templates are and how PDFs are
// made: one set of settings read the same way by every service that issues documents
// (README, Configuration), so all print the same header and signer.
#include <cstddef>
#include <memory>
#include <string>

#include "core/config.hpp"
#include "docs/document.hpp"
#include "docs/libreoffice.hpp"

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

// The converter the settings name; logs libreoffice_missing (issuing then answers 503) when
// the program is not installed, unless `quiet` (a service that only lists its routes).
std::shared_ptr<LibreOffice> make_libreoffice(const DocumentSettings& settings, bool quiet);

}  // namespace thidua::docs
