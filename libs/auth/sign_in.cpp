#include "auth/sign_in.hpp"

#include <algorithm>

#include "core/crypto.hpp"

namespace thidua::auth {
namespace {
// The largest multiple of the alphabet's size that fits a byte: bytes at or above it are
// dropped, so `byte % 31` is uniform.
constexpr unsigned kUniformBelow = 256 / kCodeAlphabet.size() * kCodeAlphabet.size();

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return 0;
}
}  // namespace

std::optional<std::string> code_from_random(std::string_view random_bytes) {
  std::string code;
  for (unsigned char b : random_bytes) {
    if (b >= kUniformBelow) continue;
    code += kCodeAlphabet[b % kCodeAlphabet.size()];
    if (code.size() == kCodeLength) return code;
  }
  return std::nullopt;
}

std::string new_code() {
  for (;;) {
    // 24 bytes: fewer than 8 usable ones happens about once in 10^14 draws.
    auto hex = crypto::random_hex(24);
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
      bytes += static_cast<char>(hex_value(hex[i]) * 16 + hex_value(hex[i + 1]));
    }
    if (auto code = code_from_random(bytes)) return *code;
  }
}

std::optional<std::string> normalise_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    char up = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (kCodeAlphabet.find(up) == std::string_view::npos) return std::nullopt;
    code += up;
    if (code.size() > kCodeLength) return std::nullopt;
  }
  if (code.size() != kCodeLength) return std::nullopt;
  return code;
}

std::string display_code(std::string_view code) {
  if (code.size() != kCodeLength) return std::string(code);
  return std::string(code.substr(0, 4)) + "-" + std::string(code.substr(4));
}

Instant first_expiry(Instant now, const SessionPolicy& policy) {
  return now + std::min(policy.idle, policy.max_age);
}

SessionDecision decide_session(const SessionTimes& times, Instant now,
                               const SessionPolicy& policy) {
  const Instant hard_end = times.created + policy.max_age;
  if (now >= times.expires || now >= hard_end) return {SessionVerdict::Expired, times.expires};
  const Instant renewed = std::min(now + policy.idle, hard_end);
  if (renewed - times.expires >= policy.renew_step) return {SessionVerdict::Renew, renewed};
  return {SessionVerdict::Valid, times.expires};
}

}  // namespace thidua::auth
