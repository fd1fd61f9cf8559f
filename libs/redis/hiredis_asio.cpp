#include "redis/hiredis_asio.hpp"

#include <memory>
#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <boost/asio/posix/stream_descriptor.hpp>

namespace thidua::redis_detail {
namespace {

// Drives one hiredis connection's socket from Asio. hiredis owns the file descriptor, so
// the descriptor is released, never closed, when hiredis says it is done with it.
struct SocketWatcher : std::enable_shared_from_this<SocketWatcher> {
  SocketWatcher(IoContext& loop, redisAsyncContext* ac) : socket(loop, ac->c.fd), ac(ac) {}
  boost::asio::posix::stream_descriptor socket;
  redisAsyncContext* ac;
  bool want_read = false, want_write = false;
  bool read_armed = false, write_armed = false;
  bool closed = false;

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
    if (write_armed || closed) return;
    write_armed = true;
    socket.async_wait(boost::asio::posix::stream_descriptor::wait_write,
                      [self = shared_from_this()](const boost::system::error_code& ec) {
                        self->write_armed = false;
                        if (ec || self->closed || !self->want_write) return;
                        redisAsyncHandleWrite(self->ac);
                        if (!self->closed && self->want_write) self->arm_write();
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
using WatcherRef = std::shared_ptr<SocketWatcher>;
void ev_add_read(void* p) {
  auto& w = *static_cast<WatcherRef*>(p);
  w->want_read = true;
  w->arm_read();
}
void ev_del_read(void* p) {
  (*static_cast<WatcherRef*>(p))->want_read = false;
}
void ev_add_write(void* p) {
  auto& w = *static_cast<WatcherRef*>(p);
  w->want_write = true;
  w->arm_write();
}
void ev_del_write(void* p) {
  (*static_cast<WatcherRef*>(p))->want_write = false;
}
void ev_cleanup(void* p) {
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
