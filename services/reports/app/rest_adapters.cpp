#include "reports/app/rest_adapters.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/log.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;

ApiError nominations_unavailable() {
  return ApiError(503, "nominations_unavailable", say("problem.units_unavailable"));
}

ApiError registrations_unavailable() {
  return ApiError(503, "registrations_unavailable", say("problem.registrations_unavailable"));
}
}  // namespace

const UnitInfo* Directory::unit(const std::string& id) const {
  for (const auto& u : units) {
    if (u.id == id) return &u;
  }
  return nullptr;
}

Directory parse_directory(const std::string& body) {
  auto j = json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("units") || !j["units"].is_array()) {
    throw std::runtime_error("catalogue answer has no units");
  }
  Directory d;
  for (const auto& u : j["units"]) {
    if (!u.is_object()) continue;
    auto active = u.find("active");  // absent from a catalogue older than the flag
    d.units.push_back({u.value("id", ""), u.value("name", ""), u.value("kind", ""),
                       active == u.end() || !active->is_boolean() || active->get<bool>()});
  }
  auto text = [](const json& m, const char* field) {
    auto it = m.find(field);
    return it != m.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (auto s = j.find("staff"); s != j.end() && s->is_array()) {
    for (const auto& m : *s) {
      if (!m.is_object()) continue;
      StaffInfo person{text(m, "id"),   text(m, "name"),   text(m, "unit_id"),
                       text(m, "role"), text(m, "gender"), !text(m, "zalo_user_id").empty()};
      d.staff_unit[person.id] = person.unit_id;
      d.staff.push_back(std::move(person));
    }
  }
  return d;
}

NominationsDirectory::NominationsDirectory(const std::string& base_url, std::string service_token,
                                           std::chrono::milliseconds cache_for)
    : client_(base_url, std::chrono::milliseconds(5000)),
      token_(std::move(service_token)),
      cache_for_(cache_for) {}

Task<Directory> NominationsDirectory::get() {
  {
    std::lock_guard lock(mutex_);
    if (cached_ && std::chrono::steady_clock::now() - cached_at_ < cache_for_) co_return *cached_;
  }
  co_return co_await current();
}

Task<Directory> NominationsDirectory::current() {
  if (token_.empty()) {
    log::warn("catalogue_unavailable", {{"error", "THIDUA_SERVICE_TOKEN is not set"}});
    throw ApiError(503, "nominations_unavailable", say("problem.no_service_token"));
  }
  http::ClientCall call;
  call.method = http::Method::Get;
  call.path = "/api/nominations/v1/catalogue";
  call.headers.emplace_back("Authorization", "Bearer " + token_);
  auto result = co_await client_.send(std::move(call));
  if (!result.ok()) {
    log::warn("catalogue_unavailable", {{"status", result.status}, {"error", result.error}});
    throw nominations_unavailable();
  }
  Directory d;
  try {
    d = parse_directory(result.body);
  } catch (const std::exception& e) {
    log::warn("catalogue_unreadable", {{"error", e.what()}});
    throw nominations_unavailable();
  }
  std::lock_guard lock(mutex_);
  cached_ = d;
  cached_at_ = std::chrono::steady_clock::now();
  co_return d;
}

std::vector<RegistrationRecord> parse_registrations(const std::string& body) {
  auto j = json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("items") || !j["items"].is_array()) {
    throw std::runtime_error("registrations answer has no items");
  }
  std::vector<RegistrationRecord> out;
  for (const auto& r : j["items"]) {
    if (!r.is_object()) continue;
    out.push_back({r.value("subject_kind", "") == "collective", r.value("subject_id", ""),
                   r.value("status", "")});
  }
  return out;
}

Task<std::vector<RegistrationRecord>> NominationsDirectory::registrations(int year) {
  if (token_.empty()) {
    log::warn("registrations_unavailable", {{"error", "THIDUA_SERVICE_TOKEN is not set"}});
    throw registrations_unavailable();
  }
  http::ClientCall call;
  call.method = http::Method::Get;
  call.path = "/api/nominations/v1/registrations/" + std::to_string(year);
  call.headers.emplace_back("Authorization", "Bearer " + token_);
  auto result = co_await client_.send(std::move(call));
  if (!result.ok()) {
    log::warn("registrations_unavailable", {{"status", result.status}, {"error", result.error}});
    throw registrations_unavailable();
  }
  std::vector<RegistrationRecord> out;
  try {
    out = parse_registrations(result.body);
  } catch (const std::exception& e) {
    log::warn("registrations_unreadable", {{"error", e.what()}});
    throw registrations_unavailable();
  }
  co_return out;
}

NotificationsPoster::NotificationsPoster(const std::string& base_url, std::string service_token,
                                         std::chrono::milliseconds timeout)
    : client_(base_url, timeout), token_(std::move(service_token)) {}

Task<PostResult> NotificationsPoster::post(const OutgoingReminder& m) {
  http::ClientCall call;
  call.method = http::Method::Post;
  call.path = "/api/notifications/v1/messages";
  call.headers.emplace_back("Authorization", "Bearer " + token_);
  call.headers.emplace_back("Idempotency-Key", m.idempotency_key);
  call.headers.emplace_back("Content-Type", "application/json");
  json body = {{"text", m.text}, {"urgent", m.urgent}};
  if (m.staff_id.empty()) {
    body["target"] = "group";
  } else {
    // Marked, so that notifications withholds it from someone who said /tatnhac. The group's
    // reminder is not: it reaches everyone, and keeps the request it always was.
    body["target"] = json{{"staff_id", m.staff_id}};
    if (m.reminder) body["category"] = "reminder";
  }
  call.body = body.dump();
  auto result = co_await client_.send(std::move(call));
  PostResult out;
  out.error = result.error;
  if (result.kind == http::ClientResult::Kind::Ok) {
    auto answer = json::parse(result.body, nullptr, false);
    if (answer.is_object() && answer.value("status", "") == "not_sent") {
      out.kind = PostResult::Kind::NotSent;
      out.error = answer.value("reason", "not_sent");
    } else if (answer.is_object() && answer.contains("id") && answer["id"].is_string()) {
      out.kind = PostResult::Kind::Posted;
      out.id = answer["id"].get<std::string>();
    } else {
      out.kind = PostResult::Kind::Retryable;
      out.error = "answer without an id";
    }
  } else if (result.kind == http::ClientResult::Kind::Permanent) {
    out.kind = PostResult::Kind::Permanent;
    auto problem = json::parse(result.body, nullptr, false);
    if (problem.is_object() && problem.contains("code") && problem["code"].is_string()) {
      out.code = problem["code"].get<std::string>();
      out.error += " " + out.code;
    }
  }
  co_return out;
}

}  // namespace thidua::reports
