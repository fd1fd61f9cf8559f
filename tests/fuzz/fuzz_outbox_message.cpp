// A message for the outbox as POST /api/notifications/v1/messages reads it
// (notifications/api/routes.cpp): the body through parse_object, then parse_new_message
// (notifications/api/message_codec.cpp). The first line of the input is the Idempotency-Key.
#include "core/errors.hpp"
#include "core/text.hpp"
#include "fuzz_support.hpp"
#include "http/json_io.hpp"
#include "notifications/api/message_codec.hpp"

using namespace thidua::notifications;
using thidua::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input = thidua::fuzz::text_of(data, size);
  auto newline = input.find('\n');
  std::string key = input.substr(0, newline);
  thidua::http::Request req;
  req.body = newline == std::string::npos ? std::string() : input.substr(newline + 1);
  try {
    checked_idempotency_key(key);
  } catch (const thidua::ApiError& e) {
    check(e.status() == 400, "a bad key is a 400");
  }
  try {
    NewMessage m = parse_new_message(thidua::http::parse_object(req));
    check(m.text.find_first_not_of(" \t\r\n") != std::string::npos, "no blank message");
    check(thidua::text::length(m.text) <= 20000, "at most 20000 characters");
    check(m.target.kind != Target::Kind::Staff || !m.target.id.empty(), "a staff target has an id");
  } catch (const thidua::ApiError& e) {
    check(e.status() == 400 || e.status() == 422, "a bad message is a 400 or 422");
  }
  return 0;
}
