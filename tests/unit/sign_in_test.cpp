// Signing in to the dashboard (issue 12): the code's form, a session's expiry and renewal,
// the cookie and the CSRF decision, as pure functions with pinned instants (no clock read).
#include <gtest/gtest.h>

#include <set>

#include "auth/sign_in.hpp"
#include "http/cookie_auth.hpp"

namespace thidua {
namespace {
using namespace std::chrono_literals;
using auth::SessionVerdict;

Instant at(const char* iso) {
  return *parse_iso_instant(iso);
}

TEST(SignInCodeTest, AlphabetHasNoSymbolPeopleConfuse) {
  EXPECT_EQ(auth::kCodeAlphabet.size(), 31u);
  for (char c : std::string_view("01OIL")) {
    EXPECT_EQ(auth::kCodeAlphabet.find(c), std::string_view::npos) << c;
  }
  std::set<char> distinct(auth::kCodeAlphabet.begin(), auth::kCodeAlphabet.end());
  EXPECT_EQ(distinct.size(), auth::kCodeAlphabet.size());
}

TEST(SignInCodeTest, CodeFromRandomDropsBytesThatWouldBiasIt) {
  // 248 and above are dropped; below, byte % 31 picks the symbol.
  std::string bytes = {char(0),  char(248), char(1),  char(255), char(30),
                       char(31), char(32),  char(61), char(62),  char(247)};
  auto code = auth::code_from_random(bytes);
  ASSERT_TRUE(code);
  EXPECT_EQ(*code, "AB9AB9A9");
  EXPECT_FALSE(auth::code_from_random(std::string(20, char(250))));
  EXPECT_FALSE(auth::code_from_random("abc"));
}

TEST(SignInCodeTest, NewCodesHaveTheFormAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto code = auth::new_code();
    ASSERT_EQ(code.size(), auth::kCodeLength);
    EXPECT_EQ(auth::normalise_code(code), code);
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(SignInCodeTest, TypedCodesAreReadAsPeopleTypeThem) {
  EXPECT_EQ(auth::normalise_code("K7QM-4XPR"), "K7QM4XPR");
  EXPECT_EQ(auth::normalise_code("k7qm 4xpr"), "K7QM4XPR");
  EXPECT_EQ(auth::normalise_code(" K7QM4XPR "), "K7QM4XPR");
  EXPECT_FALSE(auth::normalise_code("K7QM4XP"));    // too short
  EXPECT_FALSE(auth::normalise_code("K7QM4XPRS"));  // too long
  EXPECT_FALSE(auth::normalise_code("K7QM4XP0"));   // 0 is not in the alphabet
  EXPECT_FALSE(auth::normalise_code("K7QM4XPÁ"));   // nor anything beyond ASCII
  EXPECT_FALSE(auth::normalise_code(""));
  EXPECT_EQ(auth::display_code("K7QM4XPR"), "K7QM-4XPR");
}

TEST(SessionDecisionTest, ValidThenRenewedThenExpiredWhenIdle) {
  auth::SessionPolicy p;  // idle 8 h, max 7 days, renewed at most once a minute
  Instant signed_in = at("2026-11-25T01:00:00Z");
  auth::SessionTimes t{signed_in, auth::first_expiry(signed_in, p)};
  EXPECT_EQ(t.expires, at("2026-11-25T09:00:00Z"));

  auto soon = auth::decide_session(t, at("2026-11-25T01:00:30Z"), p);
  EXPECT_EQ(soon.verdict, SessionVerdict::Valid);  // less than renew_step: no write
  EXPECT_EQ(soon.expires, t.expires);

  auto later = auth::decide_session(t, at("2026-11-25T03:00:00Z"), p);
  EXPECT_EQ(later.verdict, SessionVerdict::Renew);
  EXPECT_EQ(later.expires, at("2026-11-25T11:00:00Z"));

  EXPECT_EQ(auth::decide_session(t, at("2026-11-25T09:00:00Z"), p).verdict,
            SessionVerdict::Expired);
  EXPECT_EQ(auth::decide_session(t, at("2026-11-25T08:59:59Z"), p).verdict, SessionVerdict::Renew);
}

TEST(SessionDecisionTest, RenewalNeverPassesTheMaximumAge) {
  auth::SessionPolicy p;
  Instant signed_in = at("2026-11-25T01:00:00Z");
  Instant hard_end = at("2026-12-02T01:00:00Z");
  auth::SessionTimes t{signed_in, at("2026-12-01T20:00:00Z")};
  auto d = auth::decide_session(t, at("2026-12-01T19:00:00Z"), p);
  EXPECT_EQ(d.verdict, SessionVerdict::Renew);
  EXPECT_EQ(d.expires, hard_end);
  t.expires = hard_end;
  EXPECT_EQ(auth::decide_session(t, at("2026-12-02T00:30:00Z"), p).verdict, SessionVerdict::Valid);
  EXPECT_EQ(auth::decide_session(t, hard_end, p).verdict, SessionVerdict::Expired);
  // A stored end beyond the maximum (settings shortened since) is cut by it.
  t.expires = at("2026-12-09T00:00:00Z");
  EXPECT_EQ(auth::decide_session(t, at("2026-12-03T00:00:00Z"), p).verdict,
            SessionVerdict::Expired);
}

TEST(SessionDecisionTest, AClockBeforeTheSignInDoesNotExpireIt) {
  auth::SessionPolicy p;
  p.idle = 30min;
  p.max_age = 1h;
  Instant signed_in = at("2026-11-25T01:00:00Z");
  EXPECT_EQ(auth::first_expiry(signed_in, p), at("2026-11-25T01:30:00Z"));
  auth::SessionTimes t{signed_in, at("2026-11-25T01:30:00Z")};
  EXPECT_EQ(auth::decide_session(t, at("2026-11-25T00:59:00Z"), p).verdict, SessionVerdict::Valid);
}

TEST(SessionCookieTest, ReadFromTheCookieHeader) {
  EXPECT_EQ(http::cookie_value("a=1; thidua_session=abc; b=2", "thidua_session"), "abc");
  EXPECT_EQ(http::cookie_value("thidua_session=\"abc\"", "thidua_session"), "abc");
  EXPECT_EQ(http::cookie_value("xthidua_session=abc", "thidua_session"), "");
  EXPECT_EQ(http::cookie_value("", "thidua_session"), "");
  EXPECT_EQ(http::cookie_value("thidua_session", "thidua_session"), "");
}

TEST(SessionCookieTest, HttpOnlyStrictWholeSiteAndSecureBehindHttps) {
  EXPECT_EQ(http::session_cookie("s3cr3t", 3600s, false),
            "thidua_session=s3cr3t; Max-Age=3600; Path=/; HttpOnly; SameSite=Strict");
  EXPECT_EQ(http::session_cookie("s3cr3t", 60s, true),
            "thidua_session=s3cr3t; Max-Age=60; Path=/; HttpOnly; SameSite=Strict; Secure");
  EXPECT_EQ(http::cleared_session_cookie(false),
            "thidua_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict");
  using http::CookieSecure;
  EXPECT_TRUE(http::cookie_is_secure(CookieSecure::Auto, "https"));
  EXPECT_TRUE(http::cookie_is_secure(CookieSecure::Auto, "https, http"));
  EXPECT_FALSE(http::cookie_is_secure(CookieSecure::Auto, "http"));
  EXPECT_FALSE(http::cookie_is_secure(CookieSecure::Auto, ""));
  EXPECT_TRUE(http::cookie_is_secure(CookieSecure::Always, ""));
  EXPECT_FALSE(http::cookie_is_secure(CookieSecure::Never, "https"));
}

TEST(CsrfTest, ReadsAlwaysPassWritesNeedTheDashboardsOwnOrigin) {
  const std::string self = http::expected_origin("https", "thidua.truong.vn");
  EXPECT_EQ(self, "https://thidua.truong.vn");
  EXPECT_EQ(http::expected_origin("", "127.0.0.1:8080"), "http://127.0.0.1:8080");
  // Reading never changes anything.
  EXPECT_TRUE(http::cookie_write_allowed("GET", "cross-site", "https://evil.example", self));
  // A browser that sends Sec-Fetch-Site: only same-origin writes.
  EXPECT_TRUE(http::cookie_write_allowed("POST", "same-origin", self, self));
  EXPECT_TRUE(http::cookie_write_allowed("DELETE", "same-origin", "", self));
  EXPECT_FALSE(http::cookie_write_allowed("POST", "same-site", self, self));
  EXPECT_FALSE(http::cookie_write_allowed("PUT", "cross-site", self, self));
  EXPECT_FALSE(http::cookie_write_allowed("POST", "none", "", self));
  // An older browser: Origin must be exactly ours.
  EXPECT_TRUE(http::cookie_write_allowed("PATCH", "", self, self));
  EXPECT_FALSE(http::cookie_write_allowed("POST", "", "https://evil.example", self));
  EXPECT_FALSE(http::cookie_write_allowed("POST", "", "http://thidua.truong.vn", self));
  EXPECT_FALSE(http::cookie_write_allowed("POST", "", "null", self));
  // Neither header: no proof, refused.
  EXPECT_FALSE(http::cookie_write_allowed("POST", "", "", self));
}

}  // namespace
}  // namespace thidua
