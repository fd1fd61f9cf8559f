#pragma once
// Who a colleague is, as nominations' catalogue says: the port the bot and the outbox ask
// (a test implements it), its REST adapter, and a short cache in front of it.
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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

// Every staff member, as one snapshot of nominations' catalogue.
struct StaffList {
  bool reachable = false;
  std::vector<Colleague> staff;
};

// A code typed in /lienket: linked (to `colleague`), not a valid code, or nominations down.
struct LinkResult {
  // TooManyWrong: this Zalo account typed too many wrong codes lately (nominations' 429).
  enum class Outcome { Linked, BadCode, TooManyWrong, Down };
  Outcome outcome = Outcome::Down;
  Colleague colleague;
};

class StaffDirectory {
 public:
  virtual ~StaffDirectory() = default;
  // The staff member this Zalo account is linked to now.
  virtual Task<StaffLookup> by_zalo_user(std::string zalo_user_id) = 0;
  // Every staff member with their unit, role and Zalo id ("" when not linked).
  virtual Task<StaffList> everyone() = 0;
  // Links this Zalo account to the staff member who was given `code` in the dashboard.
  virtual Task<LinkResult> link(std::string code, std::string zalo_user_id) = 0;
  // The staff member with this staff id now (no colleague when the catalogue has none).
  virtual Task<StaffLookup> by_staff_id(std::string staff_id) = 0;
};

// Asks nominations with the service token: GET /staff/by-zalo/{id} and
// GET /catalogue/staff/{id} for one person, GET /catalogue for everyone, POST /zalo-links to
// link.
class NominationsStaffDirectory final : public StaffDirectory {
 public:
  explicit NominationsStaffDirectory(ServicesClient& services) : services_(services) {}
  Task<StaffLookup> by_zalo_user(std::string zalo_user_id) override;
  Task<StaffLookup> by_staff_id(std::string staff_id) override;
  Task<StaffList> everyone() override;
  Task<LinkResult> link(std::string code, std::string zalo_user_id) override;

 private:
  Task<StaffLookup> one(std::string path);
  ServicesClient& services_;
};

// Remembers, for `ttl`, the person each Zalo account is linked to (at most `capacity` of
// them), so that a burst of chat commands from one person asks nominations once (a burst
// that arrives all at once, before the first answer, still asks once per update). The TTL
// stays short (5 s by default, and never more than kMaxTtl): the rule is that every
// non-public action checks who the person is *now*, so an unlink, a deleted person or a
// changed role must reach the bot within seconds. The rights themselves are checked by
// nominations on every call made for the person (X-Acting-For), never from this cache.
// Not remembered: "down" (the next ask tries again), "no one linked to this Zalo account"
// and the staff list or one staff member by staff id (which say who has linked: a message
// to one person is rare, and is sent to the Zalo account linked now), because a link made a
// moment ago — here,
// on another replica or in the dashboard — must count at once. A link made here forgets
// what was known of that person.
class CachedStaffDirectory final : public StaffDirectory {
 public:
  static constexpr std::chrono::seconds kMaxTtl{5};
  CachedStaffDirectory(StaffDirectory& inner, const Clock& clock,
                       std::chrono::milliseconds ttl = kMaxTtl, std::size_t capacity = 512);
  Task<StaffLookup> by_zalo_user(std::string zalo_user_id) override;
  Task<StaffLookup> by_staff_id(std::string staff_id) override;
  Task<StaffList> everyone() override;
  Task<LinkResult> link(std::string code, std::string zalo_user_id) override;

 private:
  struct Entry {
    Instant at;
    StaffLookup answer;
  };
  bool fresh(Instant at) const;
  std::optional<StaffLookup> recall(const std::string& zalo_user_id);
  void remember(const std::string& zalo_user_id, const StaffLookup& answer);
  void forget(const std::string& staff_id);
  StaffDirectory& inner_;
  const Clock& clock_;
  std::chrono::milliseconds ttl_;
  std::size_t capacity_;
  std::mutex mutex_;  // the HTTP threads and the workers share it; never held across co_await
  std::map<std::string, Entry> by_zalo_;  // Zalo user id → the person linked to it
};

}  // namespace thidua::notifications
