// Every text of the shared libraries' catalogue (the problems every service answers alike,
// the roles' names), rendered with sample values, reads as a school would write it (issue 13).
#include "core/messages.hpp"

#include <gtest/gtest.h>

#include "core/roles.hpp"
#include "core/text.hpp"
#include "support/catalogue_check.hpp"

namespace thidua::common {
namespace {
// One sample per placeholder name: a new placeholder needs a sample here.
const catalogue_check::Samples kSamples = {
    {"char", "U+0007"},
    {"field", "reason"},
    {"id", "baocao"},
    {"max", "64"},
    {"method", "DELETE"},
    {"min", "1"},
    {"first", "2025"},
    {"last", "2030"},
    {"name", "limit"},
    {"path", "/api/nominations/v1/khong-co"},
    {"request_id", "3f2a9c1d00000007"},
    {"role", "tổ trưởng"},
    {"year", "2026"},
};

// Texts that name on purpose the format a script must send: the word is the value itself.
const catalogue_check::CodesShown kCodesShown = {
    {"problem.malformed_json", {"json"}},
    {"problem.expected_object", {"json"}},
    {"problem.unsupported_media_type", {"json"}},
};

TEST(CommonMessagesTest, EveryMessageRendersCleanly) {
  std::string all;
  for (const auto& p : catalogue_check::problems(messages(), kSamples, kCodesShown)) {
    all += p + "\n";
  }
  EXPECT_TRUE(all.empty()) << all;
}

TEST(CommonMessagesTest, EveryRoleHasAName) {
  for (Role r : kAllRoles) {
    auto in_text = role_in_text(r);
    EXPECT_FALSE(in_text.empty()) << role_name(r);
    EXPECT_TRUE(text::lint_message(in_text).empty()) << in_text;
    EXPECT_EQ(role_label(r), text::upper_first(in_text));
  }
  EXPECT_EQ(role_label(Role::Leader), "Tổ trưởng");
  EXPECT_EQ(role_in_text(Role::Leader), "tổ trưởng");
  EXPECT_EQ(role_in_text(Role::Admin), "Ban giám hiệu");
}

TEST(CommonMessagesTest, ARoleCodeOrAnEmptyValueIsCaught) {
  // What the lint is for: the 403 of old named the role by its code.
  EXPECT_FALSE(text::lint_message(say("problem.forbidden", {{"role", "leader"}})).empty());
  EXPECT_FALSE(text::lint_message(say("problem.missing_field", {{"field", ""}})).empty());
  // An exception covers the word it names, nothing else.
  std::vector<std::string_view> json{"json"};
  EXPECT_TRUE(text::lint_message(say("problem.malformed_json"), json).empty());
  EXPECT_FALSE(text::lint_message("Sai JSON của staff.", json).empty());
}
}  // namespace
}  // namespace thidua::common
