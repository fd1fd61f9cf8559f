// The nominations service's pure rules: workflow, council votes, dossier completeness and the
// dates of recorded steps. No Redis. Quotas and drafts: nominations_catalogue_test.cpp; the
// record as JSON and stored: nominations_record_test.cpp.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "api_status.hpp"
#include "core/errors.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/api/nomination_codec.hpp"
#include "nominations/api/record_json.hpp"
#include "nominations/domain/council.hpp"
#include "nominations/domain/dossier.hpp"
#include "nominations/domain/nomination.hpp"
#include "nominations/domain/record.hpp"
#include "nominations/domain/step_dates.hpp"
#include "nominations/store/catalogue_codec.hpp"
#include "nominations/store/nomination_codec.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

TEST(Workflow, FollowsThePlanFromDraftToAward) {
  EXPECT_EQ(check_transition(Status::Draft, Action::Submit, Role::Leader).to, Status::Submitted);
  EXPECT_EQ(check_transition(Status::Submitted, Action::Review, Role::Council).to,
            Status::UnderReview);
  EXPECT_EQ(check_transition(Status::UnderReview, Action::Approve, Role::Council).to,
            Status::Approved);
  EXPECT_EQ(check_transition(Status::Approved, Action::Forward, Role::Admin).to, Status::Forwarded);
  EXPECT_EQ(check_transition(Status::Forwarded, Action::Award, Role::Admin).to, Status::Awarded);
  EXPECT_EQ(check_transition(Status::Forwarded, Action::NotAward, Role::Admin).to,
            Status::NotAwarded);
  EXPECT_EQ(check_transition(Status::Submitted, Action::Reject, Role::Admin).event,
            "nomination.rejected");
}

TEST(Workflow, IllegalStepsAreConflictsAndWrongRolesForbidden) {
  EXPECT_EQ(status_of([] { check_transition(Status::Draft, Action::Approve, Role::Admin); }), 409);
  EXPECT_EQ(status_of([] { check_transition(Status::Awarded, Action::Withdraw, Role::Admin); }),
            409);
  EXPECT_EQ(status_of([] { check_transition(Status::Rejected, Action::Submit, Role::Leader); }),
            409);
  EXPECT_EQ(status_of([] { check_transition(Status::UnderReview, Action::Approve, Role::Leader); }),
            403);
  EXPECT_EQ(status_of([] { check_transition(Status::Approved, Action::Forward, Role::Council); }),
            403);
  EXPECT_EQ(status_of([] { check_transition(Status::Draft, Action::Submit, Role::Staff); }), 403);
}

TEST(Workflow, PlacesAreHeldFromSubmissionUntilRefused) {
  EXPECT_FALSE(holds_place(Status::Draft));
  for (Status s : {Status::Submitted, Status::UnderReview, Status::Approved, Status::Forwarded,
                   Status::Awarded}) {
    EXPECT_TRUE(holds_place(s)) << status_name(s);
  }
  for (Status s : {Status::Rejected, Status::Withdrawn, Status::NotAwarded}) {
    EXPECT_FALSE(holds_place(s)) << status_name(s);
    EXPECT_FALSE(is_live(s)) << status_name(s);
  }
  EXPECT_TRUE(is_live(Status::Draft));
}

TEST(Workflow, NamesRoundTrip) {
  for (auto name : {"draft", "submitted", "under_review", "approved", "rejected", "forwarded",
                    "awarded", "not_awarded", "withdrawn"}) {
    auto s = parse_status(name);
    ASSERT_TRUE(s) << name;
    EXPECT_EQ(status_name(*s), name);
  }
  EXPECT_FALSE(parse_status("approved "));
  EXPECT_EQ(parse_action("not_award"), Action::NotAward);
  EXPECT_FALSE(parse_action("delete"));
}

// A meeting recorded with its counts only (no names).
Meeting counted_meeting(const std::string& id, const std::string& date, int total, int present) {
  Meeting m;
  m.id = id;
  m.date = date;
  m.members_total = total;
  m.members_present = present;
  return m;
}

TEST(Council, QuorumIsTwoThirdsOfMembersAndApprovalSeventyPercentOfThosePresent) {
  VoteRules rules;
  Meeting m = counted_meeting("1", "2026-11-20", 9, 7);
  auto passed = evaluate_vote(m, {"1", 5, 2, 0, false}, rules);
  EXPECT_TRUE(passed.quorum_met);
  EXPECT_EQ(passed.quorum_needed, 6);
  EXPECT_EQ(passed.approvals_needed, 5);  // 70 % of 7 is 4.9: five people
  EXPECT_TRUE(passed.passed);
  EXPECT_FALSE(evaluate_vote(m, {"1", 4, 3, 0, false}, rules).passed);

  Meeting thin = counted_meeting("2", "2026-11-20", 9, 5);  // 5 of 9 is under 2/3
  auto no_quorum = evaluate_vote(thin, {"2", 5, 0, 0, false}, rules);
  EXPECT_FALSE(no_quorum.quorum_met);
  EXPECT_FALSE(no_quorum.passed);
}

TEST(Council, BaseOfAllMembersAndSecretBallotBarsAreSettings) {
  VoteRules rules;
  rules.base_is_all_members = true;
  rules.secret_approval = Ratio::parse("80%", "T");
  Meeting m = counted_meeting("1", "2026-11-20", 10, 8);
  EXPECT_EQ(evaluate_vote(m, {"1", 7, 1, 0, false}, rules).approvals_needed, 7);
  EXPECT_TRUE(evaluate_vote(m, {"1", 7, 1, 0, false}, rules).passed);
  EXPECT_EQ(evaluate_vote(m, {"1", 7, 1, 0, true}, rules).approvals_needed, 8);
  EXPECT_FALSE(evaluate_vote(m, {"1", 7, 1, 0, true}, rules).passed);
}

TEST(Council, VotesCannotExceedThosePresent) {
  Meeting m = counted_meeting("1", "2026-11-20", 9, 7);
  EXPECT_EQ(status_of([&] { evaluate_vote(m, {"1", 6, 2, 0, false}, VoteRules{}); }), 422);
  EXPECT_EQ(status_of([&] { evaluate_vote(m, {"1", -1, 2, 0, false}, VoteRules{}); }), 400);
  // Each number in range but more present than members: a rule between fields, 422.
  EXPECT_EQ(status_of([] { check_meeting(counted_meeting("1", "2026-11-20", 9, 10)); }), 422);
  EXPECT_EQ(status_of([] { check_meeting(counted_meeting("1", "2026-11-20", 9, 201)); }), 400);
  EXPECT_EQ(status_of([] { check_meeting(counted_meeting("1", "2026-11-20", 0, 0)); }), 400);
}

TEST(Council, RatiosParseFractionsPercentsAndDecimals) {
  EXPECT_EQ(Ratio::parse("2/3", "X").needed_of(9), 6);
  EXPECT_EQ(Ratio::parse("2/3", "X").needed_of(10), 7);
  EXPECT_EQ(Ratio::parse("70%", "X").needed_of(10), 7);
  EXPECT_EQ(Ratio::parse("0.5", "X").needed_of(9), 5);
  EXPECT_THROW(Ratio::parse("3/2", "THIDUA_COUNCIL_QUORUM"), ConfigError);
  EXPECT_THROW(Ratio::parse("abc", "THIDUA_COUNCIL_QUORUM"), ConfigError);
  try {
    Ratio::parse("0", "THIDUA_COUNCIL_APPROVAL");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("THIDUA_COUNCIL_APPROVAL"), std::string::npos);
  }
}

TEST(Dossier, CompleteOnlyWhenEveryItemHasItsCopies) {
  std::map<std::string, DossierReceipt> received{{"to_trinh", {3, "a", "t"}},
                                                 {"bien_ban", {3, "a", "t"}}};
  auto items = dossier_checklist(3, received);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_FALSE(dossier_complete(items));
  received["bao_cao_thanh_tich"] = {2, "a", "t"};
  EXPECT_FALSE(dossier_complete(dossier_checklist(3, received)));
  received["bao_cao_thanh_tich"] = {3, "a", "t"};
  EXPECT_TRUE(dossier_complete(dossier_checklist(3, received)));
  EXPECT_TRUE(is_dossier_item("bien_ban"));
  EXPECT_FALSE(is_dossier_item("giay_moi"));
}

TEST(Workflow, AvailableActionsAreExactlyThoseCheckTransitionAllows) {
  const Status statuses[] = {Status::Draft,    Status::Submitted,  Status::UnderReview,
                             Status::Approved, Status::Rejected,   Status::Forwarded,
                             Status::Awarded,  Status::NotAwarded, Status::Withdrawn};
  const Role roles[] = {Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service};
  const Action actions[] = {Action::Submit,  Action::Review, Action::Approve,  Action::Reject,
                            Action::Forward, Action::Award,  Action::NotAward, Action::Withdraw};
  for (Status s : statuses) {
    for (Role r : roles) {
      std::vector<Action> allowed;
      for (Action a : actions) {
        if (status_of([&] { check_transition(s, a, r); }) == 0) allowed.push_back(a);
      }
      EXPECT_EQ(available_actions(s, r), allowed) << status_name(s) << " as " << role_name(r);
    }
  }
  EXPECT_EQ(available_actions(Status::Draft, Role::Leader),
            (std::vector<Action>{Action::Submit, Action::Withdraw}));
  EXPECT_EQ(available_actions(Status::UnderReview, Role::Council),
            (std::vector<Action>{Action::Approve, Action::Reject}));
  EXPECT_TRUE(available_actions(Status::Draft, Role::Staff).empty());
  EXPECT_TRUE(available_actions(Status::Awarded, Role::Admin).empty());
}

// A recorded vote rules out the decision it does not support; without one both are offered.
TEST(Workflow, TheVoteDecidesWhichCouncilDecisionIsOffered) {
  const auto review = Status::UnderReview;
  EXPECT_EQ(offered_actions(review, Role::Admin, std::nullopt),
            available_actions(review, Role::Admin));
  auto passed = offered_actions(review, Role::Admin, true);
  EXPECT_NE(std::find(passed.begin(), passed.end(), Action::Approve), passed.end());
  EXPECT_EQ(std::find(passed.begin(), passed.end(), Action::Reject), passed.end());
  auto failed = offered_actions(review, Role::Admin, false);
  EXPECT_EQ(std::find(failed.begin(), failed.end(), Action::Approve), failed.end());
  EXPECT_NE(std::find(failed.begin(), failed.end(), Action::Reject), failed.end());
  EXPECT_NE(std::find(failed.begin(), failed.end(), Action::Withdraw), failed.end());
  EXPECT_EQ(offered_actions(Status::Draft, Role::Leader, false),
            available_actions(Status::Draft, Role::Leader));
}

std::string step_date_problem(LocalDate date, LocalDate today, std::optional<DatedStep> before) {
  try {
    check_step_date({date, "Ngày quyết định"}, today, before);
  } catch (const ApiError& e) {
    return e.code();
  }
  return "";
}

TEST(StepDates, ARecordedStepHappenedAndFollowsTheStepBefore) {
  const LocalDate today{2026, 11, 29};
  const DatedStep sent{{2026, 11, 5}, "ngày gửi tờ trình"};
  EXPECT_EQ(step_date_problem({2026, 11, 20}, today, sent), "");
  EXPECT_EQ(step_date_problem({2026, 11, 29}, today, sent), "");  // signed today
  EXPECT_EQ(step_date_problem({2026, 11, 5}, today, sent), "");   // the same day as sent
  EXPECT_EQ(step_date_problem({2027, 5, 1}, today, sent), "date_in_future");
  EXPECT_EQ(step_date_problem({2026, 11, 30}, today, sent), "date_in_future");
  EXPECT_EQ(step_date_problem({2026, 11, 4}, today, sent), "date_before_previous_step");
  EXPECT_EQ(step_date_problem({2025, 1, 1}, today, std::nullopt), "");  // no step known before
  try {
    check_step_date({{2027, 5, 1}, "Ngày quyết định"}, today, sent);
  } catch (const ApiError& e) {
    EXPECT_NE(std::string(e.what()).find("01/05/2027"), std::string::npos) << e.what();
  }
}

TEST(PublicHonours, OnlyAnAwardWithItsDecisionIsAnHonour) {
  NominationRecord r;
  r.id = "3";
  r.status = Status::Approved;
  EXPECT_FALSE(is_public_honour(r));
  r.status = Status::Forwarded;
  r.outcome.forwarding = Forwarding{"2026-11-05", "12/TTr"};
  EXPECT_FALSE(is_public_honour(r));
  r.status = Status::Awarded;
  EXPECT_FALSE(is_public_honour(r));  // awarded without a recorded decision: not shown
  r.outcome.decision = Decision{"245/QĐ-UBND", "2026-11-28"};
  EXPECT_TRUE(is_public_honour(r));
  r.outcome.public_achievement = "Bài giảng điện tử đạt giải cấp huyện";
  auto j = public_json(r);
  EXPECT_EQ(j["achievement"], "Bài giảng điện tử đạt giải cấp huyện");
  EXPECT_EQ(j["decision"]["number"], "245/QĐ-UBND");
  EXPECT_FALSE(j.contains("outcome"));
}

}  // namespace
}  // namespace thidua::nominations
