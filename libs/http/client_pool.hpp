#pragma once
// The size of cpprestsdk's shared thread pool, set once per process before its first use.

namespace thidua::http {

// cpprestsdk starts 40 threads on Linux by default. Here the pool only runs the client's
// Asio reactor and the short continuations that hand each result back to the caller's own
// event loop, so two threads suffice: 38 fewer threads per service is memory on a school's
// small server (issue 15) and fewer threads contending for libfaketime's clock lock in the
// tests. Safe to call many times; only the first call acts.
void size_client_pool();

}  // namespace thidua::http
