#include "notifications/app/staff_directory.hpp"

#include <algorithm>

#include "http/router.hpp"

namespace thidua::notifications {

Task<StaffLookup> NominationsStaffDirectory::by_zalo_user(std::string zalo_user_id) {
  std::string path = "/api/nominations/v1/staff/by-zalo/" + http::encode_segment(zalo_user_id);
  auto a = co_await services_.nominations(http::Method::Get, path);
  StaffLookup out;
  out.reachable = a.reachable;
  if (a.ok() && a.body.is_object()) out.colleague = colleague_from_json(a.body);
  co_return out;
}

Task<StaffLookup> NominationsStaffDirectory::by_staff_id(std::string staff_id) {
  auto a = co_await services_.nominations(http::Method::Get, "/api/nominations/v1/catalogue");
  StaffLookup out;
  out.reachable = a.ok() && a.body.is_object();
  if (!out.reachable) co_return out;
  for (const auto& s : a.body.value("staff", nlohmann::json::array())) {
    if (s.is_object() && s.value("id", "") == staff_id) {
      out.colleague = colleague_from_json(s);
      break;
    }
  }
  co_return out;
}

CachedStaffDirectory::CachedStaffDirectory(StaffDirectory& inner, const Clock& clock,
                                           std::chrono::milliseconds ttl, std::size_t capacity)
    : inner_(inner),
      clock_(clock),
      ttl_(std::min<std::chrono::milliseconds>(ttl, kMaxTtl)),
      capacity_(std::max<std::size_t>(capacity, 1)) {}

std::optional<StaffLookup> CachedStaffDirectory::recall(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  auto age = clock_.now() - it->second.at;
  if (age < std::chrono::milliseconds(0) || age >= ttl_) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.answer;
}

void CachedStaffDirectory::remember(const std::string& key, const StaffLookup& answer) {
  if (!answer.reachable || !answer.colleague || ttl_.count() <= 0) return;
  std::lock_guard lock(mutex_);
  auto now = clock_.now();
  if (entries_.size() >= capacity_ && !entries_.contains(key)) {
    std::erase_if(entries_, [&](const auto& e) { return now - e.second.at >= ttl_; });
  }
  if (entries_.size() >= capacity_ && !entries_.contains(key)) {
    auto oldest =
        std::min_element(entries_.begin(), entries_.end(),
                         [](const auto& a, const auto& b) { return a.second.at < b.second.at; });
    entries_.erase(oldest);
  }
  entries_[key] = Entry{now, answer};
}

void CachedStaffDirectory::forget(const std::string& staff_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& e) {
    return e.second.answer.colleague && e.second.answer.colleague->id == staff_id;
  });
}

Task<StaffLookup> CachedStaffDirectory::through(std::string key, Task<StaffLookup> ask) {
  if (auto hit = recall(key)) co_return *hit;  // `ask` (lazy) is then dropped unstarted
  auto answer = co_await std::move(ask);
  remember(key, answer);
  co_return answer;
}

Task<StaffLookup> CachedStaffDirectory::by_zalo_user(std::string zalo_user_id) {
  std::string key = "zalo:" + zalo_user_id;
  auto ask = inner_.by_zalo_user(zalo_user_id);
  co_return co_await through(std::move(key), std::move(ask));
}

Task<StaffLookup> CachedStaffDirectory::by_staff_id(std::string staff_id) {
  std::string key = "staff:" + staff_id;
  auto ask = inner_.by_staff_id(staff_id);
  co_return co_await through(std::move(key), std::move(ask));
}

}  // namespace thidua::notifications
