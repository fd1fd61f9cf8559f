#pragma once
// The ports over REST: nominations' catalogue (cached briefly for get(), read each time for
// current(), which also refreshes the cache) and registrations (read fresh
// each time: someone who has just registered must not be reminded, nor shown as owing on the
// dashboard, for half a minute), and the notifications outbox.
#include <chrono>
#include <mutex>
#include <optional>

#include "http/client.hpp"
#include "reports/app/ports.hpp"

namespace thidua::reports {

class NominationsDirectory final : public UnitDirectory {
 public:
  NominationsDirectory(const std::string& base_url, std::string service_token,
                       std::chrono::milliseconds cache_for);
  Task<Directory> get() override;
  Task<Directory> current() override;
  Task<std::vector<RegistrationRecord>> registrations(int year) override;

 private:
  http::HttpClient client_;
  std::string token_;
  std::chrono::milliseconds cache_for_;
  std::mutex mutex_;  // the cache is shared by the event loops
  std::optional<Directory> cached_;
  std::chrono::steady_clock::time_point cached_at_;
};

// Parses nominations' GET /catalogue answer; throws std::runtime_error when it is not one.
Directory parse_directory(const std::string& body);
// Parses nominations' GET /registrations/{year} answer (its `items`); throws
// std::runtime_error when it is not one.
std::vector<RegistrationRecord> parse_registrations(const std::string& body);

// Nominations' GET /public/honours (all years) and GET /initiatives?year= (service token),
// for the yearly report; not cached: read once per issue or preview.
class NominationsCommendations final : public CommendationSource {
 public:
  NominationsCommendations(const std::string& base_url, std::string service_token);
  Task<Commendations> of_year(int year) override;

 private:
  http::HttpClient client_;
  std::string token_;
};

// Parses the two answers; throws std::runtime_error when they are not what nominations sends.
// Only recognised initiatives (a level other than none) are kept.
Commendations parse_commendations(const std::string& honours, const std::string& initiatives);

class NotificationsPoster final : public ReminderPoster {
 public:
  NotificationsPoster(const std::string& base_url, std::string service_token,
                      std::chrono::milliseconds timeout);
  Task<PostResult> post(const OutgoingReminder& m) override;

 private:
  http::HttpClient client_;
  std::string token_;
};

}  // namespace thidua::reports
