#pragma once
// The size of cpprestsdk's shared thread pool, set once per process before its first use.

namespace thidua::http {

// cpprestsdk starts 40 threads on Linux by default. Here the pool only runs the client's
// Asio reactor (non-blocking sockets) and the short continuations that hand each result back
// to the caller's own event loop, so one thread suffices: threads are memory on a school's
// small server and contend for libfaketime's clock lock in the tests. Measured with the
// outbox bench (bench/README.md, 64 sends in flight on 2 cores): one thread sent 5,200
// messages/s for 111 µs of the service's CPU each, two threads 4,500 for 149 µs (their
// handovers compete with the event loop for the cores). Safe to call many times; only the
// first call acts.
void size_client_pool();

}  // namespace thidua::http
