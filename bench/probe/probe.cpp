// The bare probe: what Boost.Beast and hiredis's async API on one Asio loop cost for the
// nominations GET, with nothing else (no auth, access log, metrics, routing table or
// coroutines). bench/run.sh measures it next to the service to show the floor under it.
//   probe <port> <redis port> <school id>
// Serves GET /api/nominations/v1/nominations/{id} on 127.0.0.1:<port>: HGETALL of
// {<school>}:nominations:n:<id> (the service's record), answered with the same JSON the
// service writes for an admin (services/nominations/api/record_json.cpp), else 404. The service
// also reads the catalogue's version and the subject's registration for its answer's
// "registration"; the bench seeds none, and the probe writes that null without asking Redis:
// it stays the floor of one round trip.
#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {
// ---- hiredis on the Asio loop: hiredis asks for read/write readiness, Asio waits for it.
struct RedisAdapter {
  redisAsyncContext* ctx;
  asio::posix::stream_descriptor fd;
  bool want_read = false, want_write = false, reading = false, writing = false;

  RedisAdapter(asio::io_context& io, redisAsyncContext* c) : ctx(c), fd(io, c->c.fd) {}
  void arm_read() {
    if (reading || !want_read) return;
    reading = true;
    fd.async_wait(asio::posix::stream_descriptor::wait_read, [this](boost::system::error_code ec) {
      reading = false;
      if (ec) return;
      if (want_read) redisAsyncHandleRead(ctx);
      arm_read();
    });
  }
  void arm_write() {
    if (writing || !want_write) return;
    writing = true;
    fd.async_wait(asio::posix::stream_descriptor::wait_write, [this](boost::system::error_code ec) {
      writing = false;
      if (ec) return;
      if (want_write) redisAsyncHandleWrite(ctx);
      arm_write();
    });
  }
};

void attach(asio::io_context& io, redisAsyncContext* ctx) {
  auto* a = new RedisAdapter(io, ctx);  // lives as long as the process
  ctx->ev.data = a;
  ctx->ev.addRead = [](void* p) {
    auto* a = static_cast<RedisAdapter*>(p);
    a->want_read = true;
    a->arm_read();
  };
  ctx->ev.delRead = [](void* p) { static_cast<RedisAdapter*>(p)->want_read = false; };
  ctx->ev.addWrite = [](void* p) {
    auto* a = static_cast<RedisAdapter*>(p);
    a->want_write = true;
    a->arm_write();
  };
  ctx->ev.delWrite = [](void* p) { static_cast<RedisAdapter*>(p)->want_write = false; };
  ctx->ev.cleanup = [](void* p) {
    auto* a = static_cast<RedisAdapter*>(p);
    a->want_read = a->want_write = false;
    a->fd.release();  // hiredis closes its own socket
  };
}

// ---- the record as JSON, written directly (the service's JsonWriter escapes the same way).
void escaped(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"')
      out += "\\\"";
    else if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c == 0x7F) {
      char esc[7];
      std::snprintf(esc, sizeof esc, "\\u%04x", c);
      out += esc;
    } else {
      out += ch;
    }
  }
  out += '"';
}

struct StatusInfo {
  std::string_view name, label, admin_actions;  // admin_actions: JSON array text
};
constexpr StatusInfo kStatuses[] = {
    {"draft", "Nháp", R"(["submit","withdraw"])"},
    {"submitted", "Đã trình Hội đồng", R"(["review","reject","withdraw"])"},
    {"under_review", "Hội đồng đang xét", R"(["approve","reject","withdraw"])"},
    {"approved", "Hội đồng đã thông qua", R"(["forward"])"},
    {"rejected", "Không được thông qua", "[]"},
    {"forwarded", "Đã gửi cấp khen thưởng", R"(["award","not_award"])"},
    {"awarded", "Đã được khen thưởng", "[]"},
    {"not_awarded", "Không được khen thưởng", "[]"},
    {"withdrawn", "Đã rút", "[]"},
};

std::string record_json(std::string_view id, const redisReply* r) {
  auto field = [r](std::string_view name) -> std::string_view {
    for (std::size_t i = 0; i + 1 < r->elements; i += 2) {
      if (std::string_view(r->element[i]->str, r->element[i]->len) == name)
        return {r->element[i + 1]->str, r->element[i + 1]->len};
    }
    return {};
  };
  auto draft = nlohmann::json::parse(field("draft"), nullptr, false);
  auto text = [&draft](const char* k) -> std::string {
    auto it = draft.find(k);
    return it != draft.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const StatusInfo* status = &kStatuses[0];
  for (const auto& s : kStatuses) {
    if (s.name == field("status")) status = &s;
  }
  std::string out;
  out.reserve(1024);
  auto key = [&out](std::string_view k, bool first = false) {
    if (!first) out += ',';
    escaped(out, k);
    out += ':';
  };
  auto str = [&](std::string_view k, std::string_view v) {
    key(k);
    escaped(out, v);
  };
  out += '{';
  key("id", true);
  escaped(out, id);
  str("period", text("period"));
  str("period_label", field("period_label"));
  str("award", text("award"));
  str("award_label", field("award_label"));
  str("subject_kind", text("subject_kind"));
  str("subject_id", text("subject_id"));
  str("subject_name", field("subject_name"));
  str("unit_id", field("unit_id"));
  str("unit_name", field("unit_name"));
  str("status", status->name);
  str("status_label", status->label);
  str("created_at", field("created_at"));
  str("updated_at", field("updated_at"));
  str("reason", text("reason"));
  key("achievements");
  out += '[';
  bool first = true;
  auto achievements = draft.find("achievements");
  if (achievements != draft.end() && achievements->is_array()) {
    for (const auto& a : *achievements) {
      if (!first) out += ',';
      first = false;
      out += '{';
      key("text", true);
      escaped(out, a.value("text", ""));
      for (const char* list : {"areas", "evidence"}) {
        key(list);
        out += '[';
        bool first_item = true;
        if (auto it = a.find(list); it != a.end() && it->is_array()) {
          for (const auto& s : *it) {
            if (!first_item) out += ',';
            first_item = false;
            escaped(out, s.is_string() ? s.get<std::string>() : std::string());
          }
        }
        out += ']';
      }
      out += '}';
    }
  }
  out += ']';
  str("created_by", field("created_by"));
  key("round_id");
  if (auto round = field("round_id"); round.empty())
    out += "null";
  else
    escaped(out, round);
  auto outcome = nlohmann::json::parse(field("outcome"), nullptr, false);
  if (!outcome.is_object()) outcome = nlohmann::json::object();
  key("outcome");
  out += outcome.dump();
  auto vote = nlohmann::json::parse(field("vote"), nullptr, false);
  if (vote.is_discarded()) vote = nullptr;
  key("vote");
  out += vote.dump();
  key("allowed_actions");
  out += status->admin_actions;
  key("registration");
  out += "null";
  out += '}';
  return out;
}

// ---- HTTP: one object per connection, keep-alive, one request at a time.
constexpr std::string_view kPrefix = "/api/nominations/v1/nominations/";

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket s, redisAsyncContext* redis, const std::string& school)
      : stream_(std::move(s)), redis_(redis), school_(school) {}
  void start() { read(); }

 private:
  void read() {
    req_ = {};
    http::async_read(stream_, buffer_, req_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (!ec) self->handle();
                     });
  }
  void handle() {
    std::string_view target(req_.target().data(), req_.target().size());
    if (req_.method() != http::verb::get || !target.starts_with(kPrefix)) return reply(404, "");
    id_ = std::string(target.substr(kPrefix.size()));
    key_ = "{" + school_ + "}:nominations:n:" + id_;
    auto* self = new std::shared_ptr<Connection>(shared_from_this());
    redisAsyncCommand(
        redis_,
        [](redisAsyncContext*, void* r, void* p) {
          std::unique_ptr<std::shared_ptr<Connection>> self(
              static_cast<std::shared_ptr<Connection>*>(p));
          auto* reply = static_cast<redisReply*>(r);
          if (!reply || reply->type != REDIS_REPLY_ARRAY) return (*self)->reply(500, "");
          if (reply->elements == 0) return (*self)->reply(404, "");
          (*self)->reply(200, record_json((*self)->id_, reply));
        },
        self, "HGETALL %b", key_.data(), key_.size());
  }
  void reply(unsigned status, std::string body) {
    res_ = {};
    res_.result(status);
    res_.version(req_.version());
    res_.keep_alive(req_.keep_alive());
    res_.set(http::field::content_type, "application/json");
    res_.body() = std::move(body);
    res_.prepare_payload();
    http::async_write(stream_, res_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (!ec && self->res_.keep_alive()) self->read();
                      });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> req_;
  http::response<http::string_body> res_;
  redisAsyncContext* redis_;
  const std::string& school_;
  std::string id_, key_;
};

void accept(tcp::acceptor& acceptor, redisAsyncContext* redis, const std::string& school) {
  acceptor.async_accept([&acceptor, redis, &school](beast::error_code ec, tcp::socket s) {
    if (!ec) {
      s.set_option(tcp::no_delay(true));
      std::make_shared<Connection>(std::move(s), redis, school)->start();
    }
    accept(acceptor, redis, school);
  });
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: probe <port> <redis port> <school id>\n");
    return 2;
  }
  const std::string school = argv[3];
  asio::io_context io(1);
  redisAsyncContext* redis = redisAsyncConnect("127.0.0.1", std::atoi(argv[2]));
  if (!redis || redis->err) {
    std::fprintf(stderr, "probe: cannot reach Redis: %s\n", redis ? redis->errstr : "?");
    return 1;
  }
  attach(io, redis);
  tcp::acceptor acceptor(
      io, {asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(std::atoi(argv[1]))});
  accept(acceptor, redis, school);
  asio::signal_set stop(io, SIGINT, SIGTERM);
  stop.async_wait([&io](beast::error_code, int) { io.stop(); });
  io.run();
  return 0;
}
