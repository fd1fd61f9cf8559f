#include "http/types.hpp"

#include <array>

#include "core/errors.hpp"
#include "core/messages.hpp"
#include "core/text.hpp"

namespace thidua::http {
namespace {
constexpr std::array<std::pair<Method, std::string_view>, 7> kMethods{{
    {Method::Get, "GET"},
    {Method::Head, "HEAD"},
    {Method::Post, "POST"},
    {Method::Put, "PUT"},
    {Method::Patch, "PATCH"},
    {Method::Delete, "DELETE"},
    {Method::Options, "OPTIONS"},
}};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string url_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
               hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}
}  // namespace

std::string_view method_name(Method m) {
  for (const auto& [method, name] : kMethods) {
    if (method == m) return name;
  }
  return "OTHER";
}

Method parse_method(std::string_view name) {
  for (const auto& [method, n] : kMethods) {
    if (n == name) return method;
  }
  return Method::Other;
}

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

std::optional<std::string> Request::query(std::string_view name) const {
  std::string_view qs = query_string;
  while (!qs.empty()) {
    auto amp = qs.find('&');
    auto pair = qs.substr(0, amp);
    auto eq = pair.find('=');
    if (url_decode(pair.substr(0, eq)) == name) {
      std::string value =
          eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1));
      // Escapes of bytes that are no UTF-8 (?status=%ff): refused here, before any handler
      // compares, stores or quotes the value.
      if (!text::valid_utf8(value)) {
        throw bad_request("invalid_utf8", common::say("problem.query_not_utf8"));
      }
      return value;
    }
    if (amp == std::string_view::npos) break;
    qs.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

const std::string& Request::param(const std::string& name) const {
  static const std::string empty;
  auto it = params.find(name);
  return it == params.end() ? empty : it->second;
}

}  // namespace thidua::http
