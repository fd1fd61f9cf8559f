// pplx/threadpool.h names boost::asio::io_service, which BOOST_ASIO_NO_DEPRECATED (set for
// the whole project) removes; cpprestsdk itself is built without it. Only this file needs
// the header, so only this file lifts the setting.
#undef BOOST_ASIO_NO_DEPRECATED
#include "http/client_pool.hpp"

#include <cstddef>
#include <mutex>
#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <pplx/threadpool.h>

namespace thidua::http {

namespace {
constexpr std::size_t kClientThreads = 1;  // see client_pool.hpp
std::once_flag pool_sized;
}  // namespace

void size_client_pool() {
  std::call_once(pool_sized,
                 [] { crossplat::threadpool::initialize_with_threads(kClientThreads); });
}

}  // namespace thidua::http
