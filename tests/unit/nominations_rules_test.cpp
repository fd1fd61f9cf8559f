// The nominations service's pure rules: workflow, council votes, quotas in the catalogue,
// dossier completeness and draft checks. No Redis.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/api/nomination_codec.hpp"
#include "nominations/api/record_json.hpp"
#include "nominations/app/nomination_events.hpp"
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

int status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ApiError& e) {
    return e.status();
  }
  return 0;
}

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

TEST(Catalogue, QuotasDistinguishUnsetUnlimitedAndCaps) {
  auto form =
      parse_award_form(json::parse(R"({"code":"gk_xa","label":"Giấy khen","dossier_copies":1,
    "quotas":{"annual":{"collective":2,"individual":2},"final":{"collective":3,"individual":null},
              "interim":{"collective":-1}}})"));
  EXPECT_EQ(form.quota(PeriodKind::Annual, SubjectKind::Individual), 2);
  EXPECT_EQ(form.quota(PeriodKind::Final, SubjectKind::Collective), 3);
  EXPECT_FALSE(form.quota(PeriodKind::Final, SubjectKind::Individual).has_value());
  EXPECT_EQ(form.quota(PeriodKind::Interim, SubjectKind::Collective), kUnlimited);
  EXPECT_FALSE(form.quota(PeriodKind::Interim, SubjectKind::Individual).has_value());
  EXPECT_EQ(status_of([] {
              parse_award_form(
                  json::parse(R"({"code":"x","label":"X","quotas":{"annual":{"individual":-5}}})"));
            }),
            400);
  EXPECT_EQ(status_of([] { parse_award_form(json::parse(R"({"code":"Bad Code","label":"X"})")); }),
            400);
}

// Found while writing fuzz_nomination_body (whose quota check reports it): 18446744073709551615
// is an integer to nlohmann::json, and read as long long it is -1, so it passed the range check
// and became "no limit".
TEST(Catalogue, AQuotaPastTheRangeIsRefusedNotWrapped) {
  for (const char* quota : {"18446744073709551615", "9223372036854775808", "1001"}) {
    auto body = json::parse(R"({"code":"x","label":"X","quotas":{"annual":{"individual":0}}})");
    body["quotas"]["annual"]["individual"] = json::parse(quota);
    EXPECT_EQ(status_of([&body] { parse_award_form(body); }), 400) << quota;
  }
  auto huge = json::parse(R"({"code":"x","label":"X","dossier_copies":18446744073709551615})");
  EXPECT_EQ(status_of([&huge] { parse_award_form(huge); }), 400);
}

// Issue 13: the bot says "thầy" or "cô" from the record, "thầy cô" when it does not say.
TEST(Catalogue, GenderIsMaleFemaleOrNotSaidAndSurvivesTheStore) {
  auto body = json::parse(R"({"id":"gv-an","name":"Nguyễn Văn An","unit_id":"to-toan-tin"})");
  EXPECT_EQ(parse_staff(body).gender, "");
  EXPECT_EQ(to_json(parse_staff(body))["gender"], "");
  for (const json& unsaid : {json(nullptr), json("")}) {
    body["gender"] = unsaid;
    EXPECT_EQ(parse_staff(body).gender, "");
  }
  for (const char* g : {"male", "female"}) {
    body["gender"] = g;
    auto s = parse_staff(body);
    EXPECT_EQ(s.gender, g);
    EXPECT_EQ(stored::read_staff(stored::to_json(s)).gender, g);  // as the store keeps it
  }
  for (const json& bad : {json("nam"), json("Male"), json(1), json(true)}) {
    body["gender"] = bad;
    EXPECT_EQ(status_of([&body] { parse_staff(body); }), 400) << bad.dump();
  }
}

TEST(Catalogue, TheRepositorySeedHasThePlansQuotas) {
  std::ifstream in(std::string(THIDUA_TEST_SOURCE_DIR) + "/config/catalogue.json");
  ASSERT_TRUE(in);
  auto c = parse_catalogue(json::parse(in));
  const AwardForm* xa = c.award("gk_xa");
  ASSERT_TRUE(xa);
  EXPECT_EQ(xa->quota(PeriodKind::Annual, SubjectKind::Collective), 2);
  EXPECT_EQ(xa->quota(PeriodKind::Final, SubjectKind::Individual), 6);
  EXPECT_EQ(c.award("bk_bo")->dossier_copies, 3);
  EXPECT_EQ(c.award("bk_tinh")->dossier_copies, 2);
  EXPECT_EQ(c.award("bk_bo")->quota(PeriodKind::Annual, SubjectKind::Individual), 1);
  EXPECT_TRUE(c.period("so-ket-2027"));
  EXPECT_EQ(c.period("tong-ket-2030")->kind, PeriodKind::Final);
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

Catalogue small_catalogue() {
  return parse_catalogue(json::parse(R"({
    "units":[{"id":"to-toan-tin","name":"Tổ Toán – Tin"},{"id":"to-van-phong","name":"Tổ Văn phòng","kind":"office"}],
    "staff":[{"id":"an","name":"Nguyễn Văn An","unit_id":"to-toan-tin"},
             {"id":"binh","name":"Trần Thị Bình","unit_id":"to-van-phong","on_hold":true,"hold_reason":"đang thanh tra"}],
    "periods":[{"id":"2026","kind":"annual","year":2026,"label":"Năm 2026"}],
    "award_forms":[{"code":"gk_xa","label":"Giấy khen của Chủ tịch UBND xã"}]})"));
}

TEST(Draft, ParsesAndChecksAgainstTheCatalogue) {
  auto c = small_catalogue();
  auto d = parse_draft(json::parse(R"({"period":"2026","award":"gk_xa","subject_kind":"individual",
    "subject_id":"an","achievements":[{"text":"12 bài giảng E-learning","areas":["II.3"],"evidence":["https://x.vn/a"]}]})"));
  auto s = check_draft(d, c, Role::Leader, "to-toan-tin");
  EXPECT_EQ(s.name, "Nguyễn Văn An");
  EXPECT_EQ(s.unit_name, "Tổ Toán – Tin");
  EXPECT_EQ(live_key(d), "2026:gk_xa:individual:an");
}

TEST(Draft, RefusesHoldsOtherUnitsAndBadFields) {
  auto c = small_catalogue();
  auto draft = [](const std::string& body) { return parse_draft(json::parse(body)); };
  auto on_hold =
      draft(R"({"period":"2026","award":"gk_xa","subject_kind":"individual","subject_id":"binh"})");
  EXPECT_EQ(status_of([&] { check_draft(on_hold, c, Role::Admin, ""); }), 422);
  auto other_unit = draft(
      R"({"period":"2026","award":"gk_xa","subject_kind":"collective","subject_id":"to-van-phong"})");
  EXPECT_EQ(status_of([&] { check_draft(other_unit, c, Role::Leader, "to-toan-tin"); }), 403);
  EXPECT_EQ(status_of([&] { check_draft(other_unit, c, Role::Admin, ""); }), 0);
  auto unknown = draft(
      R"({"period":"2031","award":"gk_xa","subject_kind":"collective","subject_id":"to-van-phong"})");
  EXPECT_EQ(status_of([&] { check_draft(unknown, c, Role::Admin, ""); }), 422);
  // An id that cannot be one (upper case, a space) is malformed input, not an unknown id.
  for (const char* field : {"period", "award", "subject_id"}) {
    auto body = nlohmann::json::parse(
        R"({"period":"2026","award":"gk_xa","subject_kind":"collective","subject_id":"to-van-phong"})");
    body[field] = "Tổ Văn";
    EXPECT_EQ(status_of([&] { parse_draft(body); }), 400) << field;
  }
  EXPECT_EQ(status_of([&] {
              draft(R"({"period":"2026","award":"gk_xa","subject_kind":"group","subject_id":"x"})");
            }),
            400);
  EXPECT_EQ(
      status_of([&] {
        draft(R"j({"period":"2026","award":"gk_xa","subject_kind":"individual","subject_id":"an",
                  "achievements":[{"text":"x","areas":["II.7"]}]})j");
      }),
      400);
  EXPECT_EQ(
      status_of([&] {
        draft(R"j({"period":"2026","award":"gk_xa","subject_kind":"individual","subject_id":"an",
                  "achievements":[{"text":"x","evidence":["javascript:alert(1)"]}]})j");
      }),
      400);
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

TEST(Record, DetailAndSummaryCarryEveryFieldAsJson) {
  NominationRecord r;
  r.id = "7";
  r.draft.period = "2026";
  r.draft.award = "gk_xa";
  r.draft.subject_kind = SubjectKind::Individual;
  r.draft.subject_id = "gv-lan";
  r.draft.reason = "Dạy học \"số\" hiệu quả";
  r.draft.achievements = {{"Kho học liệu", {"II.1", "II.3"}, {"https://example.org/a"}}};
  r.status = Status::UnderReview;
  r.subject_name = "Nguyễn Thị Lan";
  r.unit_id = "to-van";
  r.unit_name = "Tổ Ngữ văn";
  r.award_label = "Giấy khen";
  r.period_label = "Năm 2026";
  r.created_by = "gv-an";
  r.round_id = "xet-2026";
  r.created_at = "2026-09-01T01:00:00Z";
  r.updated_at = "2026-09-02T01:00:00Z";
  r.outcome.approval = Approval{"2026-11-21", "bgh-hieu"};
  r.vote.emplace();
  r.vote->ballot.meeting_id = "3";
  r.vote->ballot.yes = 5;
  r.vote->meeting_date = "2026-11-20";
  r.vote->outcome.passed = true;
  r.vote->outcome.summary = "5/7 thành viên có mặt; 5 tán thành (cần 4)";

  auto summary = summary_json(r);
  EXPECT_EQ(summary, (json{{"id", "7"},
                           {"period", "2026"},
                           {"period_label", "Năm 2026"},
                           {"award", "gk_xa"},
                           {"award_label", "Giấy khen"},
                           {"subject_kind", "individual"},
                           {"subject_id", "gv-lan"},
                           {"subject_name", "Nguyễn Thị Lan"},
                           {"unit_id", "to-van"},
                           {"unit_name", "Tổ Ngữ văn"},
                           {"status", "under_review"},
                           {"status_label", status_label(Status::UnderReview)},
                           {"created_at", "2026-09-01T01:00:00Z"},
                           {"updated_at", "2026-09-02T01:00:00Z"}}));
  auto detail = json::parse(detail_json(r, Role::Council));
  json expected = summary;
  expected["reason"] = r.draft.reason;
  expected["achievements"] = {{{"text", "Kho học liệu"},
                               {"areas", {"II.1", "II.3"}},
                               {"evidence", {"https://example.org/a"}}}};
  expected["created_by"] = "gv-an";
  expected["round_id"] = "xet-2026";
  expected["outcome"] = {{"approval", {{"date", "2026-11-21"}, {"by", "bgh-hieu"}}}};
  expected["vote"] = {{"meeting_id", "3"},
                      {"meeting_date", "2026-11-20"},
                      {"yes", 5},
                      {"no", 0},
                      {"abstain", 0},
                      {"secret_ballot", false},
                      {"quorum_met", false},
                      {"passed", true},
                      {"approvals_needed", 0},
                      {"summary", r.vote->outcome.summary},
                      {"recorded_by", ""},
                      {"recorded_at", ""}};
  expected["allowed_actions"] = {"approve", "reject"};
  EXPECT_EQ(detail, expected);
  EXPECT_EQ(json::parse(detail_json(r, Role::Staff))["allowed_actions"], json::array());

  NominationPage page{{r, r}, std::string("7")};
  auto listed = json::parse(page_json(page));
  EXPECT_EQ(listed["items"].size(), 2u);
  EXPECT_EQ(listed["items"][1], summary);
  EXPECT_EQ(listed["next_after"], "7");
  EXPECT_TRUE(json::parse(page_json(NominationPage{}))["next_after"].is_null());
}

}  // namespace
}  // namespace thidua::nominations

namespace thidua::nominations {
namespace {
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

namespace thidua::nominations {
namespace {
// The vote is stored in the record's hash as the JSON it always was: a vote written before it
// was typed reads back whole, and writing it again gives the same document.
TEST(StoredVote, ReadsTheStoredDocumentAndWritesItBackTheSame) {
  const json stored = {{"meeting_id", "4"},
                       {"meeting_date", "2026-11-20"},
                       {"yes", 6},
                       {"no", 1},
                       {"abstain", 0},
                       {"secret_ballot", true},
                       {"quorum_met", true},
                       {"passed", true},
                       {"approvals_needed", 5},
                       {"summary", "7/9 có mặt; 6 tán thành (cần 5)"},
                       {"recorded_by", "hd-thu-ky"},
                       {"recorded_at", "2026-11-20T08:00:00Z"}};
  auto v = stored::read_vote(stored);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->ballot.meeting_id, "4");
  EXPECT_EQ(v->ballot.yes, 6);
  EXPECT_TRUE(v->ballot.secret_ballot);
  EXPECT_EQ(v->outcome.approvals_needed, 5);
  EXPECT_EQ(stored::to_json(v), stored);
  EXPECT_EQ(json::parse(vote_json(*v)), stored);  // the API shows the same fields
  EXPECT_FALSE(stored::read_vote(nullptr));
  EXPECT_FALSE(stored::read_vote(json{{"yes", "six"}}));
  EXPECT_TRUE(stored::to_json(std::nullopt).is_null());
}
}  // namespace
}  // namespace thidua::nominations
