#pragma once
// The status line and header block of an HTTP/1.1 answer, rendered into one string so that
// Session writes an answer as two buffers (this head and the body) in one gathered write.
//
// Why not Beast's serializer: in the GET's profile (bench/README.md, session 19) 7 % of the
// service's CPU went to iterating the serializer's nested buffer views, and every header
// field was an allocation of its own. The bytes are the ones Beast wrote for the same answer
// (`response<string_body>`, `keep_alive`, `prepare_payload`), but for one rule Beast broke;
// tests/unit/response_head_test.cpp compares them with Beast's output:
//   - "HTTP/1.1 <code> <Beast's reason phrase>";
//   - Content-Type first when not empty, then `res.headers` in order; a later header of the
//     same name (case-insensitive) replaces an earlier one and takes its place at the end,
//     as `fields::set` does;
//   - a Content-Length, Transfer-Encoding or Connection among `res.headers` is left out: the
//     framing is the session's;
//   - "Connection: close" when the connection ends after this answer;
//   - "Content-Length: <content_length>" last (for HEAD, the length a GET's body would have),
//     except in a 1xx, 204 or 304 answer, which has no content: RFC 9110 §8.6 forbids the
//     field in 1xx and 204, and in a 304 allows only the length of the 200's content, which
//     the session does not know. (Beast wrote "Content-Length: 0" in all three.)
//   - the empty line.
// Header names and values are written as given (Beast trimmed spaces and tabs around values; no
// value the services set has any): they come from the service's own code, and a
// value taken from a request (X-Request-Id) is checked before it gets there (core/ids.hpp).
#include <cstddef>
#include <string>

#include "http/types.hpp"

namespace thidua::http {

// Whether an answer of this status ends with its header section (RFC 9112 §6.3): 1xx, 204, 304.
bool has_no_content(int status);

std::string response_head(const Response& res, bool keep_alive, std::size_t content_length);

}  // namespace thidua::http
