#pragma once
// scripts/backup.sh and scripts/restore.sh run as an operator would, on the end-to-end
// deployment (e2e_system.hpp): the fixture of backup_restore_test.cpp.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/e2e_system.hpp"

namespace thidua::e2e::backup_test {
using nlohmann::json;
using testing::http_call;
namespace fs = std::filesystem;

struct ScriptRun {
  int rc = -1;
  std::string out, err;
};

inline std::string shell_quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs a script of the repository with bash, the environment given added; stdout and
// stderr apart.
inline ScriptRun run_script(const std::string& script, const std::vector<std::string>& args,
                            const std::map<std::string, std::string>& env, const std::string& dir) {
  std::string cmd = "env";
  for (const auto& [k, v] : env) cmd += " " + k + "=" + shell_quoted(v);
  cmd += " bash " + shell_quoted(testing::source_dir() + "/scripts/" + script);
  for (const auto& a : args) cmd += " " + shell_quoted(a);
  std::string err_path = dir + "/script.err";
  cmd += " 2>" + shell_quoted(err_path);
  ScriptRun r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  while (auto n = std::fread(buf, 1, sizeof buf, pipe)) r.out.append(buf, n);
  int status = ::pclose(pipe);
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_path);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

inline std::string last_line(const std::string& text) {
  auto end = text.find_last_not_of('\n');
  if (end == std::string::npos) return "";
  auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - start);
}

inline std::vector<std::string> names_in(const std::string& dir, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    auto name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

class BackupRestore : public E2eTest {
 protected:
  BackupRestore() : work_(testing::make_temp_dir("thidua-backup")) {}
  ~BackupRestore() override {
    std::error_code ignored;
    if (!HasFailure()) fs::remove_all(work_, ignored);
  }

  // One backup with scripts/backup.sh, keeping the newest two; the archive's path.
  std::string backup() {
    auto r = run_script("backup.sh", {},
                        {{"THIDUA_REDIS_URL", redis().url()},
                         {"THIDUA_BACKUP_DIR", work_ + "/backups"},
                         {"THIDUA_BACKUP_KEEP", "2"}},
                        work_);
    EXPECT_EQ(r.rc, 0) << r.err;
    return last_line(r.out);
  }
  ScriptRun restore(const std::string& archive) {
    return run_script("restore.sh", {archive, "--data-dir", redis().dir()}, {}, work_);
  }

  json get(const std::string& service, const std::string& path, int expected = 200,
           const std::map<std::string, std::string>& headers = {}) {
    auto h = headers.empty() ? admin() : headers;
    auto r = http_call("GET", url(service, path), "", h);
    EXPECT_EQ(r.status, expected) << "GET " << path << ": " << r.body;
    return json::parse(r.body, nullptr, false);
  }
  // An issued document's bytes, as the dashboard downloads them.
  std::string download(const std::string& path) {
    auto r = http_call("GET", url("reports", path), "", admin());
    EXPECT_EQ(r.status, 200) << "GET " << path;
    return r.body;
  }
  testing::HttpReply queue_message(const std::string& key) {
    auto h = admin();
    h["Content-Type"] = "application/json";
    h["Idempotency-Key"] = key;
    json body = {{"target", "group"}, {"text", "Họp Hội đồng thi đua chiều thứ Sáu, phòng 2"}};
    return http_call("POST", url("notifications", "/api/notifications/v1/messages"), body.dump(),
                     h);
  }

  std::string work_;
};

}  // namespace thidua::e2e::backup_test
