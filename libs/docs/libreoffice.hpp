#pragma once
// PDF from DOCX with LibreOffice headless (Debian: libreoffice-writer-nogui), one child
// process per conversion:
//   - in its own temporary directory with its own user profile (-env:UserInstallation), so
//     conversions at the same time never share LibreOffice's profile lock or pipe;
//   - in its own process group, killed as a whole (soffice starts soffice.bin) when it takes
//     longer than `timeout` or the service stops;
//   - with a small environment of its own (PATH, HOME, LANG): never the service's secrets,
//     nor the LD_PRELOAD of a test's libfaketime.
// Blocking: it runs on a docs::Renderer worker, never on an event loop.
#include <chrono>
#include <string>

#include "docs/renderer.hpp"

namespace thidua::docs {

struct LibreOfficeSettings {
  std::string program = "soffice";  // a name looked up in PATH, or a path
  std::chrono::milliseconds timeout{60000};
  std::string work_dir = "/tmp";  // where each conversion's directory is made
};

class LibreOffice final : public PdfEngine {
 public:
  explicit LibreOffice(LibreOfficeSettings settings);
  // The program's absolute path, "" when it is not installed (looked up on each call, so
  // installing LibreOffice needs no restart).
  std::string program_path() const;
  std::string to_pdf(const std::string& docx, const std::atomic<bool>& cancel) const override;

 private:
  LibreOfficeSettings settings_;
};

}  // namespace thidua::docs
