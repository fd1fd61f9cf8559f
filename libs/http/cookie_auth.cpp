#include "http/cookie_auth.hpp"

namespace thidua::http {
namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string attributes(bool secure) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") + (secure ? "; Secure" : "");
}
}  // namespace

std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto semi = header.find(';');
    auto pair = trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos || trim(pair.substr(0, eq)) != name) continue;
    auto value = trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return {};
}

bool cookie_is_secure(CookieSecure setting, std::string_view forwarded_proto) {
  if (setting == CookieSecure::Always) return true;
  if (setting == CookieSecure::Never) return false;
  // Only the first hop's value counts: the edge overwrites the header with its own scheme.
  return trim(forwarded_proto.substr(0, forwarded_proto.find(','))) == "https";
}

std::string session_cookie(std::string_view value, std::chrono::seconds max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + std::string(value) +
         "; Max-Age=" + std::to_string(max_age.count()) + attributes(secure);
}

std::string cleared_session_cookie(bool secure) {
  return std::string(kSessionCookie) + "=; Max-Age=0" + attributes(secure);
}

std::string expected_origin(std::string_view forwarded_proto, std::string_view host) {
  auto proto = trim(forwarded_proto.substr(0, forwarded_proto.find(',')));
  std::string scheme = proto == "https" ? "https" : "http";
  return scheme + "://" + std::string(trim(host));
}

bool cookie_write_allowed(std::string_view method, std::string_view sec_fetch_site,
                          std::string_view origin, std::string_view expected) {
  if (method == "GET" || method == "HEAD" || method == "OPTIONS") return true;
  if (!sec_fetch_site.empty()) return sec_fetch_site == "same-origin";
  return !origin.empty() && origin == expected;
}

bool cookie_write_allowed(const Request& req) {
  std::string_view host = req.header("x-forwarded-host");
  if (host.empty()) host = req.header("host");
  return cookie_write_allowed(method_name(req.method), req.header("sec-fetch-site"),
                              req.header("origin"),
                              expected_origin(req.header("x-forwarded-proto"), host));
}

std::string client_address(const Request& req) {
  auto address = trim(req.header("x-real-ip"));
  return address.empty() ? std::string("direct") : std::string(address);
}

}  // namespace thidua::http
