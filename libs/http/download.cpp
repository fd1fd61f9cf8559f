#include "http/download.hpp"

#include "core/text.hpp"

namespace thidua::http {
namespace {
bool refused(unsigned char c) {
  return c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
         c == '"' || c == '<' || c == '>' || c == '|';
}
}  // namespace

std::string content_disposition(std::string_view file_name) {
  std::string name;
  for (char c : file_name) name += refused(static_cast<unsigned char>(c)) ? '-' : c;
  // ASCII form: diacritics dropped (fold also lowers the case: fine for a fallback).
  std::string ascii;
  for (char c : text::fold(name)) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) continue;
    char out = c == ' ' ? '-' : c;
    if (out == '-' && !ascii.empty() && ascii.back() == '-') continue;  // "a - b": "a-b"
    ascii += out;
  }
  // RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else percent-encoded.
  static const char* kHex = "0123456789ABCDEF";
  std::string encoded;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    bool plain = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                 std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos;
    if (plain) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[u >> 4];
      encoded += kHex[u & 15];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Response download(std::string body, std::string content_type, std::string_view file_name) {
  Response res;
  res.status = 200;
  res.content_type = std::move(content_type);
  res.body = std::move(body);
  res.headers.emplace_back("Content-Disposition", content_disposition(file_name));
  res.headers.emplace_back("Cache-Control", "private, no-store");
  return res;
}

}  // namespace thidua::http
