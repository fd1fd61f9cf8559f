#pragma once
// Who a colleague is, as nominations' catalogue says: the port the bot and the outbox ask
// (a test implements it), its REST adapter, and a short cache in front of it.
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/task.hpp"
#include "notifications/app/services_client.hpp"
#include "notifications/domain/colleague.hpp"

namespace thidua::notifications {

// One answer. `reachable` false: nominations could not be asked (down, timeout, 5xx), and
// `colleague` says nothing. Reachable without a colleague: no such person (or, by Zalo id,
// no one linked to that account).
struct StaffLookup {
  bool reachable = false;
  std::optional<Colleague> colleague;
};

class StaffDirectory {
 public:
  virtual ~StaffDirectory() = default;
  // The staff member this Zalo account is linked to now.
  virtual Task<StaffLookup> by_zalo_user(std::string zalo_user_id) = 0;
  // The staff member with this staff id, with their Zalo id ("" when not linked).
  virtual Task<StaffLookup> by_staff_id(std::string staff_id) = 0;
  // This staff member's Zalo link has just changed here (/lienket): whatever is remembered
  // of them is out of date. Nothing to do for a port that remembers nothing.
  virtual void forget(const std::string& staff_id) { (void)staff_id; }
};

// Asks nominations with the service token: GET /staff/by-zalo/{id} for one person; by staff
// id, GET /catalogue (nominations has no route that reads one staff member).
class NominationsStaffDirectory final : public StaffDirectory {
 public:
  explicit NominationsStaffDirectory(ServicesClient& services) : services_(services) {}
  Task<StaffLookup> by_zalo_user(std::string zalo_user_id) override;
  Task<StaffLookup> by_staff_id(std::string staff_id) override;

 private:
  ServicesClient& services_;
};

// Remembers reachable answers for `ttl`, at most `capacity` of them, so that a burst of
// chat commands or of messages to one person asks nominations once. The TTL stays short
// (5 s by default, and never more than kMaxTtl): the rule is that every non-public action
// checks who the person is *now*, so an unlink, a deleted person or a changed role must
// reach the bot within seconds. The rights themselves are checked by nominations on every
// call made for the person (X-Acting-For), never from this cache. "Down" is not
// remembered: the next ask tries again. Nor is "no such person" / "no one linked": what
// changes it (a /lienket, a new staff member) must count at once, on every replica, and
// the bursts worth sparing come from linked people.
class CachedStaffDirectory final : public StaffDirectory {
 public:
  static constexpr std::chrono::seconds kMaxTtl{5};
  CachedStaffDirectory(StaffDirectory& inner, const Clock& clock,
                       std::chrono::milliseconds ttl = kMaxTtl, std::size_t capacity = 512);
  Task<StaffLookup> by_zalo_user(std::string zalo_user_id) override;
  Task<StaffLookup> by_staff_id(std::string staff_id) override;
  void forget(const std::string& staff_id) override;

 private:
  struct Entry {
    Instant at;
    StaffLookup answer;
  };
  // The answer remembered under `key`, else `ask`'s (then remembered when it may be).
  Task<StaffLookup> through(std::string key, Task<StaffLookup> ask);
  std::optional<StaffLookup> recall(const std::string& key);
  void remember(const std::string& key, const StaffLookup& answer);
  StaffDirectory& inner_;
  const Clock& clock_;
  std::chrono::milliseconds ttl_;
  std::size_t capacity_;
  std::mutex mutex_;  // the HTTP threads and the workers share it; never held across co_await
  std::map<std::string, Entry> entries_;
};

}  // namespace thidua::notifications
