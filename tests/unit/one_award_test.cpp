// One achievement, one award form (issue 14): who may record the exception. The rule itself
// is checked with the quota in the store's Lua script, tested through the API.
#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "nominations/domain/one_award.hpp"

namespace thidua::nominations {
namespace {

TEST(OneAwardTest, OnlyTheBoardRecordsAnExceptionAndOnlyWithAReason) {
  EXPECT_EQ(award_exception(Role::Leader, "", "tt-toan", "2026-12-05T03:00:00Z"), std::nullopt);
  EXPECT_EQ(award_exception(Role::Admin, "", "hieu-truong", "2026-12-05T03:00:00Z"), std::nullopt);
  auto e = award_exception(Role::Admin, "Giải nhất giáo viên giỏi cấp tỉnh", "hieu-truong",
                           "2026-12-05T03:00:00Z");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->reason, "Giải nhất giáo viên giỏi cấp tỉnh");
  EXPECT_EQ(e->by, "hieu-truong");
  EXPECT_EQ(e->at, "2026-12-05T03:00:00Z");
  for (Role role : {Role::Leader, Role::Council, Role::Staff, Role::Service}) {
    try {
      award_exception(role, "Thành tích khác", "x", "2026-12-05T03:00:00Z");
      ADD_FAILURE() << role_name(role) << " recorded an exception";
    } catch (const ApiError& err) {
      EXPECT_EQ(err.status(), 403);
      EXPECT_EQ(err.code(), "exception_needs_board");
      EXPECT_NE(err.detail().find("Ban giám hiệu"), std::string::npos) << err.detail();
    }
  }
}

}  // namespace
}  // namespace thidua::nominations
