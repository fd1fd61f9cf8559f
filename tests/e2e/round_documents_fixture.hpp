#pragma once
// The real nominations service as the issuing replica of an award round's documents, its
// clock pinned by libfaketime to 10:00 on 5 November 2026, and the steps that seed the round:
// the fixture of nominations_documents_e2e_test.cpp.
#include <map>
#include <memory>
#include <string>

#include "reports_fixture.hpp"

namespace thidua::testing::reports_e2e {

// LibreOffice's first conversion on a machine busy with builds can take tens of seconds.
inline constexpr int kIssueTimeoutMs = 120000;

class RoundDocumentsE2e : public ReportsE2e {
 protected:
  std::unique_ptr<Service> start_issuer(std::map<std::string, std::string> extra = {}) {
    std::map<std::string, std::string> env = {
        {"LD_PRELOAD", testing::faketime_preload()},
        {"FAKETIME", "@2026-11-05 03:00:00"},
        {"FAKETIME_DONT_FAKE_MONOTONIC", "1"},
        {"TZ", "UTC"},
        {"THIDUA_CATALOGUE_FILE", source_dir() + "/config/catalogue.json"},
        {"THIDUA_ROUNDS_FILE", source_dir() + "/tests/support/rounds-always-open.json"},
        {"THIDUA_SIGNER_NAME", "Trần Thị Bình"},
        {"THIDUA_DOCUMENT_TEMPLATES", source_dir() + "/config/documents"},
        {"THIDUA_PDF_WORK_DIR", dir_}};
    for (auto& [k, v] : extra) env[k] = v;
    return start("nominations", env);
  }

  void add_staff(const std::string& id, const std::string& name, const std::string& position,
                 const std::string& unit) {
    call(*nominations_, "PUT", "/api/nominations/v1/catalogue/staff/" + id, 200,
         {{"name", name}, {"position", position}, {"unit_id", unit}, {"role", "staff"}});
  }

  // A nomination made, submitted, reviewed, voted at `meeting` and approved (or rejected).
  std::string through_council(const std::string& award, const std::string& kind,
                              const std::string& subject, const std::string& reason,
                              const std::string& meeting, bool passes = true,
                              const std::string& period = "2026") {
    const std::string n = "/api/nominations/v1/nominations";
    auto created = call(*nominations_, "POST", n, 201,
                        {{"period", period},
                         {"award", award},
                         {"subject_kind", kind},
                         {"subject_id", subject},
                         {"reason", reason}});
    std::string id = created.value("id", "");
    call(*nominations_, "POST", n + "/" + id + "/transitions", 200, {{"action", "submit"}});
    call(*nominations_, "POST", n + "/" + id + "/transitions", 200, {{"action", "review"}});
    call(*nominations_, "PUT", n + "/" + id + "/vote", 200,
         {{"meeting_id", meeting}, {"yes", passes ? 8 : 2}, {"no", passes ? 0 : 6}});
    json decision = {{"action", passes ? "approve" : "reject"}};
    if (!passes) decision["reason"] = "Chưa đủ minh chứng";
    call(*nominations_, "POST", n + "/" + id + "/transitions", 200, decision);
    return id;
  }
};

}  // namespace thidua::testing::reports_e2e
