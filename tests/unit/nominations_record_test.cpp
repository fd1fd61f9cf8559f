// A nomination's record as the API renders it and as the store keeps its vote. No Redis.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

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
#include "nominations/store/nomination_summary.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

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

  JsonWriter summary_writer;
  write_summary(summary_writer, r);
  auto summary = json::parse(summary_writer.take());
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
  expected["allowed_actions"] = {"approve"};  // the vote passed: not "reject" (offered_actions)
  EXPECT_EQ(detail, expected);
  EXPECT_EQ(json::parse(detail_json(r, Role::Staff))["allowed_actions"], json::array());

  NominationPage page{{r, r}, std::string("7")};
  auto listed = json::parse(page_json(page));
  EXPECT_EQ(listed["items"].size(), 2u);
  EXPECT_EQ(listed["items"][1], summary);
  EXPECT_EQ(listed["next_after"], "7");
  EXPECT_TRUE(json::parse(page_json(NominationPage{}))["next_after"].is_null());
}

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
