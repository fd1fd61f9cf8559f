#pragma once
// What the reports use cases need from the other services, as small interfaces: the units
// and staff (nominations' catalogue) and their registrations of targets, and the
// notifications outbox. The REST adapters are in
// rest_adapters.hpp; tests implement these directly.
#include <map>
#include <string>
#include <vector>

#include "core/task.hpp"
#include "reports/domain/registration_owing.hpp"
#include "reports/domain/reminder_audience.hpp"
#include "reports/domain/school_report.hpp"

namespace thidua::reports {

struct Directory {
  std::vector<UnitInfo> units;                    // every unit, active or not (units_of_year picks)
  std::map<std::string, std::string> staff_unit;  // staff id → unit id
  std::vector<StaffInfo> staff;                   // in catalogue order: who leads which unit

  const UnitInfo* unit(const std::string& id) const;
};

class UnitDirectory {
 public:
  virtual ~UnitDirectory() = default;
  // Throws ApiError 503 (nominations_unavailable) when the catalogue cannot be read.
  // May be a few seconds old: for lists, reminders and the report.
  virtual Task<Directory> get() = 0;
  // Read now, for deciding what a person may do with a unit's part: someone just made a
  // unit's leader may write it at once, and someone moved out of the unit may not.
  virtual Task<Directory> current() = 0;
  // The registrations of targets of `year` (nominations' GET /registrations/{year}, read as
  // the board reads it), for a deadline owed by registrations. Throws ApiError 503
  // (registrations_unavailable) when they cannot be read.
  virtual Task<std::vector<RegistrationRecord>> registrations(int year) = 0;
};

class CommendationSource {
 public:
  virtual ~CommendationSource() = default;
  // The awards the yearly report of `year` gives (honours_of_report_year) and the
  // initiatives the register recognised for that year. Throws ApiError 503
  // (nominations_unavailable) when they cannot be read: a report without them is not issued.
  virtual Task<Commendations> of_year(int year) = 0;
};

struct OutgoingReminder {
  std::string idempotency_key;
  std::string staff_id;  // "" for the staff group; else one person, in a private chat
  std::string text;
  bool urgent = false;
  // A reminder to one person is withheld from someone who sent /tatnhac; a notice that is
  // no reminder (a part reopened) is not.
  bool reminder = true;
};

struct PostResult {
  // NotSent: notifications withheld it on purpose (the person turned private reminders off).
  enum class Kind { Posted, NotSent, Retryable, Permanent };
  Kind kind = Kind::Retryable;
  std::string id;     // the notification's id when posted
  std::string error;  // short, safe to log
  std::string code;   // Permanent: the problem's code (e.g. staff_not_linked), when given
};

class ReminderPoster {
 public:
  virtual ~ReminderPoster() = default;
  // Queues the reminder for the staff group or, with a staff id, for that person, marked as
  // a reminder. The same `idempotency_key` twice queues it once and answers the first id
  // again.
  virtual Task<PostResult> post(const OutgoingReminder& m) = 0;
};

}  // namespace thidua::reports
