// Digested announcements (issue 13): which batch an event joins, the order of the items, and
// what a batch says of passed and rejected nominations. Pure functions, no Redis; the events
// come from notifications_digest_events.hpp.
#include <gtest/gtest.h>

#include "notifications/domain/event_messages.hpp"
#include "notifications_digest_events.hpp"

namespace thidua::notifications::digest_test {
namespace {

TEST(Digest, EachEventJoinsTheBatchOfItsKind) {
  const auto& p = kPeople[0];
  EXPECT_EQ(digest_kind(typed(event_of("nomination.submitted", 1, 0, p))), DigestKind::Submitted);
  EXPECT_EQ(digest_kind(typed(event_of("nomination.approved", 1, 0, p))), DigestKind::Council);
  EXPECT_EQ(digest_kind(typed(event_of("nomination.rejected", 1, 0, p))), DigestKind::Council);
  EXPECT_EQ(digest_kind(typed(event_of("nomination.awarded", 1, 0, p))), DigestKind::Awarded);
  for (auto other : {"nomination.created", "nomination.updated", "nomination.under_review",
                     "nomination.forwarded", "nomination.not_awarded", "nomination.withdrawn"}) {
    EXPECT_FALSE(digest_kind(typed(event_of(other, 1, 0, p)))) << other;
  }
  auto broken = event_of("nomination.approved", 1, 0, p);
  broken["nomination"] = "1";
  EXPECT_FALSE(digest_kind(typed(broken)));
  for (auto k : {DigestKind::Submitted, DigestKind::Council, DigestKind::Awarded}) {
    EXPECT_EQ(parse_digest_kind(digest_kind_name(k)), k);
  }
  EXPECT_FALSE(parse_digest_kind("rejected"));
}

// The sitting the issue describes: twelve decisions, two of them rejections, one message.
TEST(Digest, ACouncilSittingIsOneMessageThatCountsBothAndNamesOnlyThePassed) {
  std::vector<json> events;
  std::vector<std::string> expected_items;
  std::vector<std::string> rejected_names;
  for (int i = 0; i < 12; ++i) {
    const auto& p = kPeople[i % kPeople.size()];
    Person who{p.name + " " + std::to_string(i), p.unit};
    bool reject = i == 3 || i == 8;
    auto e = event_of(reject ? "nomination.rejected" : "nomination.approved", 20 + i, i * 7, who);
    if (reject) {
      e["note"] = "Chưa đủ minh chứng " + std::to_string(i);
      rejected_names.push_back(who.name);
    } else {
      expected_items.push_back("• Số " + std::to_string(20 + i) + ": " + who.name + " (" +
                               who.unit + ") — Lao động tiên tiến, năm 2026");
    }
    events.push_back(e);
  }
  auto text = digest_message(DigestKind::Council, all_typed(events));
  ASSERT_TRUE(text);
  auto lines = lines_of(*text);
  ASSERT_EQ(lines.size(), expected_items.size() + 1) << *text;
  EXPECT_EQ(lines[0], "✅ Hội đồng Thi đua – Khen thưởng đã xét 12 đề nghị: " +
                          std::to_string(expected_items.size()) + " thông qua, " +
                          std::to_string(rejected_names.size()) + " chưa thông qua.");
  EXPECT_EQ(std::vector<std::string>(lines.begin() + 1, lines.end()), expected_items);
  for (const auto& name : rejected_names) EXPECT_FALSE(contains(*text, name)) << name;
  EXPECT_FALSE(contains(*text, "minh chứng"));  // no reason ever reaches the group
  EXPECT_FALSE(contains(*text, "  "));
}

TEST(Digest, ItemsAreListedInTheOrderTheyHappenedTiesKeepTheirArrival) {
  // Arrival order 0..4; times: the third happened first; the last two at the same second.
  const int seconds[] = {30, 40, 10, 50, 50};
  std::vector<json> events;
  for (int i = 0; i < 5; ++i) {
    events.push_back(event_of("nomination.submitted", 100 + i, seconds[i], kPeople[i]));
  }
  auto text = digest_message(DigestKind::Submitted, all_typed(events));
  ASSERT_TRUE(text);
  auto lines = lines_of(*text);
  ASSERT_EQ(lines.size(), 6u) << *text;
  EXPECT_EQ(lines[0], "📋 5 đề nghị khen thưởng đã được trình Hội đồng Thi đua – Khen thưởng:");
  const int order[] = {2, 0, 1, 3, 4};
  for (int k = 0; k < 5; ++k) {
    EXPECT_TRUE(lines[k + 1].starts_with("• Số " + std::to_string(100 + order[k]) + ": " +
                                         kPeople[order[k]].name))
        << lines[k + 1];
  }
}

TEST(Digest, ABatchOfOneReadsAsTheSingleEvent) {
  for (auto type : {"nomination.submitted", "nomination.approved", "nomination.awarded"}) {
    auto e = event_of(type, 7, 0, kPeople[1]);
    auto kind = digest_kind(typed(e));
    ASSERT_TRUE(kind);
    auto text = digest_message(*kind, {typed(e)});
    ASSERT_TRUE(text) << type;
    EXPECT_EQ(*text, *message_for_event(typed(e), "")) << type;
  }
}

TEST(Digest, RejectionsAloneAreNotAnnouncedToTheGroup) {
  std::vector<json> events;
  for (int i = 0; i < 3; ++i) events.push_back(event_of("nomination.rejected", i, i, kPeople[i]));
  EXPECT_FALSE(digest_message(DigestKind::Council, all_typed(events)));
  EXPECT_FALSE(digest_message(DigestKind::Council, {typed(events[0])}));
  EXPECT_FALSE(digest_message(DigestKind::Submitted, {}));
  // One approval with one rejection: counted, not named.
  auto both =
      digest_message(DigestKind::Council,
                     all_typed({events[0], event_of("nomination.approved", 9, 9, kPeople[4])}));
  ASSERT_TRUE(both);
  EXPECT_TRUE(contains(*both, "đã xét 2 đề nghị: 1 thông qua, 1 chưa thông qua.")) << *both;
  EXPECT_FALSE(contains(*both, kPeople[0].name));
}

TEST(Digest, AllPassedSaysSoWithoutAZeroCount) {
  std::vector<json> events;
  for (int i = 0; i < 3; ++i) events.push_back(event_of("nomination.approved", i, i, kPeople[i]));
  auto text = digest_message(DigestKind::Council, all_typed(events));
  ASSERT_TRUE(text);
  EXPECT_TRUE(text->starts_with("✅ Hội đồng Thi đua – Khen thưởng đã thông qua 3 đề nghị:\n"))
      << *text;
  EXPECT_FALSE(contains(*text, "0 chưa"));
}

// A submission withdrawn before the batch leaves is not announced; a withdrawal takes back
// only a submission before it.
TEST(Digest, ASubmissionWithdrawnWithinTheWindowIsNotAnnounced) {
  const auto& p = kPeople[0];
  EXPECT_EQ(digest_batch(typed(event_of("nomination.withdrawn", 1, 0, p))), DigestKind::Submitted);
  EXPECT_FALSE(digest_kind(typed(event_of("nomination.withdrawn", 1, 0, p))));
  EXPECT_EQ(digest_batch(typed(event_of("nomination.approved", 1, 0, p))), DigestKind::Council);
  EXPECT_FALSE(digest_message(DigestKind::Submitted,
                              all_typed({event_of("nomination.submitted", 1, 0, p),
                                         event_of("nomination.withdrawn", 1, 1, p)})));
  EXPECT_FALSE(digest_message(DigestKind::Submitted,
                              all_typed({event_of("nomination.withdrawn", 1, 1, p)})));
  auto other = event_of("nomination.submitted", 2, 2, kPeople[1]);
  auto left = digest_message(DigestKind::Submitted,
                             all_typed({event_of("nomination.submitted", 1, 0, p), other,
                                        event_of("nomination.withdrawn", 1, 3, p)}));
  ASSERT_TRUE(left);
  EXPECT_EQ(*left, *message_for_event(typed(other), ""));
  auto again =
      digest_message(DigestKind::Submitted, all_typed({event_of("nomination.withdrawn", 1, 0, p),
                                                       event_of("nomination.submitted", 1, 1, p)}));
  ASSERT_TRUE(again);
  EXPECT_TRUE(contains(*again, p.name)) << *again;
}

TEST(Digest, EventsOfAnotherKindAreLeftOut) {
  std::vector<json> events = {event_of("nomination.submitted", 1, 0, kPeople[0]),
                              event_of("nomination.approved", 2, 1, kPeople[1]),
                              event_of("nomination.submitted", 3, 2, kPeople[2])};
  auto text = digest_message(DigestKind::Submitted, all_typed(events));
  ASSERT_TRUE(text);
  EXPECT_TRUE(text->starts_with("📋 2 đề nghị")) << *text;
  EXPECT_FALSE(contains(*text, kPeople[1].name));
}

}  // namespace
}  // namespace thidua::notifications::digest_test
