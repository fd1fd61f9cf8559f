#include "core/ids.hpp"

#include <algorithm>

namespace thidua::ids {
namespace {
bool lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}
bool hex(char c) {
  return digit(c) || (c >= 'a' && c <= 'f');
}
bool letter_or_digit(char c) {
  return lower_or_digit(c) || (c >= 'A' && c <= 'Z');
}

// min..max characters, each taken by `ok`.
template <class Pred>
bool made_of(std::string_view id, std::size_t min, std::size_t max, Pred ok) {
  return id.size() >= min && id.size() <= max && std::all_of(id.begin(), id.end(), ok);
}
// 1–64 of A–Z, a–z, 0–9, '-', '_': ids that come from elsewhere (Zalo, a caller, a setting).
bool ascii_word(std::string_view id) {
  return made_of(id, 1, 64, [](char c) { return letter_or_digit(c) || c == '-' || c == '_'; });
}
}  // namespace

bool catalogue(std::string_view id) {
  return made_of(id, 1, 64, [](char c) { return lower_or_digit(c) || c == '-' || c == '_'; });
}

bool number(std::string_view id) {
  return made_of(id, 1, 18, digit);
}

bool token(std::string_view id) {
  return made_of(id, kTokenIdLength, kTokenIdLength, hex);
}

bool session(std::string_view id) {
  return made_of(id, kSessionIdLength, kSessionIdLength, hex);
}

bool link_code(std::string_view code) {
  return made_of(code, 8, 8, hex);
}

bool message(std::string_view id) {
  return made_of(id, 1, 32, hex);
}

bool zalo_user(std::string_view id) {
  return ascii_word(id);
}

bool request(std::string_view id) {
  return ascii_word(id);
}

bool school(std::string_view id) {
  return ascii_word(id);
}

bool deadline(std::string_view id) {
  return made_of(id, 1, 64, [](char c) { return lower_or_digit(c) || c == '-'; }) &&
         id.front() != '-';
}

bool document(std::string_view id) {
  return made_of(id, 1, 40, [](char c) { return lower_or_digit(c) || c == '-'; });
}

}  // namespace thidua::ids
