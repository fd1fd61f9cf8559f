#include "http/response_head.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/status.hpp>
#include <string_view>

namespace thidua::http {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return boost::beast::iequals({a.data(), a.size()}, {b.data(), b.size()});
}

void append_field(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ").append(value).append("\r\n");
}

// The framing is the session's to say, never a handler's: a second Content-Length would
// let a proxy and a client read different answers (RFC 9112 §6.3).
bool framing(std::string_view name) {
  return same_name(name, "Content-Length") || same_name(name, "Transfer-Encoding") ||
         same_name(name, "Connection");
}

// Whether a header of this name comes later in the list (it then replaces this one).
bool replaced_later(const Headers& headers, std::size_t i) {
  for (std::size_t j = i + 1; j < headers.size(); ++j) {
    if (same_name(headers[j].first, headers[i].first)) return true;
  }
  return false;
}

}  // namespace

bool has_no_content(int status) {
  return status < 200 || status == 204 || status == 304;
}

std::string response_head(const Response& res, bool keep_alive, std::size_t content_length) {
  std::string out;
  out.reserve(256);
  const auto reason =
      boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(res.status));
  out.append("HTTP/1.1 ").append(std::to_string(res.status)).append(" ");
  out.append(reason.data(), reason.size()).append("\r\n");
  bool type_replaced = false;
  for (const auto& [name, value] : res.headers) {
    type_replaced = type_replaced || same_name(name, "Content-Type");
  }
  if (!res.content_type.empty() && !type_replaced) {
    append_field(out, "Content-Type", res.content_type);
  }
  for (std::size_t i = 0; i < res.headers.size(); ++i) {
    if (!framing(res.headers[i].first) && !replaced_later(res.headers, i)) {
      append_field(out, res.headers[i].first, res.headers[i].second);
    }
  }
  if (!keep_alive) append_field(out, "Connection", "close");
  if (!has_no_content(res.status)) {
    append_field(out, "Content-Length", std::to_string(content_length));
  }
  out.append("\r\n");
  return out;
}

}  // namespace thidua::http
