// reports: the yearly report due 30 October, units' contributions and the reminder planner.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "docs/settings.hpp"
#include "docs/template_routes.hpp"
#include "reports/api/deadline_json.hpp"
#include "reports/api/routes.hpp"
#include "reports/app/rest_adapters.hpp"
#include "reports/app/statistics_app.hpp"
#include "reports/domain/builtin_templates.hpp"
#include "service/service.hpp"

namespace {
using namespace thidua;
using namespace thidua::reports;

struct Settings {
  std::string nominations_url;
  std::string notifications_url;
  std::string service_token;
  ReportsSettings reports;
  PlannerSettings planner;
  std::string deadlines_file;
  bool deadlines_file_set = false;
  docs::DocumentSettings documents;

  static Settings load(const Service& service) {
    const Env& env = service.env();
    Settings s;
    s.nominations_url = env.text("THIDUA_NOMINATIONS_URL", "http://127.0.0.1:8081");
    s.notifications_url = env.text("THIDUA_NOTIFICATIONS_URL", "http://127.0.0.1:8083");
    s.service_token = service.settings().tokens.service;
    s.reports.unit_due =
        UnitDueDay::parse(env.text("THIDUA_UNIT_DUE_DAY", "10-20"), "THIDUA_UNIT_DUE_DAY");
    s.reports.school_name = env.text("THIDUA_SCHOOL_NAME", "Trường THCS Vĩnh Phong 1");
    s.reports.school_place = env.text("THIDUA_SCHOOL_PLACE", "Vĩnh Phong");
    s.reports.contact = service.settings().contact;
    auto& p = s.planner.policy;
    p.offsets_days.clear();
    for (auto o : env.integers("THIDUA_REMINDER_OFFSETS_DAYS", "30,14,7,3,1,0", 0, 366)) {
      p.offsets_days.push_back(static_cast<int>(o));
    }
    p.set_time(env.text("THIDUA_REMINDER_TIME", "08:00"), "THIDUA_REMINDER_TIME");
    p.overdue_days = static_cast<int>(env.integer("THIDUA_REMINDER_OVERDUE_DAYS", 10, 0, 60));
    p.catchup = std::chrono::minutes(60 * env.integer("THIDUA_REMINDER_CATCHUP_HOURS", 12, 0, 240));
    p.say_when_all_submitted =
        env.choice("THIDUA_REMINDER_WHEN_ALL_SUBMITTED", "say", {"say", "skip"}) == "say";
    s.planner.tick = env.millis("THIDUA_PLANNER_TICK_MS", 30000, 50, 3600000);
    // env.choice stops start-up naming the variable and the three words it takes.
    s.planner.audience = *parse_reminder_audience(
        env.choice("THIDUA_REMINDER_AUDIENCE", "both", {"group", "private", "both"}));
    s.planner.dashboard_url = env.text("THIDUA_DASHBOARD_URL", "http://127.0.0.1:8080/admin/");
    s.planner.contact = s.reports.contact;
    s.planner.unit_due = s.reports.unit_due;
    s.planner.school_name = s.reports.school_name;
    char host[128] = {};
    ::gethostname(host, sizeof host - 1);
    s.planner.owner =
        std::string(host) + ":" + std::to_string(::getpid()) + ":" + crypto::random_hex(4);
    s.deadlines_file = env.text("THIDUA_DEADLINES_FILE", "");
    s.deadlines_file_set = !s.deadlines_file.empty();
    if (!s.deadlines_file_set) s.deadlines_file = "config/deadlines.json";
    s.documents = docs::DocumentSettings::load(env);
    return s;
  }
};

// The seed deadlines are read at start-up: a broken file stops the service with one line.
// Without the setting and without the default file (a binary run outside the source tree,
// `reports --routes` in a test) the plan's own deadline, built in, is the seed.
std::vector<Deadline> load_seed(const std::string& path, bool explicitly_set) {
  std::ifstream in(path);
  // Not logged here: wiring also runs for `--routes`, whose stdout must be the table only.
  if (!in && !explicitly_set) return {yearly_report_deadline()};
  if (!in) throw ConfigError("THIDUA_DEADLINES_FILE: cannot read '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("deadlines") ||
      !j["deadlines"].is_array()) {
    throw ConfigError("THIDUA_DEADLINES_FILE: '" + path + "' is not {\"deadlines\": [...]}");
  }
  std::vector<Deadline> out;
  try {
    for (const auto& d : j["deadlines"]) out.push_back(parse_deadline(d));
  } catch (const ApiError& e) {
    throw ConfigError("THIDUA_DEADLINES_FILE: '" + path + "': " + e.detail());
  }
  return out;
}

Task<void> seed_deadlines(ReportsStore& store, const std::vector<Deadline>& seed,
                          const std::string& source) {
  bool loaded = co_await store.seed_deadlines(seed);
  log::info("deadlines_seed", {{"loaded", loaded}, {"deadlines", seed.size()}, {"source", source}});
}
}  // namespace

int main(int argc, char** argv) {
  return service_main(
      "reports", 8082,
      [](Service& service) {
        auto settings = Settings::load(service);
        auto seed = load_seed(settings.deadlines_file, settings.deadlines_file_set);
        auto& clock = service.make<SystemClock>();
        auto& store = service.make<ReportsStore>(service.redis(), service.keys());
        auto& directory = service.make<NominationsDirectory>(
            settings.nominations_url, settings.service_token, std::chrono::seconds(30));
        auto& poster = service.make<NotificationsPoster>(
            settings.notifications_url, settings.service_token, std::chrono::seconds(10));
        auto& app = service.make<ReportsApp>(store, directory, clock, settings.reports, &poster);
        const auto& doc_settings = settings.documents;
        // The report's wording as the school's folder has it (checked now); the dashboard's
        // "Mẫu văn bản" may replace it (docs/template_library.hpp).
        std::vector<docs::TemplateKind> kinds{
            {kYearlyReportTemplate, "Báo cáo kết quả thực hiện phong trào thi đua (hằng năm)",
             yearly_report_schema(),
             docs::original_template(doc_settings, kYearlyReportTemplate, yearly_report_schema(),
                                     builtin_yearly_template())}};
        auto& templates =
            service.make<docs::TemplateLibrary>(service.redis(), service.keys(), std::move(kinds));
        docs::add_template_routes(service.router(), templates, clock, kApiBase);
        auto libreoffice = docs::make_libreoffice(doc_settings, service.routes_only());
        auto& renderer = service.make<docs::Renderer>(libreoffice, doc_settings.pdf_concurrency,
                                                      doc_settings.pdf_queue);
        auto& doc_store = service.make<docs::DocumentStore>(service.redis(), service.keys());
        auto& commendations = service.make<NominationsCommendations>(settings.nominations_url,
                                                                     settings.service_token);
        auto& documents = service.make<DocumentsApp>(app, commendations, doc_store, renderer, clock,
                                                     doc_settings.issuer, templates);
        auto& planner = service.make<ReminderPlanner>(store, directory, poster, clock,
                                                      settings.planner, &service.metrics());
        add_routes(service.router(), RouteDeps{app, planner, documents});
        auto& statistics = service.make<StatisticsApp>(app, renderer);
        add_statistics_routes(service.router(), statistics);
        // The file when it was read, else the deadline built in (named in the log line).
        std::ifstream probe(settings.deadlines_file);
        std::string source = probe ? settings.deadlines_file : "built-in";
        service.until_done("deadlines_seed", [&store, seed, source]() {
          return seed_deadlines(store, seed, source);
        });
        service.background("reminder-planner", [&planner, &service]() {
          return planner.run([&service] { return service.stopping(); });
        });
      },
      argc, argv);
}
