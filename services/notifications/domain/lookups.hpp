#pragma once
// What the chat commands look up in the reports and nominations services, typed: exactly the
// fields the replies use. app/rest_adapters.cpp reads them from the services' JSON, leniently
// (a missing or mistyped field is "" or the default below), so the replies never see JSON.
#include <optional>
#include <string>
#include <vector>

namespace thidua::notifications {

// GET /api/reports/v1/deadlines (proto/openapi/reports.yaml).
struct RegistrationGap {  // a unit whose people have not all registered (one not `done`)
  std::string name;       // the unit's name, or its id when the answer has no name
  long long unregistered = 0;
  bool unit_registered = true;
};

struct DeadlineOccurrence {
  long long days_left = 0;  // only occurrences that say it are kept
  std::string due_date;
  std::optional<std::string> due_date_vn;  // as the service wrote it, when it did
  std::string unit_due_date;               // the units' own due date, "" when none
  std::optional<std::string> unit_due_date_vn;
  struct Done {  // a deadline the school owes, done
    std::string on;
    std::optional<std::string> on_vn;
  };
  std::optional<Done> done;
  // Owed by units: the names (or ids) of those that have not submitted; nullopt when the
  // answer does not list them.
  std::optional<std::vector<std::string>> missing;
  // Owed by registrations: the units that still owe; nullopt when the answer does not say.
  std::optional<std::vector<RegistrationGap>> registration;
};

struct Deadline {
  std::optional<std::string> name;
  std::string owed_by;  // "school", "registrations", or units otherwise
  std::vector<DeadlineOccurrence> occurrences;
};

struct Deadlines {
  std::string today;  // ISO date, the service's
  std::vector<Deadline> deadlines;
};

// GET /api/nominations/v1/public/rounds: a nomination round (đợt xét) open today, for /hanchot:
// until when nominations are received (issue 14).
struct OpenRound {
  std::string name;
  std::string closes;                    // ISO date, the last day nominations are received
  std::optional<std::string> closes_vn;  // as the service wrote it, when it did
  long long days_left = 0;               // from the answer's own today
};

// GET /api/reports/v1/contributions/{year}: one unit's part of the yearly report.
struct UnitSubmission {
  std::string unit;    // the unit's name, or its id
  std::string status;  // submitted, draft, missing (others shown as they are)
  std::string submitted_at;
  bool late = false;
};

// GET /api/nominations/v1/catalogue: a period of the movement, for /chitieu's words.
struct Period {
  std::string id;
  std::string kind;  // annual, interim, final
  std::optional<long long> year;
};

// GET /api/nominations/v1/quotas?period=
struct QuotaItem {
  enum class Limit { Unlimited, Unset, Count };  // no limit field, limit null, a number
  std::string award;                             // its label, or its id
  std::string subject_kind;                      // collective, individual, or "" when for both
  std::string used = "0";
  Limit limit_kind = Limit::Unlimited;
  long long limit = 0;  // for Count
};

struct Quotas {
  std::string period;  // its label, or its id
  std::vector<QuotaItem> items;
};

// GET /api/nominations/v1/nominations?subject= (its items) and /nominations/{id}.
struct NominationView {
  std::string id;
  std::string subject_name;
  std::string award;   // label, or code
  std::string period;  // label, or id
  std::string status;  // label, or code
  std::string state;   // the code: draft, submitted, under_review, approved, rejected, …
  std::string updated_at;
};

// POST /api/nominations/v1/sign-in-codes.
struct IssuedSignIn {
  std::string code;
  std::string display;  // the code as shown ("K7QM-4XPR"), or the code itself
  std::string valid_minutes = "5";
  std::string expires_at;
};

}  // namespace thidua::notifications
