// The Beast server on real sockets (no Redis): limits, HEAD, keep-alive, broken requests and
// the graceful shutdown. Routing, auth and errors are covered without sockets in unit/.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/json_io.hpp"
#include "http/server.hpp"

namespace thidua::http {
namespace {
using namespace std::chrono_literals;

Router make_router(std::atomic<bool>* slow_started) {
  Router r;
  r.add(Method::Get, "/api/t/v1/hello", Access::anyone(), [](Request&) -> Task<Response> {
    nlohmann::json body = {{"text", "Xin chào"}};
    co_return json(200, body);
  });
  r.add(Method::Post, "/api/t/v1/echo", Access::anyone(), [](Request& req) -> Task<Response> {
    nlohmann::json body = {{"bytes", req.body.size()}};
    co_return json(200, body);
  });
  r.add(Method::Get, "/api/t/v1/slow", Access::anyone(),
        [slow_started](Request&) -> Task<Response> {
          *slow_started = true;
          co_await sleep_for(500ms);
          nlohmann::json body = {{"slow", true}};
          co_return json(200, body);
        });
  return r;
}

Task<std::optional<Principal>> nobody(std::string, std::string) {
  co_return std::nullopt;
}

// Writes `request` on a fresh connection and reads until the server closes it (or 5 s).
std::string raw_exchange(int port, const std::string& request, bool half_close = false) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return "(connect failed)";
  }
  std::size_t sent = 0;
  while (sent < request.size()) {
    auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  if (half_close) ::shutdown(fd, SHUT_WR);
  std::string out;
  char buf[4096];
  while (true) {
    auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

int count(const std::string& text, const std::string& part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// One request on its own connection ("Connection: close"), the answer split up. Raw sockets
// rather than cpprestsdk, whose client trips the sanitizers in its own code.
struct Reply {
  int status = 0;                              // 0: no answer
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

Reply call(int port, const std::string& method, const std::string& path,
           const std::map<std::string, std::string>& headers = {}, const std::string& body = "") {
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty()) req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  auto out = raw_exchange(port, req + "\r\n" + body);
  Reply r;
  auto end = out.find("\r\n\r\n");
  if (!out.starts_with("HTTP/1.1 ") || end == std::string::npos) return r;
  r.status = std::stoi(out.substr(9, 3));
  std::size_t line = out.find("\r\n") + 2;
  while (line < end) {
    auto next = out.find("\r\n", line);
    auto text = out.substr(line, next - line);
    auto colon = text.find(':');
    std::string name = text.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = text.substr(colon + 2);
    line = next + 2;
  }
  r.body = out.substr(end + 4);
  return r;
}

class HttpServerTest : public ::testing::Test {
 protected:
  HttpServerTest()
      : router_(make_router(&slow_started_)),
        metrics_("test"),
        pipeline_(router_, nobody, metrics_, PipelineOptions{{}, false}),
        server_(loops_, pipeline_, options()) {}

  static ServerOptions options() {
    ServerOptions o;
    o.port = 0;
    o.body_limit = 1024;
    o.shutdown_grace = 10s;
    return o;
  }
  void SetUp() override {
    server_.start();
    thread_ = std::thread([this] { loops_.run(); });
  }
  void TearDown() override {
    if (!shut_down_) shutdown();
    thread_.join();
  }
  void shutdown() {
    shut_down_ = true;
    server_.shutdown([this] { loops_.stop(); });
  }

  std::atomic<bool> slow_started_{false};
  Router router_;
  Metrics metrics_;
  Pipeline pipeline_;
  EventLoops loops_{2};
  HttpServer server_;
  std::thread thread_;
  bool shut_down_ = false;
};

TEST_F(HttpServerTest, AnswersJsonWithARequestId) {
  auto r = call(server_.port(), "GET", "/api/t/v1/hello");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["text"], "Xin chào");
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.header("x-request-id").size(), 16u);
}

TEST_F(HttpServerTest, KeepsAWellFormedCallerRequestIdOnly) {
  auto r = call(server_.port(), "GET", "/api/t/v1/hello", {{"X-Request-Id", "zalo-42_a"}});
  EXPECT_EQ(r.header("x-request-id"), "zalo-42_a");
  r = call(server_.port(), "GET", "/api/t/v1/hello", {{"X-Request-Id", "a b<script>"}});
  EXPECT_NE(r.header("x-request-id"), "a b<script>");
  EXPECT_EQ(r.header("x-request-id").size(), 16u);
  r = call(server_.port(), "GET", "/api/t/v1/hello", {{"X-Request-Id", std::string(65, 'a')}});
  EXPECT_EQ(r.header("x-request-id").size(), 16u);
}

TEST_F(HttpServerTest, BodyWithinTheLimitIsRead) {
  auto r = call(server_.port(), "POST", "/api/t/v1/echo", {{"Content-Type", "application/json"}},
                std::string(1000, 'x'));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["bytes"], 1000);
}

TEST_F(HttpServerTest, DeclaredLengthOverTheLimitIs413) {
  auto r = call(server_.port(), "POST", "/api/t/v1/echo", {{"Content-Type", "application/json"}},
                std::string(5000, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(nlohmann::json::parse(r.body)["code"], "payload_too_large");
}

TEST_F(HttpServerTest, ChunkedBodyOverTheLimitIs413) {
  std::string chunk(800, 'x');
  std::string req =
      "POST /api/t/v1/echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) req += "320\r\n" + chunk + "\r\n";
  req += "0\r\n\r\n";
  auto out = raw_exchange(server_.port(), req);
  EXPECT_TRUE(out.starts_with("HTTP/1.1 413")) << out.substr(0, 200);
}

TEST_F(HttpServerTest, HeadSendsTheLengthButNoBody) {
  auto get = call(server_.port(), "GET", "/api/t/v1/hello");
  auto out = raw_exchange(server_.port(),
                          "HEAD /api/t/v1/hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  ASSERT_TRUE(out.starts_with("HTTP/1.1 200")) << out;
  auto end = out.find("\r\n\r\n");
  ASSERT_NE(end, std::string::npos);
  EXPECT_EQ(out.size(), end + 4) << "a body followed the head";
  EXPECT_NE(out.find("Content-Length: " + std::to_string(get.body.size())), std::string::npos)
      << out;
}

TEST_F(HttpServerTest, KeepAliveAnswersEveryRequestOnOneConnection) {
  std::string one = "GET /api/t/v1/hello HTTP/1.1\r\nHost: t\r\n\r\n";
  std::string last = "GET /api/t/v1/hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
  auto out = raw_exchange(server_.port(), one + one + last);
  EXPECT_EQ(count(out, "HTTP/1.1 200"), 3) << out;
}

// RFC 9110 §8.6: a 204 says no Content-Length; it ends with its head (RFC 9112 §6.3), so the
// next answer on the connection is read whole.
TEST_F(HttpServerTest, A204EndsWithItsHeadAndSaysNoLength) {
  std::string options = "OPTIONS /api/t/v1/hello HTTP/1.1\r\nHost: t\r\n\r\n";
  std::string last = "GET /api/t/v1/hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
  auto out = raw_exchange(server_.port(), options + last);
  ASSERT_TRUE(out.starts_with("HTTP/1.1 204 No Content\r\n")) << out;
  auto end = out.find("\r\n\r\n");
  ASSERT_NE(end, std::string::npos) << out;
  auto head = out.substr(0, end);
  EXPECT_EQ(head.find("Content-Length"), std::string::npos) << head;
  EXPECT_NE(head.find("Allow: "), std::string::npos) << head;
  EXPECT_TRUE(out.substr(end + 4).starts_with("HTTP/1.1 200 OK\r\n")) << out;
}

TEST_F(HttpServerTest, GarbageIs400AndTheConnectionCloses) {
  auto out = raw_exchange(server_.port(), "HELLO THERE\r\n\r\n");
  EXPECT_TRUE(out.starts_with("HTTP/1.1 400")) << out;
  EXPECT_NE(out.find("bad_request"), std::string::npos);
}

// The 400 for a malformed request after a HEAD on the same connection is an answer of its
// own: its body is sent, with its own request id (it was built from the HEAD's request).
TEST_F(HttpServerTest, GarbageAfterAHeadIsAWhole400) {
  auto out = raw_exchange(server_.port(),
                          "HEAD /api/t/v1/hello HTTP/1.1\r\nHost: t\r\nX-Request-Id: head-1\r\n\r\n"
                          "HELLO THERE\r\n\r\n");
  auto second = out.find("HTTP/1.1 400");
  ASSERT_TRUE(out.starts_with("HTTP/1.1 200")) << out;
  ASSERT_NE(second, std::string::npos) << out;
  auto bad = out.substr(second);
  auto end = bad.find("\r\n\r\n");
  ASSERT_NE(end, std::string::npos) << bad;
  auto at = bad.find("Content-Length: ");
  ASSERT_LT(at, end) << bad;
  auto length = std::stoul(bad.substr(at + 16));
  EXPECT_GT(length, 0u);
  EXPECT_EQ(bad.size(), end + 4 + length) << bad;
  EXPECT_NE(bad.find("bad_request"), std::string::npos) << bad;
  EXPECT_EQ(bad.find("head-1"), std::string::npos) << bad;
}

TEST_F(HttpServerTest, ShutdownFinishesRequestsAlreadyRead) {
  auto slow = std::async(std::launch::async,
                         [this] { return call(server_.port(), "GET", "/api/t/v1/slow"); });
  // Stop while the slow request is being handled.
  for (int i = 0; i < 1000 && !slow_started_; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(slow_started_);
  shutdown();
  auto r = slow.get();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(call(server_.port(), "GET", "/api/t/v1/hello").status, 0);
}

// The acceptors share the port with SO_REUSEPORT; a second server on a port that already
// answers must refuse to start rather than quietly take half of its connections.
TEST_F(HttpServerTest, ASecondServerOnAPortAlreadyServedRefusesToStart) {
  auto o = options();
  o.port = server_.port();
  EventLoops other_loops{1};
  HttpServer second(other_loops, pipeline_, o);
  try {
    second.start();
    FAIL() << "a second server started on port " << o.port;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("already answers"), std::string::npos) << e.what();
  }
  EXPECT_EQ(call(server_.port(), "GET", "/api/t/v1/hello").status, 200);
}

}  // namespace
}  // namespace thidua::http
