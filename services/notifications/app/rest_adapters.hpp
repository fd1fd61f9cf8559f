#pragma once
// The ports over REST (ServicesClient), and the one place where the reports' and nominations'
// JSON answers are read into the typed lookups the replies take. Reading is lenient
// (core/json_read): a missing or mistyped field is "" or its default, never an exception, so
// one odd field cannot stop a chat reply.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "notifications/app/ports.hpp"
#include "notifications/app/services_client.hpp"
#include "notifications/domain/colleague.hpp"

namespace thidua::notifications {

class RestReportsService final : public ReportsService {
 public:
  explicit RestReportsService(ServicesClient& services) : services_(services) {}
  Task<Fetched<Deadlines>> deadlines(std::string acting_for) override;
  Task<Fetched<std::vector<UnitSubmission>>> submissions(int year, std::string acting_for) override;

 private:
  ServicesClient& services_;
};

class RestNominationsService final : public NominationsService {
 public:
  explicit RestNominationsService(ServicesClient& services) : services_(services) {}
  Task<Fetched<std::vector<Period>>> periods(std::string acting_for) override;
  Task<Fetched<Quotas>> quotas(std::string period, std::string acting_for) override;
  Task<Fetched<std::vector<NominationView>>> nominations_of(std::string staff_id,
                                                            std::string acting_for) override;
  Task<Fetched<std::vector<NominationView>>> nominations_by(std::string staff_id,
                                                            std::string acting_for) override;
  Task<Fetched<NominationView>> nomination(std::string id, std::string acting_for) override;
  Task<Fetched<std::vector<OpenRound>>> open_rounds(std::string acting_for) override;
  Task<Fetched<IssuedSignIn>> issue_sign_in(std::string acting_for) override;

 private:
  // GET /nominations?<filter>=<staff_id>: subject (about them) or proposer (written by them).
  Task<Fetched<std::vector<NominationView>>> nominations_where(std::string filter,
                                                               std::string staff_id,
                                                               std::string acting_for);
  ServicesClient& services_;
};

// How an answer is told apart (ports.hpp, Reach).
Reach reach_of(const ServiceAnswer& a);

// The readers, public for tests; each takes the parsed body (null when it was no JSON).
// GET /api/reports/v1/deadlines: occurrences without a whole days_left are left out.
Deadlines parse_deadlines(const nlohmann::json& body);
// GET /api/reports/v1/contributions/{year}: its `units`.
std::vector<UnitSubmission> parse_submissions(const nlohmann::json& body);
// GET /api/nominations/v1/catalogue: its `periods`.
std::vector<Period> parse_periods(const nlohmann::json& catalogue);
Quotas parse_quotas(const nlohmann::json& body);
// GET /api/nominations/v1/public/rounds: the items whose state is open, their days left from
// the answer's `today`; an item without readable dates is left out.
std::vector<OpenRound> parse_open_rounds(const nlohmann::json& body);
// GET /api/nominations/v1/nominations: its `items`.
std::vector<NominationView> parse_nominations(const nlohmann::json& body);
NominationView parse_nomination(const nlohmann::json& body);
IssuedSignIn parse_sign_in(const nlohmann::json& body);
// A StaffMember of nominations' catalogue (proto/openapi/nominations.yaml), as GET
// /staff/by-zalo/{id}, GET /catalogue/staff/{id} and POST /zalo-links answer it: nullopt when
// the body is no object; missing or mistyped fields stay "".
std::optional<Colleague> parse_colleague(const nlohmann::json& staff);
// GET /api/nominations/v1/catalogue: its `staff` (the members that are objects); nullopt when
// the body is no object.
std::optional<std::vector<Colleague>> parse_staff(const nlohmann::json& catalogue);
// The body of POST /api/nominations/v1/zalo-links.
std::string zalo_link_request(const std::string& code, const std::string& zalo_user_id);

}  // namespace thidua::notifications
