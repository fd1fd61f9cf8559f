#pragma once
// Inside HttpServer: what the acceptors (server.cpp) and the connections (session.cpp)
// share. One LoopState per event loop, touched only on that loop's thread.
#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <memory>
#include <unordered_set>
#include <vector>

#include "http/server.hpp"

namespace thidua::http {

class Session;

// Sockets and acceptors bound to their loop's own executor type rather than Asio's
// type-erased any_io_executor, which every operation copied and destroyed (about 2 % of a
// GET's CPU in perf).
using LoopExecutor = boost::asio::io_context::executor_type;
using LoopSocket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, LoopExecutor>;
using LoopAcceptor = boost::asio::basic_socket_acceptor<boost::asio::ip::tcp, LoopExecutor>;

struct LoopState {
  std::unique_ptr<LoopAcceptor> acceptor;
  std::unordered_set<Session*> sessions;  // touched only on this loop's thread
};

struct HttpServer::Impl : std::enable_shared_from_this<Impl> {
  Impl(EventLoops& l, const Pipeline& p, ServerOptions o) : loops(l), pipeline(p), options(o) {}
  EventLoops& loops;
  const Pipeline& pipeline;
  ServerOptions options;
  std::vector<LoopState> states;
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  int bound_port = 0;

  void accept(std::size_t index);
  void close_idle(std::size_t index);
};

// Starts serving one accepted connection on loop `index`.
void start_session(LoopSocket socket, std::shared_ptr<HttpServer::Impl> server, std::size_t index);

}  // namespace thidua::http
