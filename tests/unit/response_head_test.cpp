// The answer's head as Session writes it: byte for byte what Beast's serializer wrote for the
// same answer before (response_head.hpp), so replacing the serializer changed no client's view,
// but for the Content-Length Beast wrote where RFC 9110 §8.6 forbids it.
#include <gtest/gtest.h>

#include <boost/beast/http.hpp>
#include <sstream>
#include <string_view>

#include "http/response_head.hpp"

namespace thidua::http {
namespace {
namespace bhttp = boost::beast::http;

// What Session::reply wrote through Beast until session 19: the whole answer, as text.
std::string beast_answer(const Response& res, bool keep_alive, bool head_only) {
  bhttp::response<bhttp::string_body> msg;
  msg.version(11);
  msg.result(static_cast<unsigned>(res.status));
  if (!res.content_type.empty()) msg.set(bhttp::field::content_type, res.content_type);
  for (const auto& [k, v] : res.headers) msg.set(k, v);
  msg.body() = head_only ? std::string() : res.body;
  msg.keep_alive(keep_alive);
  msg.prepare_payload();
  if (head_only) msg.content_length(res.body.size());
  std::ostringstream out;
  out << msg;
  return out.str();
}

std::string our_answer(const Response& res, bool keep_alive, bool head_only) {
  return response_head(res, keep_alive, res.body.size()) + (head_only ? "" : res.body);
}

Response answer(int status, std::string type, Headers headers, std::string body) {
  Response r;
  r.status = status;
  r.content_type = std::move(type);
  r.headers = std::move(headers);
  r.body = std::move(body);
  return r;
}

std::vector<Response> answers() {
  return {
      answer(200, "application/json", {{"X-Request-Id", "05426a2e00000003"}},
             R"({"id":"1","reason":"Bài giảng điện tử cho cả tổ"})"),
      answer(201, "application/json",
             {{"Location", "/api/nominations/v1/nominations/7"}, {"X-Request-Id", "r1"}}, "{}"),
      answer(204, "", {{"Allow", "GET, PUT"}, {"X-Request-Id", "r2"}}, ""),
      answer(304, "", {{"ETag", "\"abc\""}, {"Cache-Control", "public, max-age=60"}}, ""),
      answer(400, "application/problem+json", {{"X-Request-Id", "r3"}},
             R"({"type":"about:blank","detail":"Thầy/cô kiểm tra lại dữ liệu."})"),
      answer(401, "application/problem+json", {{"WWW-Authenticate", "Bearer"}}, "{}"),
      answer(429, "application/problem+json", {{"Retry-After", "30"}}, "{}"),
      answer(503, "application/problem+json", {}, "{}"),
      answer(200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             {{"Content-Disposition", "attachment; filename=\"bao-cao.docx\""}},
             std::string("PK\x03\x04\0\0binary", 12)),
      // A later header of the same name replaces the earlier one and moves to the end.
      answer(200, "text/plain",
             {{"Cache-Control", "no-store"}, {"Vary", "Origin"}, {"cache-control", "max-age=5"}},
             "x"),
      // A Content-Type among the headers replaces the answer's own.
      answer(200, "application/json", {{"X-A", "1"}, {"Content-Type", "text/csv"}}, "a,b\n"),
      answer(200, "application/json", {}, ""),
  };
}

TEST(ResponseHead, IsWhatBeastWroteForEveryKindOfAnswer) {
  for (const auto& res : answers()) {
    if (has_no_content(res.status)) continue;
    for (bool keep_alive : {true, false}) {
      EXPECT_EQ(our_answer(res, keep_alive, false), beast_answer(res, keep_alive, false))
          << res.status << " keep-alive " << keep_alive;
    }
  }
}

TEST(ResponseHead, ForHeadSaysTheLengthOfTheBodyItLeavesOut) {
  for (const auto& res : answers()) {
    if (has_no_content(res.status)) continue;
    EXPECT_EQ(our_answer(res, true, true), beast_answer(res, true, true)) << res.status;
  }
  auto res = answers().front();
  EXPECT_NE(response_head(res, true, res.body.size())
                .find("Content-Length: " + std::to_string(res.body.size()) + "\r\n\r\n"),
            std::string::npos);
}

// RFC 9110 §8.6: no Content-Length in a 1xx or 204; in a 304 only the 200's length, unknown
// here. Otherwise the same bytes as Beast's, whose "Content-Length: 0" is the one difference.
TEST(ResponseHead, AnAnswerWithoutContentSaysNoLength) {
  for (const auto& res : answers()) {
    if (!has_no_content(res.status)) continue;
    for (bool keep_alive : {true, false}) {
      auto ours = response_head(res, keep_alive, 0);
      EXPECT_EQ(ours.find("Content-Length"), std::string::npos) << ours;
      auto beasts = beast_answer(res, keep_alive, false);
      auto at = beasts.find("Content-Length: 0\r\n");
      ASSERT_NE(at, std::string::npos) << beasts;
      EXPECT_EQ(ours, beasts.erase(at, std::string_view("Content-Length: 0\r\n").size()));
    }
  }
  EXPECT_TRUE(has_no_content(100));
  EXPECT_TRUE(has_no_content(204));
  EXPECT_TRUE(has_no_content(304));
  EXPECT_FALSE(has_no_content(200));
  EXPECT_FALSE(has_no_content(205));
}

TEST(ResponseHead, TheFramingIsNeverAHandlersToSay) {
  auto res = answer(200, "text/plain",
                    {{"Content-Length", "999"},
                     {"Transfer-Encoding", "chunked"},
                     {"Connection", "keep-alive"},
                     {"X-Request-Id", "r"}},
                    "hello");
  EXPECT_EQ(response_head(res, false, 5),
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Request-Id: r\r\n"
            "Connection: close\r\nContent-Length: 5\r\n\r\n");
}

}  // namespace
}  // namespace thidua::http
