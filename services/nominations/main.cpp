// nominations: awards, quotas, the council's workflow and the public honours list.
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/ids.hpp"
#include "core/log.hpp"
#include "docs/settings.hpp"
#include "docs/template_routes.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/app/initiatives_app.hpp"
#include "nominations/app/registrations_app.hpp"
#include "nominations/app/round_reminders.hpp"
#include "nominations/app/rounds_app.hpp"
#include "nominations/app/statistics_app.hpp"
#include "nominations/domain/builtin_templates.hpp"
#include "nominations/domain/round_reminder.hpp"
#include "service/service.hpp"

namespace {
using namespace thidua;
using namespace thidua::nominations;

VoteRules load_vote_rules(const Env& env) {
  VoteRules r;
  r.quorum = Ratio::parse(env.text("THIDUA_COUNCIL_QUORUM", "2/3"), "THIDUA_COUNCIL_QUORUM");
  r.approval = Ratio::parse(env.text("THIDUA_COUNCIL_APPROVAL", "70%"), "THIDUA_COUNCIL_APPROVAL");
  r.secret_approval = Ratio::parse(env.text("THIDUA_COUNCIL_SECRET_APPROVAL", "70%"),
                                   "THIDUA_COUNCIL_SECRET_APPROVAL");
  r.base_is_all_members =
      env.choice("THIDUA_COUNCIL_BASE", "present", {"present", "members"}) == "members";
  return r;
}

using docs::DocumentSettings;

// The seed catalogue is read at start-up: a broken file stops the service with one line.
Catalogue load_seed(const Env& env) {
  auto path = env.text("THIDUA_CATALOGUE_FILE", "config/catalogue.json");
  std::ifstream in(path);
  if (!in) throw ConfigError("THIDUA_CATALOGUE_FILE: cannot read '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded())
    throw ConfigError("THIDUA_CATALOGUE_FILE: '" + path + "' is not valid JSON");
  try {
    return parse_catalogue(j);
  } catch (const ApiError& e) {
    throw ConfigError("THIDUA_CATALOGUE_FILE: '" + path + "': " + e.detail());
  }
}

// The seed rounds (đợt xét) are read at start-up and checked against the seed catalogue: a
// broken file stops the service with one line. Unset and without the default file (a binary
// run outside the source tree) there is none: the board opens rounds in the dashboard.
std::vector<Round> load_seed_rounds(const Env& env, const Catalogue& catalogue) {
  auto path = env.text("THIDUA_ROUNDS_FILE", "");
  const bool set = !path.empty();
  if (!set) path = "config/rounds.json";
  std::ifstream in(path);
  if (!in && !set) return {};
  if (!in) throw ConfigError("THIDUA_ROUNDS_FILE: cannot read '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("rounds") || !j["rounds"].is_array()) {
    throw ConfigError("THIDUA_ROUNDS_FILE: '" + path + "' is not {\"rounds\": [...]}");
  }
  std::vector<Round> out;
  for (const auto& r : j["rounds"]) {
    auto round = round_from_json(r.dump());
    if (!round || !ids::catalogue(round->id)) {
      throw ConfigError("THIDUA_ROUNDS_FILE: '" + path + "': a round needs an id, dates " +
                        "YYYY-MM-DD in \"opens\" and \"closes\": " + r.dump());
    }
    try {
      check_round(*round, catalogue);
    } catch (const ApiError& e) {
      throw ConfigError("THIDUA_ROUNDS_FILE: '" + path + "' (" + round->id + "): " + e.detail());
    }
    out.push_back(std::move(*round));
  }
  return out;
}

Task<void> seed_round_list(RoundStore& store, const std::vector<Round>& seed) {
  bool loaded = co_await store.seed_once(seed);
  log::info("rounds_seed", {{"loaded", loaded}, {"rounds", seed.size()}});
}

// Seeds an empty catalogue, then gives every staff member who has none a person record for
// authorisation (auth::TokenStore::add_missing_people): data from before people were kept.
Task<void> seed_catalogue(CatalogueStore& store, const Catalogue& seed, auth::TokenStore& tokens) {
  bool loaded = co_await store.seed_once(seed);
  log::info(
      "catalogue_seed",
      {{"loaded", loaded}, {"units", seed.units.size()}, {"award_forms", seed.award_forms.size()}});
  auto catalogue = co_await store.load();
  std::vector<auth::Person> people;
  for (const auto& s : catalogue->staff) {
    people.push_back({s.id, parse_role(s.role).value_or(Role::Staff), s.name});
  }
  co_await tokens.add_missing_people(people);
  log::info("people_synced", {{"staff", people.size()}});
}
// The rounds first: once the catalogue shows, a nomination finds its round (the tests'
// fixtures wait for the catalogue).
Task<void> seed_all(CatalogueStore& catalogue, RoundStore& rounds, const Catalogue& seed,
                    const std::vector<Round>& seed_rounds, auth::TokenStore& tokens) {
  co_await seed_round_list(rounds, seed_rounds);
  co_await seed_catalogue(catalogue, seed, tokens);
}
}  // namespace

int main(int argc, char** argv) {
  return service_main(
      "nominations", 8081,
      [](Service& service) {
        auto rules = load_vote_rules(service.env());
        auto seed = service.routes_only() ? Catalogue{} : load_seed(service.env());
        auto& clock = service.make<SystemClock>();
        auto& catalogue = service.make<CatalogueStore>(service.redis(), service.keys());
        auto& store = service.make<NominationStore>(service.redis(), service.keys());
        auto& rounds = service.make<RoundStore>(service.redis(), service.keys());
        auto& registration_store = service.make<RegistrationStore>(service.redis(), service.keys());
        auto& app = service.make<NominationsApp>(catalogue, store, rounds, registration_store,
                                                 clock, rules, service.settings().school_id);
        auto doc_settings = DocumentSettings::load(service.env());
        // Each template as the school's folder has it (checked now); the dashboard's
        // "Mẫu văn bản" may replace it (docs/template_library.hpp).
        std::vector<docs::TemplateKind> kinds;
        auto kind = [&doc_settings, &kinds](const std::string& file, std::string label,
                                            docs::Schema schema) {
          std::string text =
              docs::original_template(doc_settings, file, schema, builtin_template(file));
          kinds.push_back({file, std::move(label), std::move(schema), std::move(text)});
        };
        kind(kProposalTemplate, "Tờ trình đề nghị khen thưởng (kèm danh sách)", proposal_schema());
        kind(kDecisionTemplate, "Quyết định khen thưởng của Hiệu trưởng", decision_schema());
        kind(kMinutesTemplate, "Biên bản họp Hội đồng Thi đua – Khen thưởng", minutes_schema());
        kind(kIndividualReportTemplate, "Báo cáo thành tích của cá nhân",
             individual_report_schema());
        kind(kCollectiveReportTemplate, "Báo cáo thành tích của tập thể",
             collective_report_schema());
        auto& templates =
            service.make<docs::TemplateLibrary>(service.redis(), service.keys(), std::move(kinds));
        docs::add_template_routes(service.router(), templates, clock, "/api/nominations/v1");
        auto libreoffice = docs::make_libreoffice(doc_settings, service.routes_only());
        auto& renderer = service.make<docs::Renderer>(libreoffice, doc_settings.pdf_concurrency,
                                                      doc_settings.pdf_queue);
        auto& doc_store = service.make<docs::DocumentStore>(service.redis(), service.keys());
        auto& initiative_store = service.make<InitiativeStore>(service.redis(), service.keys());
        auto& documents = service.make<DocumentsApp>(catalogue, store, registration_store,
                                                     initiative_store, doc_store, renderer, clock,
                                                     doc_settings.issuer, templates, rules);
        auto& registrations = service.make<RegistrationsApp>(registration_store, catalogue, clock);
        auto& statistics = service.make<StatisticsApp>(catalogue, store, renderer, clock);
        add_statistics_routes(service.router(), statistics);
        add_routes(service.router(),
                   RouteDeps{app, catalogue, service.tokens(), clock, documents, service.sessions(),
                             service.settings().cookie_secure});
        add_registration_routes(service.router(), registrations);
        auto& initiatives = service.make<InitiativesApp>(initiative_store, catalogue, clock);
        add_initiative_routes(service.router(), initiatives);
        auto& rounds_app = service.make<RoundsApp>(rounds, catalogue, store, clock);
        add_round_routes(service.router(), rounds_app, catalogue);
        add_my_page_routes(service.router(), app, initiatives, rounds_app, catalogue);
        // Leaders hear in the staff group before a round closes (issue 14), once per round.
        RoundReminderSettings reminder_settings{
            static_cast<int>(
                service.env().integer("THIDUA_ROUND_REMINDER_DAYS", 3, kRoundReminderOff, 60)),
            service.env().millis("THIDUA_ROUND_REMINDER_TICK_MS", 60000, 50, 3600000),
            service.settings().school_id};
        auto& reminders = service.make<RoundReminders>(rounds, catalogue, store, clock,
                                                       reminder_settings, &service.metrics());
        service.background("round-reminders", [&reminders, &service]() {
          return reminders.run([&service] { return service.stopping(); });
        });
        auto seed_rounds =
            service.routes_only() ? std::vector<Round>{} : load_seed_rounds(service.env(), seed);
        service.until_done("catalogue_seed", [&catalogue, &rounds, seed, seed_rounds, &service]() {
          return seed_all(catalogue, rounds, seed, seed_rounds, service.tokens());
        });
      },
      argc, argv);
}
