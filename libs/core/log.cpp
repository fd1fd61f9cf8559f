#include "core/log.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

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

std::string iso_now() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::time_t t = system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(ms));
  return buf;
}

void emit(spdlog::level::level_enum level, std::string_view event, const nlohmann::json* fields) {
  auto& lg = logger();
  if (!lg) init("thidua", "info");
  if (!lg->should_log(level)) return;
  nlohmann::json line = {{"ts", iso_now()},
                         {"level", spdlog::level::to_string_view(level).data()},
                         {"service", service_name()},
                         {"event", event}};
  if (fields && fields->is_object()) {
    for (auto it = fields->begin(); it != fields->end(); ++it) line[it.key()] = it.value();
  }
  lg->log(level, "{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
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

void debug(std::string_view e, const nlohmann::json& f) { emit(spdlog::level::debug, e, &f); }
void info(std::string_view e, const nlohmann::json& f) { emit(spdlog::level::info, e, &f); }
void warn(std::string_view e, const nlohmann::json& f) { emit(spdlog::level::warn, e, &f); }
void error(std::string_view e, const nlohmann::json& f) { emit(spdlog::level::err, e, &f); }
void debug(std::string_view e) { emit(spdlog::level::debug, e, nullptr); }
void info(std::string_view e) { emit(spdlog::level::info, e, nullptr); }
void warn(std::string_view e) { emit(spdlog::level::warn, e, nullptr); }
void error(std::string_view e) { emit(spdlog::level::err, e, nullptr); }

}  // namespace thidua::log
