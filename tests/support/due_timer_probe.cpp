// Exits 0 when a Boost.Asio timer that is already due when armed fires within 3 s, 1 when it
// does not (a watchdog thread then stops the loop). tests/integration/faketime_test.cpp runs
// it under a faked clock: support/timerfd_passthrough.cpp says what stalls such a timer.
#include <utility>
// (Boost 1.74's Asio needs <utility> first under GCC 12 in C++20 mode.)
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <iostream>
#include <thread>

int main() {
  boost::asio::io_context loop;
  boost::asio::steady_timer due(loop);
  bool fired = false;
  due.expires_after(std::chrono::milliseconds(0));  // due at once: Asio arms it as "now"
  due.async_wait([&fired](const boost::system::error_code&) { fired = true; });
  std::thread watchdog([&loop] {
    std::this_thread::sleep_for(std::chrono::seconds(3));
    loop.stop();
  });
  loop.run();  // returns as soon as the timer has fired, or when the watchdog stops it
  std::cout << (fired ? "fired" : "did not fire") << std::endl;
  watchdog.detach();
  return fired ? 0 : 1;
}
