#pragma once
// The rules of signing in to the dashboard through the bot (issue 12), as pure functions:
// the one-time code a person types, and when a session has expired or is renewed. No Redis,
// no clock of its own: the store passes "now", so the rules are tested with pinned instants.
//
// A staff member sends /dangnhap to the bot in a private chat and gets a code (and a link
// carrying it), valid a few minutes and usable once; the code is exchanged for a server-side
// session carried by an HttpOnly cookie (auth::SessionStore).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace thidua::auth {

// What a code is made of: upper-case letters and digits a phone keyboard offers, without the
// ones people confuse when reading or typing (0/O, 1/I/L). 31 symbols.
inline constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
// 8 symbols: 31^8 ≈ 8.5 · 10^11 codes (39.6 bits), against at most a few live ones and a
// handful of wrong attempts per address (SignInLimits).
inline constexpr std::size_t kCodeLength = 8;

// A code from random bytes, by rejection sampling (a byte counts only below 248 = 8 · 31, so
// every symbol is equally likely); nullopt when the bytes ran out before kCodeLength symbols
// (the caller draws again).
std::optional<std::string> code_from_random(std::string_view random_bytes);
// A fresh code from the OS CSPRNG.
std::string new_code();
// What a person typed, as the code it means: case and the spaces or dashes between groups do
// not matter ("abcd-efgh", "ABCD EFGH"); nullopt when it cannot be a code (wrong length, a
// symbol outside the alphabet), so no lookup is made.
std::optional<std::string> normalise_code(std::string_view typed);
// How the code is shown: two groups of four, "ABCD-EFGH".
std::string display_code(std::string_view code);

// How long codes and sessions last, and how often one may try (settings with these defaults,
// read by the services: THIDUA_SIGNIN_CODE_TTL_S, THIDUA_SESSION_IDLE_MIN,
// THIDUA_SESSION_MAX_HOURS).
struct SignInLimits {
  std::chrono::seconds code_ttl{5 * 60};
  // Codes one person may ask for in `window` (a new code replaces the previous one).
  int codes_per_person = 5;
  // Wrong codes one client address may try in `window`; then 429 until the window ends.
  int failures_per_address = 10;
  std::chrono::seconds window{15 * 60};
};

struct SessionPolicy {
  // A session unused this long ends (sliding: each use pushes the end back).
  std::chrono::seconds idle{8 * 3600};
  // A session ends this long after sign-in, however much it is used.
  std::chrono::seconds max_age{7 * 24 * 3600};
  // The end is pushed back at most this often: one Redis write a minute, not per request.
  std::chrono::seconds renew_step{60};
};

// A session's instants, as stored.
struct SessionTimes {
  Instant created;
  Instant expires;  // the end as last renewed (created + idle at sign-in)
};

enum class SessionVerdict { Expired, Valid, Renew };
struct SessionDecision {
  SessionVerdict verdict = SessionVerdict::Expired;
  Instant expires;  // the end after this request (the new one with Renew)
};

// Whether a session may serve a request at `now`, and whether its end moves:
// expired at or after `expires` or `created + max_age`; renewed to
// min(now + idle, created + max_age) once that moves the end by at least renew_step.
SessionDecision decide_session(const SessionTimes& times, Instant now, const SessionPolicy& policy);

// The end a new session gets at `now`.
Instant first_expiry(Instant now, const SessionPolicy& policy);

}  // namespace thidua::auth
