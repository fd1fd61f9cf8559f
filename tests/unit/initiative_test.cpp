// The register of initiatives (issue 14): what an entry must hold, what recognition needs,
// and what the website may show. Pure rules: a catalogue in memory, a fixed "today".
#include "nominations/domain/initiative.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace thidua::nominations {
namespace {

Catalogue school() {
  Catalogue c;
  c.units = {{"to-toan-tin", "Tổ Toán – Tin", "subject_group"}};
  StaffMember lan;
  lan.id = "gv-lan";
  lan.name = "Nguyễn Thị Lan";
  lan.unit_id = "to-toan-tin";
  StaffMember binh;
  binh.id = "gv-binh";
  binh.name = "Lê Văn Bình";
  binh.unit_id = "to-toan-tin";
  c.staff = {lan, binh};
  return c;
}

constexpr LocalDate kToday{2026, 11, 29};

Initiative entry() {
  Initiative e;
  e.title = "Kho bài giảng điện tử dùng chung của tổ";
  e.author_ids = {"gv-lan", "gv-binh"};
  e.unit_id = "to-toan-tin";
  e.content_area = "II.4";
  e.year = 2026;
  return e;
}

Initiative recognised() {
  auto e = entry();
  e.level = InitiativeLevel::School;
  e.decision = InitiativeDecision{"15/QĐ-THCSVP1", {2026, 11, 20}, "Hiệu trưởng"};
  return e;
}

// The code of the ApiError `e` throws, or "" when it throws nothing.
std::string refusal(Initiative e) {
  try {
    check_initiative(e, school(), kToday);
  } catch (const ApiError& error) {
    EXPECT_EQ(error.status(), 422) << error.code();
    EXPECT_FALSE(error.detail().empty());
    return error.code();
  }
  return "";
}

TEST(Initiative, AnEntryGetsItsAuthorsAndUnitNamedFromTheCatalogue) {
  auto e = entry();
  check_initiative(e, school(), kToday);
  EXPECT_EQ(e.author_names, (std::vector<std::string>{"Nguyễn Thị Lan", "Lê Văn Bình"}));
  EXPECT_EQ(e.unit_name, "Tổ Toán – Tin");
  EXPECT_FALSE(shown_publicly(e));
}

TEST(Initiative, WhatAnEntryMustHold) {
  auto e = entry();
  e.title = "   ";
  EXPECT_EQ(refusal(e), "invalid_initiative") << "a blank title";
  e = entry();
  e.author_ids.clear();
  EXPECT_EQ(refusal(e), "invalid_initiative") << "no author";
  e.author_ids.assign(kMaxAuthors + 1, "gv-lan");
  EXPECT_EQ(refusal(e), "invalid_initiative") << "too many authors";
  e = entry();
  e.author_ids = {"gv-lan", "gv-lan"};
  EXPECT_EQ(refusal(e), "invalid_initiative") << "an author twice";
  e.author_ids = {"gv-khong-co"};
  EXPECT_EQ(refusal(e), "invalid_initiative") << "an unknown author";
  e = entry();
  e.unit_id = "to-khong-co";
  EXPECT_EQ(refusal(e), "invalid_initiative") << "an unknown unit";
  e = entry();
  e.content_area = "II.7";
  EXPECT_EQ(refusal(e), "invalid_initiative") << "no such content area";
  for (int year : {2024, 2031}) {
    e = entry();
    e.year = year;
    EXPECT_EQ(refusal(e), "invalid_initiative") << year << " is outside the movement";
  }
}

TEST(Initiative, RecognitionComesWithItsDecisionDatedNoLaterThanToday) {
  EXPECT_EQ(refusal(recognised()), "");
  auto e = recognised();
  e.decision.reset();
  EXPECT_EQ(refusal(e), "invalid_initiative") << "a level without its decision";
  e = recognised();
  e.decision->number = " ";
  EXPECT_EQ(refusal(e), "invalid_initiative") << "a decision without a number";
  e = entry();
  e.decision = InitiativeDecision{"15/QĐ-THCSVP1", {2026, 11, 20}, ""};
  EXPECT_EQ(refusal(e), "invalid_initiative") << "a decision without a level";
  e = recognised();
  e.decision->date = {2026, 11, 30};
  EXPECT_EQ(refusal(e), "date_in_future");
  e.decision->date = kToday;
  EXPECT_EQ(refusal(e), "") << "dated today";
}

TEST(Initiative, OnlyARecognisedEntryMayBeShownOnTheWebsite) {
  auto e = entry();
  e.is_public = true;
  EXPECT_EQ(refusal(e), "invalid_initiative");
  e = recognised();
  e.is_public = true;
  EXPECT_EQ(refusal(e), "");
  EXPECT_TRUE(shown_publicly(e));
  e.is_public = false;
  EXPECT_FALSE(shown_publicly(e));
}

TEST(Initiative, LevelsHaveCodesAndVietnameseNames) {
  for (auto level : {InitiativeLevel::None, InitiativeLevel::School, InitiativeLevel::Commune,
                     InitiativeLevel::Province, InitiativeLevel::National}) {
    EXPECT_EQ(parse_initiative_level(initiative_level_code(level)), level);
    EXPECT_FALSE(initiative_level_label(level).empty());
  }
  EXPECT_EQ(initiative_level_label(InitiativeLevel::School), "cấp cơ sở");
  EXPECT_FALSE(parse_initiative_level("cap_truong").has_value());
}

TEST(Initiative, TheBoardAndTheCouncilKeepTheRegisterTheBoardRemoves) {
  EXPECT_TRUE(records_initiatives(Role::Admin));
  EXPECT_TRUE(records_initiatives(Role::Council));
  EXPECT_FALSE(records_initiatives(Role::Leader));
  EXPECT_FALSE(records_initiatives(Role::Staff));
  EXPECT_TRUE(removes_initiatives(Role::Admin));
  EXPECT_FALSE(removes_initiatives(Role::Council));
}

}  // namespace
}  // namespace thidua::nominations
