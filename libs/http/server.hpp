#pragma once
// The HTTP/1.1 server: Boost.Beast, asynchronous, one acceptor per event loop
// (SO_REUSEPORT), keep-alive, a body limit checked from the headers before the body is
// read, and a graceful shutdown that answers every request already read.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/event_loop.hpp"
#include "http/pipeline.hpp"

namespace thidua::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::size_t body_limit = 1 << 20;
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds shutdown_grace{20};
};

class HttpServer {
 public:
  HttpServer(EventLoops& loops, const Pipeline& pipeline, ServerOptions options);
  ~HttpServer();
  // Binds and listens on every loop; throws std::runtime_error when the port is taken.
  void start();
  // The port actually bound (useful with port 0).
  int port() const;
  // Stops accepting, closes idle connections, waits for requests in flight (up to the
  // grace period), then calls `done` on loop 0.
  void shutdown(std::function<void()> done);

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace thidua::http
