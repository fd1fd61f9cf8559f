// Evidence for a nomination's achievements (issue 12): which links are kept, who may add one
// and until when, and what adding does to the draft.
#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "nominations/domain/evidence.hpp"

namespace thidua::nominations {
namespace {

NominationRecord nomination(Status status, SubjectKind kind = SubjectKind::Individual) {
  NominationRecord r;
  r.id = "7";
  r.status = status;
  r.unit_id = "to-toan-tin";
  r.draft.subject_kind = kind;
  r.draft.subject_id = kind == SubjectKind::Individual ? "gv-lan" : "to-toan-tin";
  r.draft.achievements = {{"Giáo viên dạy giỏi cấp huyện", {"II.1"}, {}},
                          {"Chuyển đổi số trong dạy học", {"II.3"}, {"https://a.example/1"}}};
  return r;
}

Principal person(Role role, std::string id) {
  return {true, role, std::move(id), "Tên"};
}

std::string refusal(const Principal& who, const std::string& own_unit, const NominationRecord& r) {
  try {
    check_may_add_evidence(who, own_unit, r);
    return "";
  } catch (const ApiError& e) {
    return std::to_string(e.status()) + " " + e.code();
  }
}

TEST(EvidenceTest, LinksAreHttpOrHttpsWithAHostAndNoSpaces) {
  EXPECT_TRUE(is_evidence_link("https://drive.google.com/file/d/abc"));
  EXPECT_TRUE(is_evidence_link("http://thcsvinhphong1.edu.vn/tin-tuc/hội-giảng"));
  EXPECT_FALSE(is_evidence_link("ftp://a.example/x"));
  EXPECT_FALSE(is_evidence_link("javascript:alert(1)"));
  EXPECT_FALSE(is_evidence_link("https://"));
  EXPECT_FALSE(is_evidence_link("https:///etc/passwd"));
  EXPECT_FALSE(is_evidence_link("https://a.example/có dấu cách"));
  EXPECT_FALSE(is_evidence_link("https://a.example/\tx"));
  EXPECT_FALSE(is_evidence_link("https://a.example/" + std::string(kMaxEvidenceLinkBytes, 'x')));
}

TEST(EvidenceTest, TheNomineeTheUnitsLeaderAndTheBoardAddUntilTheCouncilDecides) {
  auto r = nomination(Status::Submitted);
  EXPECT_EQ(refusal(person(Role::Staff, "gv-lan"), "", r), "");
  EXPECT_EQ(refusal(person(Role::Leader, "tt-toan"), "to-toan-tin", r), "");
  EXPECT_EQ(refusal(person(Role::Admin, "hieu-truong"), "", r), "");
  EXPECT_EQ(refusal(person(Role::Staff, "gv-hoa"), "", r), "403 evidence_not_yours");
  EXPECT_EQ(refusal(person(Role::Leader, "tt-van"), "to-ngu-van", r), "403 evidence_not_yours");
  EXPECT_EQ(refusal(person(Role::Council, "hd-minh"), "", r), "403 evidence_not_yours");
  // A collective nomination has no nominee: the unit's members add through their leader.
  auto unit = nomination(Status::Draft, SubjectKind::Collective);
  EXPECT_EQ(refusal(person(Role::Staff, "to-toan-tin"), "", unit), "403 evidence_not_yours");
  for (Status open : {Status::Draft, Status::Submitted, Status::UnderReview}) {
    EXPECT_EQ(refusal(person(Role::Staff, "gv-lan"), "", nomination(open)), "");
  }
  for (Status closed : {Status::Approved, Status::Rejected, Status::Forwarded, Status::Awarded,
                        Status::NotAwarded, Status::Withdrawn}) {
    EXPECT_EQ(refusal(person(Role::Admin, "hieu-truong"), "", nomination(closed)),
              "409 evidence_closed")
        << status_name(closed);
  }
}

TEST(EvidenceTest, AddingAppendsOnceToTheNamedAchievement) {
  auto d = nomination(Status::Draft).draft;
  EXPECT_TRUE(add_evidence(d, 0, "https://a.example/quyet-dinh.pdf"));
  EXPECT_FALSE(add_evidence(d, 0, "https://a.example/quyet-dinh.pdf"));
  EXPECT_EQ(d.achievements[0].evidence,
            std::vector<std::string>{"https://a.example/quyet-dinh.pdf"});
  EXPECT_EQ(d.achievements[1].evidence, std::vector<std::string>{"https://a.example/1"});
  EXPECT_THROW(add_evidence(d, 0, "khong-phai-duong-dan"), ApiError);
  try {
    add_evidence(d, 2, "https://a.example/2");
    ADD_FAILURE() << "a third achievement";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "no_such_achievement");
    EXPECT_NE(e.detail().find("2 thành tích"), std::string::npos) << e.detail();
  }
  for (std::size_t i = 1; i < kMaxEvidencePerAchievement; ++i) {
    add_evidence(d, 0, "https://a.example/" + std::to_string(i));
  }
  try {
    add_evidence(d, 0, "https://a.example/one-too-many");
    ADD_FAILURE() << "more than " << kMaxEvidencePerAchievement;
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "too_much_evidence");
  }
  NominationDraft empty;
  try {
    add_evidence(empty, 0, "https://a.example/x");
    ADD_FAILURE() << "no achievement";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_NE(e.detail().find("chưa có thành tích"), std::string::npos) << e.detail();
  }
}

}  // namespace
}  // namespace thidua::nominations
