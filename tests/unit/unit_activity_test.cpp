// Deactivated units (issue 14): a unit the school no longer has stays in the catalogue for
// history, but cannot be proposed, nor take new members, nor be deactivated with people in it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/api/nomination_codec.hpp"
#include "nominations/domain/nomination.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ApiError& e) {
    return e.code();
  }
  return "";
}

Catalogue catalogue() {
  return parse_catalogue(json::parse(R"({
    "units":[{"id":"truong","name":"Trường THCS Vĩnh Phong 1","kind":"school"},
             {"id":"to-toan-tin","name":"Tổ Toán – Tin"},
             {"id":"to-ngoai-ngu","name":"Tổ Ngoại ngữ","active":false},
             {"id":"to-cu","name":"Tổ Cũ","active":false}],
    "staff":[{"id":"an","name":"Nguyễn Văn An","unit_id":"to-toan-tin"},
             {"id":"cuong","name":"Lê Văn Cường","unit_id":"to-cu"}],
    "periods":[{"id":"2026","kind":"annual","year":2026,"label":"Năm 2026"}],
    "award_forms":[{"code":"gk_xa","label":"Giấy khen của Chủ tịch UBND xã"}]})"));
}

NominationDraft draft(const std::string& kind, const std::string& subject) {
  return parse_draft(json{
      {"period", "2026"}, {"award", "gk_xa"}, {"subject_kind", kind}, {"subject_id", subject}});
}

TEST(UnitActivity, ActiveByDefaultAndKeptThroughJson) {
  auto c = catalogue();
  EXPECT_TRUE(c.unit("to-toan-tin")->active);
  EXPECT_FALSE(c.unit("to-ngoai-ngu")->active);
  // Stored units from before the flag have no "active": they are active.
  EXPECT_TRUE(parse_unit(json::parse(R"({"id":"x","name":"Tổ X"})")).active);
  EXPECT_FALSE(parse_unit(to_json(*c.unit("to-ngoai-ngu"))).active);
  EXPECT_EQ(code_of([] { parse_unit(json::parse(R"({"id":"x","name":"X","active":"no"})")); }),
            "invalid_field");
}

TEST(UnitActivity, AnInactiveUnitAndItsMembersCannotBeProposed) {
  auto c = catalogue();
  EXPECT_EQ(code_of([&] { check_draft(draft("collective", "to-toan-tin"), c, Role::Admin, ""); }),
            "");
  EXPECT_EQ(code_of([&] { check_draft(draft("collective", "to-ngoai-ngu"), c, Role::Admin, ""); }),
            "unit_inactive");
  EXPECT_EQ(code_of([&] { check_draft(draft("individual", "cuong"), c, Role::Admin, ""); }),
            "unit_inactive");
  EXPECT_EQ(code_of([&] { check_draft(draft("individual", "an"), c, Role::Admin, ""); }), "");
}

TEST(UnitActivity, DeactivatingNeedsAnEmptyUnitAndNeverTheSchool) {
  auto c = catalogue();
  auto unit = [](const char* body) { return parse_unit(json::parse(body)); };
  EXPECT_EQ(code_of([&] {
              check_unit_change(
                  c, unit(R"({"id":"to-toan-tin","name":"Tổ Toán – Tin","active":false})"));
            }),
            "unit_has_staff");
  EXPECT_EQ(code_of([&] {
              check_unit_change(
                  c, unit(R"({"id":"truong","name":"Trường","kind":"school","active":false})"));
            }),
            "school_unit_kept");
  EXPECT_EQ(code_of([&] {
              check_unit_change(
                  c, unit(R"({"id":"to-ngoai-ngu","name":"Tổ Ngoại ngữ","active":false})"));
            }),
            "");
  // Renaming or reactivating is always allowed.
  EXPECT_EQ(code_of([&] { check_unit_change(c, unit(R"({"id":"to-cu","name":"Tổ Cũ"})")); }), "");
  try {
    check_unit_change(c, unit(R"({"id":"to-toan-tin","name":"Tổ Toán – Tin","active":false})"));
  } catch (const ApiError& e) {
    EXPECT_NE(e.detail().find("Nguyễn Văn An"), std::string::npos) << e.detail();
    EXPECT_EQ(e.status(), 422);
  }
}

TEST(UnitActivity, NobodyJoinsAnInactiveUnitButItsMembersStayEditable) {
  auto c = catalogue();
  auto member = [](const char* body) { return parse_staff(json::parse(body)); };
  EXPECT_EQ(code_of([&] {
              check_staff_unit(c, member(R"({"id":"moi","name":"Mới","unit_id":"to-ngoai-ngu"})"));
            }),
            "unit_inactive");
  EXPECT_EQ(code_of([&] {
              check_staff_unit(c,
                               member(R"({"id":"an","name":"Nguyễn Văn An","unit_id":"to-cu"})"));
            }),
            "unit_inactive");
  EXPECT_EQ(code_of([&] {
              check_staff_unit(c, member(R"({"id":"cuong","name":"Lê Văn Cường","unit_id":"to-cu",
                                             "birth_date":"1980-02-03"})"));
            }),
            "");
  EXPECT_EQ(code_of([&] {
              check_staff_unit(
                  c, member(R"({"id":"cuong","name":"Lê Văn Cường","unit_id":"to-toan-tin"})"));
            }),
            "");
  EXPECT_EQ(code_of([&] {
              check_staff_unit(c, member(R"({"id":"x","name":"X","unit_id":"khong-co"})"));
            }),
            "unknown_unit");
}

}  // namespace
}  // namespace thidua::nominations
