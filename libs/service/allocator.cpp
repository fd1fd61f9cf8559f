#include "service/allocator.hpp"

#include <cstdlib>
#include <memory>

#ifdef THIDUA_MIMALLOC
#include <mimalloc.h>
#endif

namespace thidua {

std::string allocator_name() {
#ifdef THIDUA_MIMALLOC
  // calloc: its block is initialised, which the compiler wants before a pointer to it is passed.
  std::unique_ptr<void, decltype(&std::free)> block(std::calloc(1, 64), &std::free);
  if (!mi_is_in_heap_region(block.get())) return "glibc (mimalloc linked but not serving malloc)";
  int v = mi_version();  // 209 for 2.0.9
  return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
         std::to_string(v % 10);
#else
  return "glibc";
#endif
}

}  // namespace thidua
