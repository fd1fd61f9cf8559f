// The services' malloc: mimalloc in the builds that ship and test, glibc's under sanitizers.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "service/allocator.hpp"

#ifdef THIDUA_MIMALLOC
#include <mimalloc.h>
#endif

namespace thidua {
namespace {

#ifdef THIDUA_MIMALLOC
TEST(Allocator, MallocAndNewAreServedByMimalloc) {
  EXPECT_EQ(allocator_name().rfind("mimalloc 2.", 0), 0u) << allocator_name();
  // operator new too (libstdc++'s calls malloc; mimalloc's own replaces it): every string,
  // coroutine frame and reply buffer of a request comes from here.
  auto block = std::make_unique<std::string>(200, 'x');
  EXPECT_TRUE(mi_is_in_heap_region(block.get()));
  EXPECT_TRUE(mi_is_in_heap_region(block->data()));
}
#else
TEST(Allocator, SanitizerBuildsKeepGlibcMalloc) {
  EXPECT_EQ(allocator_name(), "glibc");
}
#endif

}  // namespace
}  // namespace thidua
