// Every text of the nominations service's catalogue reads as a school would write it (issue
// 13): each message rendered with sample values, and the details the workflow, the council
// and the dossier build from it for every status, action and role.
#include "nominations/domain/messages.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "nominations/domain/council.hpp"
#include "nominations/domain/dossier.hpp"
#include "nominations/domain/workflow.hpp"
#include "support/catalogue_check.hpp"

namespace thidua::nominations {
namespace {
// One sample per placeholder name: a new placeholder needs a sample here.
const catalogue_check::Samples kSamples = {
    {"abstain", "1"},
    {"action", "approve-all"},
    {"area", "II.9"},
    {"award", "Giấy khen của Chủ tịch UBND xã"},
    {"closes", "30/11/2026"},
    {"code", "gk_xa"},
    {"copies", "2"},
    {"count", "4"},
    {"date", "01/05/2027"},
    {"field", "members_total"},
    {"first", "2025"},
    {"id", "12"},
    {"item", "to_trinh_2"},
    {"last", "2030"},
    {"level", "cấp cơ sở"},
    {"limit", "2"},
    {"max", "50"},
    {"min", "2025"},
    {"minutes", "15"},
    {"missing", "Biên bản họp Hội đồng Thi đua – Khen thưởng"},
    {"name", "Nguyễn Thị Hoa"},
    {"names", "Nguyễn Văn An, Trần Thị Bình"},
    {"needed", "6"},
    {"no", "2"},
    {"number", "01/TTr-THCSVP1"},
    {"opens", "01/11/2026"},
    {"period", "năm 2026"},
    {"present", "8"},
    {"previous", "ngày Hội đồng thông qua"},
    {"previous_date", "15/10/2026"},
    {"quorum", "6"},
    {"reason", "đang giải quyết khiếu nại"},
    {"role", "tổ trưởng"},
    {"status", "Hội đồng đang xét"},
    {"step", "Ngày quyết định"},
    {"subject", "Nguyễn Thị Hoa"},
    {"subject_kind", "cá nhân"},
    {"summary",
     "8/9 thành viên có mặt (cần 6); 5 tán thành, 2 không tán thành, 1 không biểu "
     "quyết (cần 6 tán thành)"},
    {"today", "29/11/2026"},
    {"total", "9"},
    {"used", "2"},
    {"unit", "Tổ Ngoại ngữ"},
    {"verb", "thông qua"},
    {"votes", "10"},
    {"where", "annual/individual"},
    {"year", "2026"},
    {"yes", "5"},
};

// API details that name on purpose a value a script must send, after the Vietnamese words.
const catalogue_check::CodesShown kCodesShown = {
    {"problem.bad_role", {"admin", "council", "leader", "staff"}},  // the role codes
    {"problem.bad_quota", {"null"}},                                // "null (chưa quy định)"
};

std::string lint(const std::string& text) {
  std::string all;
  for (const auto& p : text::lint_message(text)) all += p + "; ";
  return all;
}

TEST(NominationsMessagesTest, EveryMessageRendersCleanly) {
  std::string all;
  for (const auto& p : catalogue_check::problems(messages(), kSamples, kCodesShown)) {
    all += p + "\n";
  }
  EXPECT_TRUE(all.empty()) << all;
}

TEST(NominationsMessagesTest, EveryStatusHasALabel) {
  for (auto s :
       {Status::Draft, Status::Submitted, Status::UnderReview, Status::Approved, Status::Rejected,
        Status::Forwarded, Status::Awarded, Status::NotAwarded, Status::Withdrawn}) {
    EXPECT_FALSE(status_label(s).empty()) << status_name(s);
  }
  EXPECT_EQ(status_label(Status::UnderReview), "Hội đồng đang xét");
}

// Every refusal the workflow can give, for every status, action and role, as a person reads it.
TEST(NominationsMessagesTest, EveryWorkflowRefusalReadsWell) {
  int refusals = 0;
  for (auto from :
       {Status::Draft, Status::Submitted, Status::UnderReview, Status::Approved, Status::Rejected,
        Status::Forwarded, Status::Awarded, Status::NotAwarded, Status::Withdrawn}) {
    for (auto action : {Action::Submit, Action::Review, Action::Approve, Action::Reject,
                        Action::Forward, Action::Award, Action::NotAward, Action::Withdraw}) {
      for (Role role : kAllRoles) {
        try {
          check_transition(from, action, role);
        } catch (const ApiError& e) {
          ++refusals;
          EXPECT_EQ(lint(e.detail()), "") << e.detail();
        }
      }
    }
  }
  EXPECT_GT(refusals, 200);
  try {
    check_transition(Status::UnderReview, Action::Approve, Role::Leader);
    ADD_FAILURE() << "a leader approved";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.detail(), "Vai trò tổ trưởng không được thông qua đề nghị khen thưởng.");
  }
}

TEST(NominationsMessagesTest, VoteSummariesAndDossierLabelsReadWell) {
  Meeting m;
  m.id = "1";
  m.date = "2026-10-15";
  m.members_total = 9;
  m.members_present = 8;
  for (bool secret : {false, true}) {
    Vote v{"1", 5, 2, 1, secret};
    auto summary = evaluate_vote(m, v, VoteRules{}).summary;
    EXPECT_EQ(lint(summary), "") << summary;
    EXPECT_EQ(summary.find("bỏ phiếu kín") != std::string::npos, secret) << summary;
  }
  for (const auto& item : dossier_checklist(2, {})) {
    EXPECT_EQ(lint(item.label), "") << item.code;
  }
}
}  // namespace
}  // namespace thidua::nominations
