#include "notifications/app/staff_directory.hpp"

#include <algorithm>

#include "http/router.hpp"
#include "notifications/app/rest_adapters.hpp"

namespace thidua::notifications {

// One person, or none (404 is an answer: no such person or link), or nominations down.
Task<StaffLookup> NominationsStaffDirectory::one(std::string path) {
  auto a = co_await services_.nominations(http::Method::Get, path);
  StaffLookup out;
  out.reachable = a.reachable;
  if (a.ok()) out.colleague = parse_colleague(a.body);
  co_return out;
}

Task<StaffLookup> NominationsStaffDirectory::by_zalo_user(std::string zalo_user_id) {
  std::string path = "/api/nominations/v1/staff/by-zalo/" + http::encode_segment(zalo_user_id);
  co_return co_await one(std::move(path));
}

Task<StaffLookup> NominationsStaffDirectory::by_staff_id(std::string staff_id) {
  std::string path = "/api/nominations/v1/catalogue/staff/" + http::encode_segment(staff_id);
  co_return co_await one(std::move(path));
}

Task<StaffList> NominationsStaffDirectory::everyone() {
  auto a = co_await services_.nominations(http::Method::Get, "/api/nominations/v1/catalogue");
  auto staff = a.ok() ? parse_staff(a.body) : std::nullopt;
  StaffList out;
  out.reachable = staff.has_value();
  if (staff) out.staff = std::move(*staff);
  co_return out;
}

Task<LinkResult> NominationsStaffDirectory::link(std::string code, std::string zalo_user_id) {
  std::string body = zalo_link_request(code, zalo_user_id);
  auto a =
      co_await services_.nominations(http::Method::Post, "/api/nominations/v1/zalo-links", body);
  LinkResult out;
  if (a.status == 422) {
    out.outcome = LinkResult::Outcome::BadCode;
  } else if (a.status == 429) {
    out.outcome = LinkResult::Outcome::TooManyWrong;
  } else if (a.ok()) {
    out.outcome = LinkResult::Outcome::Linked;
    out.colleague = parse_colleague(a.body).value_or(Colleague{});
  }
  co_return out;
}

CachedStaffDirectory::CachedStaffDirectory(StaffDirectory& inner, const Clock& clock,
                                           std::chrono::milliseconds ttl, std::size_t capacity)
    : inner_(inner),
      clock_(clock),
      ttl_(std::min<std::chrono::milliseconds>(ttl, kMaxTtl)),
      capacity_(std::max<std::size_t>(capacity, 1)) {}

bool CachedStaffDirectory::fresh(Instant at) const {
  auto age = clock_.now() - at;
  return age >= std::chrono::milliseconds(0) && age < ttl_;
}

std::optional<StaffLookup> CachedStaffDirectory::recall(const std::string& zalo_user_id) {
  std::lock_guard lock(mutex_);
  auto it = by_zalo_.find(zalo_user_id);
  if (it == by_zalo_.end()) return std::nullopt;
  if (!fresh(it->second.at)) {
    by_zalo_.erase(it);
    return std::nullopt;
  }
  return it->second.answer;
}

void CachedStaffDirectory::remember(const std::string& zalo_user_id, const StaffLookup& answer) {
  if (!answer.reachable || !answer.colleague || ttl_.count() <= 0) return;
  std::lock_guard lock(mutex_);
  if (by_zalo_.size() >= capacity_ && !by_zalo_.contains(zalo_user_id)) {
    std::erase_if(by_zalo_, [&](const auto& e) { return !fresh(e.second.at); });
  }
  if (by_zalo_.size() >= capacity_ && !by_zalo_.contains(zalo_user_id)) {
    auto oldest =
        std::min_element(by_zalo_.begin(), by_zalo_.end(),
                         [](const auto& a, const auto& b) { return a.second.at < b.second.at; });
    by_zalo_.erase(oldest);
  }
  by_zalo_[zalo_user_id] = Entry{clock_.now(), answer};
}

void CachedStaffDirectory::forget(const std::string& staff_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(by_zalo_, [&](const auto& e) {
    return e.second.answer.colleague && e.second.answer.colleague->id == staff_id;
  });
}

Task<StaffLookup> CachedStaffDirectory::by_zalo_user(std::string zalo_user_id) {
  if (auto hit = recall(zalo_user_id)) co_return *hit;
  auto answer = co_await inner_.by_zalo_user(zalo_user_id);
  remember(zalo_user_id, answer);
  co_return answer;
}

// Not remembered: the list says who has linked Zalo, and a link made a moment ago (here, on
// another replica, or in the dashboard) must count at once; a message to one person and an
// event's private messages are rare enough to ask each time.
Task<StaffLookup> CachedStaffDirectory::by_staff_id(std::string staff_id) {
  co_return co_await inner_.by_staff_id(std::move(staff_id));
}

Task<StaffList> CachedStaffDirectory::everyone() {
  co_return co_await inner_.everyone();
}

Task<LinkResult> CachedStaffDirectory::link(std::string code, std::string zalo_user_id) {
  auto result = co_await inner_.link(std::move(code), zalo_user_id);
  if (result.outcome == LinkResult::Outcome::Linked) {
    // Both ends of the link change: the colleague's old account, and whoever this account
    // spoke for until now.
    forget(result.colleague.id);
    std::lock_guard lock(mutex_);
    by_zalo_.erase(zalo_user_id);
  }
  co_return result;
}

}  // namespace thidua::notifications
