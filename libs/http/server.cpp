#include "http/server_impl.hpp"

#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>

#include <nlohmann/json.hpp>

#include "core/log.hpp"

namespace thidua::http {
namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {
// Whether something accepts a connection on this port now (the unspecified address is
// probed on loopback). Runs once at start, before any loop runs, so blocking is fine.
bool someone_answers(const asio::ip::address& address, int port) {
  asio::io_context io;
  tcp::socket probe(io);
  auto target = address.is_unspecified()
                    ? (address.is_v6() ? asio::ip::address(asio::ip::address_v6::loopback())
                                       : asio::ip::address(asio::ip::address_v4::loopback()))
                    : address;
  beast::error_code ec;
  probe.connect(tcp::endpoint(target, static_cast<unsigned short>(port)), ec);
  return !ec;
}
}  // namespace

void HttpServer::Impl::accept(std::size_t index) {
  auto& acceptor = *states[index].acceptor;
  acceptor.async_accept([self = shared_from_this(), index](beast::error_code ec, LoopSocket s) {
    if (self->stopping) return;
    if (!ec) {
      s.set_option(tcp::no_delay(true));
      start_session(std::move(s), self, index);
    } else if (ec == asio::error::operation_aborted) {
      return;
    }
    self->accept(index);
  });
}

HttpServer::HttpServer(EventLoops& loops, const Pipeline& pipeline, ServerOptions options)
    : impl_(std::make_shared<Impl>(loops, pipeline, options)) {}

HttpServer::~HttpServer() = default;

void HttpServer::start() {
  auto address = asio::ip::make_address(impl_->options.host);
  int port = impl_->options.port;
  // SO_REUSEPORT (one acceptor per loop) would also let a second copy of this service, run
  // by mistake under the same user, bind the port and silently take half the connections.
  if (port != 0 && someone_answers(address, port)) {
    throw std::runtime_error("cannot listen on " + impl_->options.host + ":" +
                             std::to_string(port) + ": another program already answers there");
  }
  impl_->states.resize(impl_->loops.size());
  for (std::size_t i = 0; i < impl_->loops.size(); ++i) {
    auto acceptor = std::make_unique<LoopAcceptor>(impl_->loops.at(i).get_executor());
    tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
    acceptor->open(endpoint.protocol());
    acceptor->set_option(asio::socket_base::reuse_address(true));
    int one = 1;
    ::setsockopt(acceptor->native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    beast::error_code ec;
    acceptor->bind(endpoint, ec);
    if (ec) {
      throw std::runtime_error("cannot listen on " + impl_->options.host + ":" +
                               std::to_string(port) + ": " + ec.message());
    }
    acceptor->listen(asio::socket_base::max_listen_connections);
    if (port == 0) port = acceptor->local_endpoint().port();  // other loops share it
    impl_->states[i].acceptor = std::move(acceptor);
  }
  impl_->bound_port = port;
  for (std::size_t i = 0; i < impl_->loops.size(); ++i) {
    post_to(impl_->loops.at(i), [impl = impl_, i] { impl->accept(i); });
  }
}

int HttpServer::port() const {
  return impl_->bound_port;
}

void HttpServer::shutdown(std::function<void()> done) {
  auto impl = impl_;
  impl->stopping = true;
  for (std::size_t i = 0; i < impl->loops.size(); ++i) {
    post_to(impl->loops.at(i), [impl, i] {
      beast::error_code ignored;
      impl->states[i].acceptor->close(ignored);
      impl->close_idle(i);
    });
  }
  // Wait on loop 0 until every request already read has been answered.
  auto deadline = std::chrono::steady_clock::now() + impl->options.shutdown_grace;
  poll_until(
      impl->loops.at(0), [impl] { return impl->in_flight.load() == 0; }, deadline,
      [impl, done](bool answered) {
        if (!answered) {
          log::warn("shutdown_grace_expired", {{"in_flight", impl->in_flight.load()}});
        }
        done();
      });
}

}  // namespace thidua::http
