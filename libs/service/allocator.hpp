#pragma once
// The malloc a service runs on, as written in its "started" log line.
#include <string>

namespace thidua {

// "mimalloc 2.0.9" when the build links mimalloc (THIDUA_MIMALLOC, the default) and it
// really serves malloc: mimalloc replaces malloc, free and operator new by coming before libc
// in the executable's libraries, so a block from malloc is checked to lie in its heap.
// "glibc" in the sanitizer and fuzz builds, whose sanitizers bring their own malloc;
// "glibc (mimalloc linked but not serving malloc)" if the link order went wrong.
// Why mimalloc: allocation was 18 % of the GET's CPU under glibc's malloc (perf, bench/README.md).
std::string allocator_name();

}  // namespace thidua
