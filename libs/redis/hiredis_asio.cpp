#include "redis/hiredis_asio.hpp"

#include <memory>
#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>

namespace thidua::redis_detail {
namespace {

// Drives one hiredis connection's socket from Asio. hiredis owns the file descriptor, so
// the descriptor is released, never closed, when hiredis says it is done with it.
//
// Once connected, commands are written from a handler posted to the loop, not after a wait
// for the socket to be writable (which it nearly always is): each wait for readiness
// (async_wait) costs an epoll_ctl call when it starts, as Asio's reactor re-arms the
// edge-triggered registration for it; `strace -c` counted 0.2 of them per GET. The socket is
// waited for where it must be: while connecting, and when a write would block. Replies are
// read after a wait, by hiredis itself (its public API has no way to feed it bytes read
// elsewhere and process them).
struct SocketWatcher : std::enable_shared_from_this<SocketWatcher> {
  SocketWatcher(IoContext& loop, redisAsyncContext* ac) : socket(loop, ac->c.fd), ac(ac) {}
  boost::asio::posix::stream_descriptor socket;
  redisAsyncContext* ac;
  bool want_read = false, want_write = false;
  bool read_armed = false, write_armed = false;
  bool flushing = false;  // inside redisAsyncHandleWrite: it may ask for writing again
  bool closed = false;

  bool connected() const { return (ac->c.flags & REDIS_CONNECTED) != 0; }

  void arm_read() {
    if (read_armed || closed) return;
    read_armed = true;
    socket.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                      [self = shared_from_this()](const boost::system::error_code& ec) {
                        self->read_armed = false;
                        if (ec || self->closed || !self->want_read) return;
                        redisAsyncHandleRead(self->ac);  // may end in cleanup()
                        if (!self->closed && self->want_read) self->arm_read();
                      });
  }
  void arm_write() {
    if (write_armed || flushing || closed) return;
    write_armed = true;
    if (!connected()) {
      wait_writable();
      return;
    }
    boost::asio::post(socket.get_executor(), [self = shared_from_this()] {
      self->write_armed = false;
      self->flush();
    });
  }
  // Writes what hiredis holds; waits for the socket only when it would block.
  void flush() {
    if (closed || !want_write) return;
    flushing = true;
    redisAsyncHandleWrite(ac);  // may end in cleanup()
    flushing = false;
    if (!closed && want_write && !write_armed) {
      write_armed = true;
      wait_writable();
    }
  }
  void wait_writable() {
    socket.async_wait(boost::asio::posix::stream_descriptor::wait_write,
                      [self = shared_from_this()](const boost::system::error_code& ec) {
                        self->write_armed = false;
                        if (ec) return;
                        self->flush();
                      });
  }
  void close() {
    closed = true;
    want_read = want_write = false;
    boost::system::error_code ignored;
    socket.cancel(ignored);
    socket.release();
  }
};

// The hiredis hooks; ev.data holds a heap shared_ptr so handlers in flight keep it alive.
// hiredis calls them from C, which no exception may cross: noexcept ends the process at once
// if arming a wait ever throws (memory exhausted), as RedisClient's callbacks do.
using WatcherRef = std::shared_ptr<SocketWatcher>;
void ev_add_read(void* p) noexcept {
  auto& w = *static_cast<WatcherRef*>(p);
  w->want_read = true;
  w->arm_read();
}
void ev_del_read(void* p) noexcept {
  (*static_cast<WatcherRef*>(p))->want_read = false;
}
void ev_add_write(void* p) noexcept {
  auto& w = *static_cast<WatcherRef*>(p);
  w->want_write = true;
  w->arm_write();
}
void ev_del_write(void* p) noexcept {
  (*static_cast<WatcherRef*>(p))->want_write = false;
}
void ev_cleanup(void* p) noexcept {
  auto* ref = static_cast<WatcherRef*>(p);
  (*ref)->close();
  delete ref;
}
}  // namespace

void attach_to_loop(redisAsyncContext* ac, IoContext& loop) {
  ac->ev.data = new WatcherRef(std::make_shared<SocketWatcher>(loop, ac));
  ac->ev.addRead = ev_add_read;
  ac->ev.delRead = ev_del_read;
  ac->ev.addWrite = ev_add_write;
  ac->ev.delWrite = ev_del_write;
  ac->ev.cleanup = ev_cleanup;
}

}  // namespace thidua::redis_detail
