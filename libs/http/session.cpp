// One HTTP/1.1 connection: reads requests (header, then a body within the limit), hands each
// to the pipeline, writes the answer, keeps the connection alive or closes it, and lingers
// after an early answer so the client reads it.
#include "http/server_impl.hpp"

#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "core/ids.hpp"
#include "core/log.hpp"
#include "core/messages.hpp"
#include "http/response_head.hpp"

namespace thidua::http {
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(LoopSocket socket, std::shared_ptr<HttpServer::Impl> server, std::size_t loop)
      : stream_(std::move(socket)), server_(std::move(server)), loop_(loop) {}

  void start() {
    server_->states[loop_].sessions.insert(this);
    read_next();
  }
  ~Session() { server_->states[loop_].sessions.erase(this); }

  // Called at shutdown: a connection waiting for its next request is closed; one whose
  // request is being handled finishes it and closes after the reply.
  void close_if_idle() {
    if (!busy_) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
      stream_.cancel();
    }
  }

 private:
  void read_next() {
    if (server_->stopping) return close();
    // Nothing of the last request may answer for the next: a 400 for a malformed header is
    // built from request_ (a HEAD before it would leave the 400 without its body).
    request_ = Request{};
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    parser_->body_limit(server_->options.body_limit);
    stream_.expires_after(server_->options.idle_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    // Beast reports a Content-Length over the limit while parsing the header.
    bool too_large = ec == bhttp::error::body_limit;
    if (ec && !too_large) return on_read_error(ec);
    busy_ = true;
    server_->in_flight++;
    fill_head(parser_->get());
    // content_length() only once the header was read whole (Beast asserts it).
    if (too_large) return reply_too_large();
    if (auto length = parser_->content_length(); length && *length > server_->options.body_limit) {
      return reply_too_large();
    }
    if (beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
      auto cont =
          std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
      bhttp::async_write(stream_, *cont,
                         [self = shared_from_this(), cont](beast::error_code wec, std::size_t) {
                           if (wec) return self->abandon();
                           self->read_body();
                         });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  // 413, whether the header announced too much or a chunked body grew past the limit; the
  // rest of the body is not read, so the connection closes after the answer.
  void reply_too_large() {
    keep_alive_ = false;
    unread_input_ = true;
    auto detail = common::say("problem.payload_too_large",
                              {{"max", std::to_string(server_->options.body_limit / 1024)}});
    reply(server_->pipeline.reject(request_, 413, "payload_too_large", detail));
  }

  // The peer went away mid-request: nothing to answer.
  void abandon() {
    server_->in_flight--;
    busy_ = false;
    close();
  }

  void on_body(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) return reply_too_large();
    if (ec) return abandon();
    request_.body = std::move(parser_->get().body());
    keep_alive_ = parser_->get().keep_alive();
    auto self = shared_from_this();
    auto task = [](std::shared_ptr<Session> s) -> Task<void> {
      Response res = co_await s->server_->pipeline.handle(s->request_);
      s->reply(std::move(res));
    };
    spawn(task(self), [self](std::exception_ptr e) {
      if (e) self->close();  // handle() never throws; this is the last guard
    });
  }

  void fill_head(const bhttp::request<bhttp::string_body>& head) {
    request_.method =
        parse_method(std::string_view(head.method_string().data(), head.method_string().size()));
    request_.target = std::string(head.target());
    auto q = request_.target.find('?');
    request_.path = request_.target.substr(0, q);
    if (q != std::string::npos) request_.query_string = request_.target.substr(q + 1);
    for (const auto& field : head) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request_.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    auto rid = request_.header("x-request-id");
    // Accept a caller's id only when it is short and printable; else make our own.
    if (ids::request(rid)) {
      request_.request_id = std::string(rid);
    }
  }

  // The answer leaves as its head and its body in one gathered write (response_head.hpp).
  void reply(Response res) {
    if (server_->stopping) keep_alive_ = false;
    // A body given with a status that has none is not sent (Beast refused such an answer).
    if (has_no_content(res.status)) res.body.clear();
    out_head_ = response_head(res, keep_alive_, res.body.size());
    if (request_.method != Method::Head) out_body_ = std::move(res.body);
    stream_.expires_after(std::chrono::seconds(30));
    std::array<asio::const_buffer, 2> buffers{asio::buffer(out_head_), asio::buffer(out_body_)};
    asio::async_write(
        stream_, buffers,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_written(ec); });
  }

  void on_written(beast::error_code ec) {
    out_body_ = std::string();  // a download's bytes are not kept while the connection idles
    busy_ = false;
    server_->in_flight--;
    if (!ec && unread_input_) return linger();
    if (ec || !keep_alive_) return close();
    read_next();
  }

  // An answer sent before the request was read whole (413, 400): closing with input unread
  // makes the kernel reset the connection, which can destroy the answer before the client
  // reads it (RFC 9112 §9.6; cpprestsdk sends the whole body before it reads). So half-close,
  // read and drop what is still coming for a bounded time and size, then close.
  void linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(5));
    drain();
  }

  void drain() {
    auto buf = std::make_shared<std::array<char, 16384>>();
    stream_.async_read_some(
        asio::buffer(*buf), [self = shared_from_this(), buf](beast::error_code ec, std::size_t n) {
          self->drained_ += n;
          if (ec || self->drained_ > 4 * self->server_->options.body_limit + (1 << 20)) {
            return self->close();
          }
          self->drain();
        });
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::eof) {
      return close();
    }
    if (busy_) return;
    // A request that is not HTTP at all: answer 400 once and close.
    keep_alive_ = false;
    unread_input_ = true;
    busy_ = true;
    server_->in_flight++;
    reply(
        server_->pipeline.reject(request_, 400, "bad_request", common::say("problem.bad_request")));
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::basic_stream<tcp, LoopExecutor> stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::shared_ptr<HttpServer::Impl> server_;
  std::size_t loop_;
  Request request_;
  std::string out_head_;  // the answer being written
  std::string out_body_;
  bool keep_alive_ = true;
  bool busy_ = false;
  bool unread_input_ = false;  // answered before the request was read whole
  std::size_t drained_ = 0;
};

void start_session(LoopSocket socket, std::shared_ptr<HttpServer::Impl> server, std::size_t index) {
  std::make_shared<Session>(std::move(socket), std::move(server), index)->start();
}

void HttpServer::Impl::close_idle(std::size_t index) {
  std::vector<std::shared_ptr<Session>> sessions;
  for (Session* s : states[index].sessions) {
    if (auto shared = s->weak_from_this().lock()) sessions.push_back(std::move(shared));
  }
  for (auto& s : sessions) s->close_if_idle();
}

}  // namespace thidua::http
