#include "docs/libreoffice.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace thidua::docs {
namespace {
namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The conversion's directory, removed whatever happens.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& parent) {
    std::string pattern = (fs::path(parent) / "thidua-pdf-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
      throw RenderError(RenderError::Kind::Failed, "cannot make a directory in " + parent);
    }
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

// The last few hundred bytes of LibreOffice's output, for the log.
std::string tail(const fs::path& log) {
  std::string s = read_file(log);
  if (s.size() > 400) s = s.substr(s.size() - 400);
  for (auto& c : s) c = c == '\n' ? ' ' : c;
  return s;
}
}  // namespace

LibreOffice::LibreOffice(LibreOfficeSettings settings) : settings_(std::move(settings)) {}

std::string LibreOffice::program_path() const {
  const std::string& p = settings_.program;
  if (p.find('/') != std::string::npos) return ::access(p.c_str(), X_OK) == 0 ? p : "";
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    std::string candidate = dir + "/" + p;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

std::string LibreOffice::to_pdf(const std::string& docx, const std::atomic<bool>& cancel) const {
  std::string program = program_path();
  if (program.empty()) {
    throw RenderError(RenderError::Kind::Missing,
                      "LibreOffice (" + settings_.program + ") is not installed");
  }
  TempDir dir(settings_.work_dir);
  const fs::path input = dir.path / "van-ban.docx";
  const fs::path output = dir.path / "out" / "van-ban.pdf";
  const fs::path log = dir.path / "soffice.log";
  {
    std::ofstream out(input, std::ios::binary);
    out.write(docx.data(), static_cast<std::streamsize>(docx.size()));
    if (!out) throw RenderError(RenderError::Kind::Failed, "cannot write " + input.string());
  }
  std::vector<std::string> args = {
      program,        "--headless",
      "--invisible",  "--nologo",
      "--norestore",  "--nolockcheck",
      "--nodefault",  "-env:UserInstallation=file://" + (dir.path / "profile").string(),
      "--convert-to", "pdf:writer_pdf_Export",
      "--outdir",     (dir.path / "out").string(),
      input.string()};
  std::vector<std::string> env = {"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + dir.path.string(),
                                  "TMPDIR=" + dir.path.string(), "LANG=C.UTF-8",
                                  "SAL_USE_VCLPLUGIN=svp"};
  std::vector<char*> argv, envp;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t files;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&files, 1, 2);
  posix_spawnattr_init(&attr);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setpgroup(&attr, 0);  // its own group: soffice.bin dies with it
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, program.c_str(), &files, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    throw RenderError(RenderError::Kind::Failed,
                      "cannot start " + program + ": errno " + std::to_string(rc));
  }

  const auto deadline = std::chrono::steady_clock::now() + settings_.timeout;
  int status = 0;
  bool timed_out = false;
  while (true) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) break;
    if (cancel || std::chrono::steady_clock::now() >= deadline) {
      timed_out = true;
      ::kill(-pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(-pid, SIGKILL);  // anything of its group still there (ESRCH when none: fine)
  if (timed_out) {
    throw RenderError(RenderError::Kind::Timeout,
                      cancel ? "LibreOffice stopped: the service is stopping"
                             : "LibreOffice took longer than " +
                                   std::to_string(settings_.timeout.count()) + " ms");
  }
  std::string pdf = read_file(output);
  if (pdf.rfind("%PDF-", 0) != 0) {
    throw RenderError(RenderError::Kind::Failed,
                      "LibreOffice made no PDF (exit " +
                          std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                          "): " + tail(log));
  }
  return pdf;
}

}  // namespace thidua::docs
