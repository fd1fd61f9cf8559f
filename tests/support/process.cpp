#include "support/process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace thidua::testing {

namespace {
// The port the kernel hands out, not yet reserved by another test process.
int kernel_free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind a free port");
  }
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// Holds an exclusive lock on /tmp/thidua-test-ports/<port> for the rest of this process
// (the descriptor is never closed; the kernel drops the lock when the process exits).
bool reserve(int port) {
  static const std::string dir = [] {
    std::string d = "/tmp/thidua-test-ports";
    ::mkdir(d.c_str(), 01777);
    return d;
  }();
  std::string path = dir + "/" + std::to_string(port);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return false;
  }
  return true;
}
}  // namespace

// Between the pick and the child's bind the port is free to anyone, and the services bind
// with SO_REUSEPORT: two tests running side by side (ctest -j2) could each pick the same port
// and both bind it, each then answering the other's requests. A port is therefore used only
// by the test process that reserved it, and never handed out twice in one process.
int free_port() {
  static std::mutex mutex;
  static std::set<int> mine;
  std::lock_guard lock(mutex);
  for (int attempt = 0; attempt < 200; ++attempt) {
    int port = kernel_free_port();
    if (mine.count(port)) continue;
    if (reserve(port)) {
      mine.insert(port);
      return port;
    }
  }
  throw std::runtime_error("no free port could be reserved");
}

std::string build_dir() {
  return THIDUA_TEST_BUILD_DIR;
}
std::string source_dir() {
  return THIDUA_TEST_SOURCE_DIR;
}

std::string make_temp_dir(const std::string& prefix) {
  std::string pattern = "/tmp/" + prefix + "-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  return buf.data();
}

std::string faketime_library() {
  for (const char* path : {"/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
                           "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
                           "/usr/lib/faketime/libfaketime.so.1"}) {
    if (::access(path, R_OK) == 0) return path;
  }
  return "";
}

std::string faketime_preload() {
  auto lib = faketime_library();
  if (lib.empty()) throw std::runtime_error("libfaketime is missing: apt-get install faketime");
  return std::string(THIDUA_TIMERFD_PASSTHROUGH) + ":" + lib;
}

std::string test_faketime() {
  const char* v = std::getenv("THIDUA_TEST_FAKETIME");
  return v ? v : "";
}

namespace {
// When the test binary started: before any service it starts.
const auto kBinaryStarted = std::chrono::steady_clock::now();

std::time_t utc_of_ict(const std::string& ict) {
  std::tm tm{};
  std::istringstream in(ict);
  in >> std::get_time(&tm, "%Y-%m-%d %H:%M:%S");
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) {
    throw std::invalid_argument("not a time of the form YYYY-MM-DD HH:MM:SS: " + ict);
  }
  // Asia/Ho_Chi_Minh is UTC+7 all year: the UTC instant is 7 hours earlier.
  return ::timegm(&tm) - 7 * 3600;
}
}  // namespace

std::pair<std::chrono::system_clock::time_point, std::chrono::system_clock::time_point>
services_now() {
  auto pinned = test_faketime();
  if (pinned.empty()) {
    auto now = std::chrono::system_clock::now();
    return {now, now};
  }
  auto start = std::chrono::system_clock::from_time_t(utc_of_ict(pinned));
  auto ran = std::chrono::steady_clock::now() - kBinaryStarted;
  return {start, start + std::chrono::duration_cast<std::chrono::system_clock::duration>(ran)};
}

std::map<std::string, std::string> faked_clock_env(const std::string& ict) {
  std::time_t utc = utc_of_ict(ict);
  auto preload = faketime_preload();
  std::tm utc_tm{};
  ::gmtime_r(&utc, &utc_tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "@%Y-%m-%d %H:%M:%S", &utc_tm);
  return {{"LD_PRELOAD", preload},
          {"FAKETIME", buf},
          {"FAKETIME_DONT_FAKE_MONOTONIC", "1"},
          {"TZ", "UTC"}};
}

Process::~Process() {
  if (pid_ > 0) stop(SIGKILL, 2000);
}

void Process::start(const std::string& path, const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env, const std::string& log_path,
                    Clock clock) {
  log_path_ = log_path;
  exited_ = false;
  std::map<std::string, std::string> full;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    auto eq = kv.find('=');
    if (eq != std::string::npos) full[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  if (clock == Clock::kTest && !env.count("FAKETIME") && !test_faketime().empty()) {
    for (const auto& [k, v] : faked_clock_env(test_faketime())) full[k] = v;
  }
  for (const auto& [k, v] : env) full[k] = v;
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : full) env_strings.push_back(k + "=" + v);

  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::close(fd);
    }
    ::setpgid(0, 0);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(path.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    ::execve(path.c_str(), argv.data(), envp.data());
    std::perror("execve");
    ::_exit(127);
  }
}

bool Process::running() {
  if (pid_ <= 0) return false;
  if (exited_) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != pid_) return true;
  // Reaped here: keep the status for stop(), which must not signal a reused pid.
  exited_ = true;
  status_ = status;
  return false;
}

int Process::stop(int signal, int timeout_ms) {
  if (pid_ <= 0) return 0;
  int status = 0;
  if (exited_) {
    status = status_;
    pid_ = -1;
    exited_ = false;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return -WTERMSIG(status);
    return -1;
  }
  ::kill(pid_, signal);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) break;
    if (r < 0 || std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pid_ = -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1;
}

std::string Process::log() const {
  std::ifstream in(log_path_);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool wait_until(const std::function<bool()>& ready, int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return ready();
}

}  // namespace thidua::testing
