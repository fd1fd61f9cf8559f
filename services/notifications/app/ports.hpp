#pragma once
// What the chat commands need from the reports and nominations services, as small typed
// interfaces. Every call carries the rights of the colleague who typed the command
// (`acting_for`, their staff id: X-Acting-For), never the service token's own. The REST
// adapters are in rest_adapters.hpp; tests may implement these directly.
#include <string>
#include <vector>

#include "core/task.hpp"
#include "notifications/domain/lookups.hpp"

namespace thidua::notifications {

// How a service answered, as far as the chat tells the cases apart. A failure is a value,
// not an exception: the chat says plainly what is down.
enum class Reach {
  Ok,           // a 2xx answer; its fields are read leniently
  NotFound,     // 404 (also a colleague's nomination the person may not see)
  Invalid,      // 400 or 422: the service refused what was asked (an unknown period)
  TooMany,      // 429
  Unavailable,  // no answer, a 5xx, or another refusal (403…): told as the service being down
};

template <typename T>
struct Fetched {
  Reach reach = Reach::Unavailable;
  T value{};  // read from the answer when reach is Ok; empty otherwise
  bool ok() const { return reach == Reach::Ok; }
};

class ReportsService {
 public:
  virtual ~ReportsService() = default;
  // Every deadline with its next occurrence and that occurrence's own state (issue 14).
  virtual Task<Fetched<Deadlines>> deadlines(std::string acting_for) = 0;
  // Each unit's part of the yearly report of `year`.
  virtual Task<Fetched<std::vector<UnitSubmission>>> submissions(int year,
                                                                 std::string acting_for) = 0;
};

class NominationsService {
 public:
  virtual ~NominationsService() = default;
  // The catalogue's periods; Unavailable also when the catalogue is no JSON object.
  virtual Task<Fetched<std::vector<Period>>> periods(std::string acting_for) = 0;
  virtual Task<Fetched<Quotas>> quotas(std::string period, std::string acting_for) = 0;
  // The nominations whose subject is `staff_id`.
  virtual Task<Fetched<std::vector<NominationView>>> nominations_of(std::string staff_id,
                                                                    std::string acting_for) = 0;
  // The nominations `staff_id` wrote (GET /nominations?proposer=).
  virtual Task<Fetched<std::vector<NominationView>>> nominations_by(std::string staff_id,
                                                                    std::string acting_for) = 0;
  // One nomination by id (digits: parse_command checked them).
  virtual Task<Fetched<NominationView>> nomination(std::string id, std::string acting_for) = 0;
  // The nomination rounds open today (public: the website's GET /public/rounds).
  virtual Task<Fetched<std::vector<OpenRound>>> open_rounds(std::string acting_for) = 0;
  // A one-time sign-in code for `acting_for` themself.
  virtual Task<Fetched<IssuedSignIn>> issue_sign_in(std::string acting_for) = 0;
};

}  // namespace thidua::notifications
