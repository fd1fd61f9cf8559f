// Nomination rounds (issue 14): when a nomination may be filed, which round it belongs to,
// what a round must hold, and what may change once nominations belong to it. Pure rules: a
// catalogue in memory, dates pinned.
#include "nominations/domain/round.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace thidua::nominations {
namespace {

Catalogue school() {
  Catalogue c;
  c.periods = {{"2026", PeriodKind::Annual, 2026, 1, "Năm 2026"},
               {"tong-ket-2030", PeriodKind::Final, 2030, 2, "Tổng kết phong trào (2025–2030)"}};
  AwardForm xa;
  xa.code = "gk_xa";
  xa.label = "Giấy khen của Chủ tịch UBND xã";
  AwardForm tinh;
  tinh.code = "bk_tinh";
  tinh.label = "Bằng khen của Chủ tịch UBND tỉnh";
  c.award_forms = {xa, tinh};
  return c;
}

Round round(std::string id, std::string period, LocalDate opens, LocalDate closes,
            std::vector<std::string> awards = {}) {
  Round r;
  r.id = std::move(id);
  r.period_id = std::move(period);
  r.name = "Đợt xét " + r.id;
  r.opens = opens;
  r.closes = closes;
  r.award_codes = std::move(awards);
  return r;
}

// The ApiError `f` throws, as "code: detail", or "" when it throws nothing.
template <class F>
std::string refusal(F f) {
  try {
    f();
  } catch (const ApiError& e) {
    return e.code() + ": " + e.detail();
  }
  return "";
}

TEST(RoundTest, OpenFromTheFirstDayToTheLastInclusive) {
  auto r = round("1", "2026", {2026, 11, 1}, {2026, 11, 30});
  EXPECT_EQ(round_state(r, {2026, 10, 31}), RoundState::Upcoming);
  EXPECT_EQ(round_state(r, {2026, 11, 1}), RoundState::Open);
  EXPECT_EQ(round_state(r, {2026, 11, 30}), RoundState::Open);
  EXPECT_EQ(round_state(r, {2026, 12, 1}), RoundState::Closed);
  EXPECT_EQ(round_state_label(RoundState::Open), "Đang mở");
}

TEST(RoundTest, CoversItsPeriodAndItsFormsOrEveryForm) {
  auto all = round("1", "2026", {2026, 11, 1}, {2026, 11, 30});
  auto some = round("2", "2026", {2026, 11, 1}, {2026, 11, 30}, {"gk_xa"});
  EXPECT_TRUE(covers(all, "2026", "bk_tinh"));
  EXPECT_FALSE(covers(all, "tong-ket-2030", "bk_tinh"));
  EXPECT_TRUE(covers(some, "2026", "gk_xa"));
  EXPECT_FALSE(covers(some, "2026", "bk_tinh"));
}

TEST(RoundTest, AFinalReviewNominationCannotBeFiledYearsEarly) {
  const std::vector<Round> rounds = {
      round("xet-2026", "2026", {2026, 11, 1}, {2026, 12, 31}),
      round("xet-tong-ket", "tong-ket-2030", {2030, 11, 1}, {2030, 12, 31})};
  const LocalDate today{2026, 12, 5};
  EXPECT_EQ(filing_round(rounds, "2026", "gk_xa", today, school()).id, "xet-2026");
  auto why = refusal([&] { filing_round(rounds, "tong-ket-2030", "gk_xa", today, school()); });
  EXPECT_EQ(why,
            "round_not_open: Chưa đến đợt xét Giấy khen của Chủ tịch UBND xã kỳ tổng kết phong "
            "trào (2025–2030): đợt \"Đợt xét xet-tong-ket\" nhận đề nghị từ ngày 01/11/2030 đến "
            "hết ngày 31/12/2030.");
}

TEST(RoundTest, TheNextRoundToOpenIsNamedElseTheLastClosedElseNone) {
  const LocalDate today{2027, 1, 10};
  std::vector<Round> rounds = {round("cu", "2026", {2026, 11, 1}, {2026, 12, 31}),
                               round("sau", "2026", {2027, 3, 1}, {2027, 3, 15}),
                               round("som", "2026", {2027, 2, 1}, {2027, 2, 10})};
  EXPECT_NE(refusal([&] {
              filing_round(rounds, "2026", "gk_xa", today, school());
            }).find("đợt \"Đợt xét som\" nhận đề nghị từ ngày 01/02/2027"),
            std::string::npos);
  rounds.resize(1);
  EXPECT_EQ(refusal([&] { filing_round(rounds, "2026", "gk_xa", today, school()); }),
            "round_not_open: Đợt xét Giấy khen của Chủ tịch UBND xã kỳ năm 2026 (\"Đợt xét cu\") "
            "đã đóng ngày 31/12/2026 và chưa có đợt nào khác đang mở; thầy cô liên hệ Ban giám "
            "hiệu nếu cần mở thêm đợt.");
  EXPECT_EQ(refusal([&] { filing_round({}, "2026", "gk_xa", today, school()); }),
            "round_not_open: Ban giám hiệu chưa mở đợt xét nào cho Giấy khen của Chủ tịch UBND "
            "xã kỳ năm 2026, nên chưa lập hoặc trình được đề nghị này.");
}

TEST(RoundTest, OfTwoOpenRoundsTheOneClosingFirstTakesTheNomination) {
  const std::vector<Round> rounds = {
      round("dai", "2026", {2026, 10, 1}, {2026, 12, 31}),
      round("ngan", "2026", {2026, 11, 1}, {2026, 11, 30}),
      round("chi-tinh", "2026", {2026, 11, 1}, {2026, 11, 20}, {"bk_tinh"})};
  EXPECT_EQ(filing_round(rounds, "2026", "gk_xa", {2026, 11, 15}, school()).id, "ngan");
  EXPECT_EQ(filing_round(rounds, "2026", "bk_tinh", {2026, 11, 15}, school()).id, "chi-tinh");
}

TEST(RoundTest, ARoundNamesAKnownPeriodAndFormsAndSaneDates) {
  const auto c = school();
  auto ok = round("1", "2026", {2026, 11, 1}, {2026, 11, 30}, {"gk_xa"});
  EXPECT_EQ(refusal([&] { check_round(ok, c); }), "");
  auto bad = ok;
  bad.name = "  ";
  EXPECT_NE(refusal([&] { check_round(bad, c); }).find("invalid_round: Đợt xét cần có tên"),
            std::string::npos);
  bad = ok;
  bad.period_id = "2099";
  EXPECT_NE(refusal([&] { check_round(bad, c); }).find("\"2099\""), std::string::npos);
  bad = ok;
  bad.award_codes = {"gk_xa", "gk_xa"};
  EXPECT_NE(refusal([&] { check_round(bad, c); }).find("hai lần"), std::string::npos);
  bad = ok;
  bad.award_codes = {"gk_bo"};
  EXPECT_NE(refusal([&] { check_round(bad, c); }).find("\"gk_bo\""), std::string::npos);
  bad = ok;
  bad.closes = {2026, 10, 31};
  EXPECT_EQ(refusal([&] { check_round(bad, c); }),
            "invalid_round: Ngày đóng (31/10/2026) phải cùng ngày hoặc sau ngày mở (01/11/2026).");
  bad = ok;
  bad.closes = {2032, 1, 1};
  EXPECT_NE(refusal([&] { check_round(bad, c); }).find("từ 01/01/2025 đến 31/12/2031"),
            std::string::npos);
  bad = ok;
  bad.opens = {2024, 12, 31};
  EXPECT_NE(refusal([&] { check_round(bad, c); }), "");
  auto one_day = ok;
  one_day.closes = one_day.opens;
  EXPECT_EQ(refusal([&] { check_round(one_day, c); }), "");
}

TEST(RoundTest, ARoundWithNominationsKeepsItsPeriodAndTheFormsInUse) {
  const auto c = school();
  auto before = round("1", "2026", {2026, 11, 1}, {2026, 11, 30});
  auto later = before;
  later.closes = {2026, 12, 15};
  EXPECT_EQ(refusal([&] { check_round_change(before, later, {"gk_xa", "gk_xa"}, c); }), "");
  auto moved = before;
  moved.period_id = "tong-ket-2030";
  EXPECT_EQ(refusal([&] {
              check_round_change(before, moved, {"gk_xa", "gk_xa"}, c);
            }),
            "round_in_use: Đợt xét \"Đợt xét 1\" đã có 2 đề nghị nên không đổi được kỳ khen "
            "thưởng.");
  EXPECT_EQ(refusal([&] { check_round_change(before, moved, {}, c); }), "");
  auto narrower = before;
  narrower.award_codes = {"bk_tinh"};
  EXPECT_NE(refusal([&] {
              check_round_change(before, narrower, {"gk_xa"}, c);
            }).find("đã có đề nghị Giấy khen của Chủ tịch UBND xã"),
            std::string::npos);
}

TEST(RoundTest, RoundsReadByOpeningDay) {
  std::vector<Round> rounds = {round("b", "2026", {2026, 11, 1}, {2026, 11, 30}),
                               round("a", "2026", {2026, 10, 1}, {2026, 12, 31}),
                               round("c", "2026", {2026, 11, 1}, {2026, 11, 20})};
  sort_rounds(rounds);
  EXPECT_EQ(rounds[0].id, "a");
  EXPECT_EQ(rounds[1].id, "c");
  EXPECT_EQ(rounds[2].id, "b");
}

TEST(RoundTest, ARoundsMeetingsAreThoseThatVotedOnItsNominationsOnceInOrder) {
  auto voted = [](std::string id, std::string round, std::string meeting) {
    NominationRecord r;
    r.id = std::move(id);
    r.round_id = std::move(round);
    if (!meeting.empty()) {
      r.vote.emplace();
      r.vote->ballot.meeting_id = meeting;
      r.vote->ballot.yes = 7;
    }
    return r;
  };
  std::vector<NominationRecord> all = {voted("1", "xet-2026", "10"), voted("2", "xet-2026", "9"),
                                       voted("3", "xet-2026", "10"), voted("4", "xet-2027", "11"),
                                       voted("5", "xet-2026", ""),   voted("6", "", "12")};
  EXPECT_EQ(round_meeting_ids("xet-2026", all), (std::vector<std::string>{"9", "10"}));
  EXPECT_EQ(round_meeting_ids("xet-2027", all), (std::vector<std::string>{"11"}));
  EXPECT_TRUE(round_meeting_ids("", all).empty()) << "nominations from before rounds";
  EXPECT_TRUE(round_meeting_ids("xet-2028", all).empty());
}

}  // namespace
}  // namespace thidua::nominations
