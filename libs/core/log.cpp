#include "core/log.hpp"

#include "core/json_writer.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>

namespace thidua::log {
namespace {

// stdout without a flush per line (spdlog's stdout sink flushes every message: one
// syscall per request); flushed every second, on warnings and at exit.
class BufferedStdoutSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    std::fwrite(msg.payload.data(), 1, msg.payload.size(), stdout);
    std::fputc('\n', stdout);
  }
  void flush_() override { std::fflush(stdout); }
};

std::shared_ptr<spdlog::logger>& logger() {
  static std::shared_ptr<spdlog::logger> instance;
  return instance;
}
std::string& service_name() {
  static std::string name = "thidua";
  return name;
}

// "2026-10-30T01:02:03.456Z". The part up to the seconds is formatted once per second per
// thread: gmtime and printf per line showed up in the request profile.
void append_iso_now(std::string& out) {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto since_epoch = now.time_since_epoch();
  auto secs = duration_cast<seconds>(since_epoch).count();
  auto ms = duration_cast<milliseconds>(since_epoch).count() % 1000;
  thread_local long long cached_second = -1;
  thread_local char cached[80];  // sized for any int year, as the compiler checks
  if (secs != cached_second) {
    std::time_t t = static_cast<std::time_t>(secs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::snprintf(cached, sizeof cached, "%04d-%02d-%02dT%02d:%02d:%02d.", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    cached_second = secs;
  }
  out += cached;
  char frac[4] = {static_cast<char>('0' + ms / 100), static_cast<char>('0' + ms / 10 % 10),
                  static_cast<char>('0' + ms % 10), 'Z'};
  out.append(frac, 4);
}

constexpr std::string_view kReserved[] = {"ts", "level", "service", "event"};

void emit(spdlog::level::level_enum level, std::string_view event, std::string_view members) {
  auto& lg = logger();
  if (!lg) init("thidua", "info");
  if (!lg->should_log(level)) return;
  std::string line;
  line.reserve(96 + event.size() + members.size());
  line += "{\"ts\":\"";
  append_iso_now(line);
  line += "\",\"level\":\"";
  auto level_name = spdlog::level::to_string_view(level);
  line.append(level_name.data(), level_name.size());
  line += "\",\"service\":\"";
  append_json_escaped(line, service_name());
  line += "\",\"event\":\"";
  append_json_escaped(line, event);
  line += '"';
  if (!members.empty()) {
    line += ',';
    line += members;
  }
  line += '}';
  lg->log(level, spdlog::string_view_t(line.data(), line.size()));
}

void emit(spdlog::level::level_enum level, std::string_view event, const nlohmann::json* fields) {
  if (logger() && !logger()->should_log(level)) return;
  Fields f;
  if (fields && fields->is_object()) {
    for (auto it = fields->begin(); it != fields->end(); ++it) {
      // The line's own members are not the caller's to replace.
      if (std::find(std::begin(kReserved), std::end(kReserved), it.key()) != std::end(kReserved)) {
        continue;
      }
      f.add_raw(it.key(),
                it.value().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  }
  emit(level, event, f.members());
}
}  // namespace

void init(std::string_view service, std::string_view level) {
  service_name() = std::string(service);
  auto sink = std::make_shared<BufferedStdoutSink>();
  auto lg = std::make_shared<spdlog::logger>(std::string(service), sink);
  lg->set_pattern("%v");
  auto parsed = spdlog::level::from_str(std::string(level));
  lg->set_level(parsed == spdlog::level::off ? spdlog::level::info : parsed);
  lg->flush_on(spdlog::level::warn);
  logger() = lg;
  spdlog::set_default_logger(lg);
  spdlog::flush_every(std::chrono::seconds(1));
}

void flush() {
  if (logger()) logger()->flush();
}

void debug(std::string_view e, const Fields& f) {
  emit(spdlog::level::debug, e, f.members());
}
void info(std::string_view e, const Fields& f) {
  emit(spdlog::level::info, e, f.members());
}
void warn(std::string_view e, const Fields& f) {
  emit(spdlog::level::warn, e, f.members());
}
void error(std::string_view e, const Fields& f) {
  emit(spdlog::level::err, e, f.members());
}
void debug(std::string_view e, const nlohmann::json& f) {
  emit(spdlog::level::debug, e, &f);
}
void info(std::string_view e, const nlohmann::json& f) {
  emit(spdlog::level::info, e, &f);
}
void warn(std::string_view e, const nlohmann::json& f) {
  emit(spdlog::level::warn, e, &f);
}
void error(std::string_view e, const nlohmann::json& f) {
  emit(spdlog::level::err, e, &f);
}
void debug(std::string_view e) {
  emit(spdlog::level::debug, e, std::string_view());
}
void info(std::string_view e) {
  emit(spdlog::level::info, e, std::string_view());
}
void warn(std::string_view e) {
  emit(spdlog::level::warn, e, std::string_view());
}
void error(std::string_view e) {
  emit(spdlog::level::err, e, std::string_view());
}

}  // namespace thidua::log
