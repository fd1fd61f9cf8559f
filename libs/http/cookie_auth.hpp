#pragma once
// What the dashboard's session cookie needs of HTTP, as pure functions: reading the cookie,
// writing it, and deciding whether a request that changes data may use it (CSRF). The
// pipeline and the sign-in routes use them; tests check them without sockets.
#include <chrono>
#include <string>
#include <string_view>

#include "http/types.hpp"

namespace thidua::http {

// The cookie's name. Not "__Host-": that prefix needs Secure, which a local run over plain
// HTTP cannot have.
inline constexpr std::string_view kSessionCookie = "thidua_session";

// The value of cookie `name` in a Cookie header ("a=1; thidua_session=…"), or "".
std::string cookie_value(std::string_view cookie_header, std::string_view name);

// THIDUA_COOKIE_SECURE: `auto` (Secure when the trusted edge says the browser came over
// HTTPS, X-Forwarded-Proto: https), `always` (behind a proxy that terminates TLS and talks
// plain HTTP to the edge, as the Kubernetes Ingress does) or `never`.
enum class CookieSecure { Auto, Always, Never };
bool cookie_is_secure(CookieSecure setting, std::string_view forwarded_proto);

// Set-Cookie for the session: HttpOnly (no script reads it), SameSite=Strict (no other site
// sends it), Path=/ (every service's routes), Max-Age; Secure when `secure`.
std::string session_cookie(std::string_view value, std::chrono::seconds max_age, bool secure);
// Set-Cookie that removes it (sign-out, an ended session).
std::string cleared_session_cookie(bool secure);

// The origin a browser on this site sends: the scheme the edge saw (X-Forwarded-Proto,
// http when absent) and the Host header, "https://thidua.truong.vn".
std::string expected_origin(std::string_view forwarded_proto, std::string_view host);

// Whether a request authenticated by the cookie may run (CSRF). Reading methods (GET, HEAD,
// OPTIONS) always may. Others need proof that the dashboard itself sent them: the browser's
// Sec-Fetch-Site is "same-origin", or, from a browser too old to send it, Origin is exactly
// `expected`. Neither header, or any other value: refused (403 cross_site_request).
bool cookie_write_allowed(std::string_view method, std::string_view sec_fetch_site,
                          std::string_view origin, std::string_view expected);
// The same for a request: the expected origin from X-Forwarded-Proto and X-Forwarded-Host
// (set by the edge; Host when absent, as on a service's own port).
bool cookie_write_allowed(const Request& req);

// The client's address as the edge saw it (X-Real-IP, which the edge sets from the
// connection, or from X-Forwarded-For behind THIDUA_EDGE_TRUSTED_PROXIES); "direct" when a
// caller reached the service without the edge.
std::string client_address(const Request& req);

}  // namespace thidua::http
