#include "docs/settings.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/log.hpp"

namespace thidua::docs {

DocumentSettings DocumentSettings::load(const Env& env) {
  DocumentSettings s;
  s.issuer.governing_body = env.text("THIDUA_GOVERNING_BODY", "UBND xã Vĩnh Phong");
  s.issuer.school = env.text("THIDUA_SCHOOL_NAME", "Trường THCS Vĩnh Phong 1");
  s.issuer.symbol = env.text("THIDUA_SCHOOL_SYMBOL", "THCSVP1");
  s.issuer.place = env.text("THIDUA_SCHOOL_PLACE", "Vĩnh Phong");
  if (s.issuer.place.empty()) {
    throw ConfigError("THIDUA_SCHOOL_PLACE: the place of the documents' dateline is empty");
  }
  s.issuer.signer.authority = env.text("THIDUA_SIGNER_AUTHORITY", "KT. HIỆU TRƯỞNG");
  s.issuer.signer.title = env.text("THIDUA_SIGNER_TITLE", "PHÓ HIỆU TRƯỞNG");
  s.issuer.signer.name = env.text("THIDUA_SIGNER_NAME", "");
  s.templates_dir = env.text("THIDUA_DOCUMENT_TEMPLATES", "");
  s.templates_dir_set = !s.templates_dir.empty();
  if (!s.templates_dir_set) s.templates_dir = "config/documents";
  s.pdf.program = env.text("THIDUA_PDF_PROGRAM", "soffice");
  s.pdf.timeout = env.millis("THIDUA_PDF_TIMEOUT_MS", 60000, 1000, 600000);
  const char* tmp = std::getenv("TMPDIR");
  s.pdf.work_dir = env.text("THIDUA_PDF_WORK_DIR", tmp && *tmp ? tmp : "/tmp");
  s.pdf_concurrency = static_cast<std::size_t>(env.integer("THIDUA_PDF_CONCURRENCY", 2, 1, 16));
  s.pdf_queue = static_cast<std::size_t>(env.integer("THIDUA_PDF_QUEUE", 8, 0, 1000));
  return s;
}

std::shared_ptr<LibreOffice> make_libreoffice(const DocumentSettings& settings, bool quiet) {
  auto libreoffice = std::make_shared<LibreOffice>(settings.pdf);
  if (!quiet && libreoffice->program_path().empty()) {
    log::warn("libreoffice_missing", log::Fields()
                                         .add("program", settings.pdf.program)
                                         .add("effect", "issuing documents answers 503"));
  }
  return libreoffice;
}

std::string original_template(const DocumentSettings& s, const std::string& file,
                              const Schema& schema, std::string_view builtin) {
  const std::string path = s.templates_dir + "/" + file;
  std::ifstream in(path, std::ios::binary);
  std::string text;
  std::string name = path;
  if (in) {
    std::stringstream read;
    read << in.rdbuf();
    text = read.str();
  } else if (!s.templates_dir_set) {
    text = std::string(builtin);
    name = "(mẫu có sẵn) " + file;
  } else {
    throw ConfigError("THIDUA_DOCUMENT_TEMPLATES: " + path + ": không đọc được tệp mẫu.");
  }
  try {
    Template::parse(text, schema, name);
  } catch (const TemplateError& e) {
    throw ConfigError(std::string("THIDUA_DOCUMENT_TEMPLATES: ") + e.what());
  }
  return text;
}

}  // namespace thidua::docs
