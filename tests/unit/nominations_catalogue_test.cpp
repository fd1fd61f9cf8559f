// The nominations service's catalogue rules (quotas, genders, the repository's seed) and the
// checks of a draft against the catalogue. No Redis.
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

// Personal data (Nghị định 13/2023) stays with the board, the services and the person: a
// colleague reads name, position, unit, role and gender; the member's unit leader also whether
// they are on hold; never the birth date, qualifications, Zalo id or a hold's reason.
TEST(Catalogue, AColleaguesRecordIsReadAsTheCallersRoleAndUnitAllow) {
  StaffMember van{"gv-van", "Trần Thị Vân", "Giáo viên",           "to-ngu-van",
                  "staff",  "female",       "1985-03-02",          "Cử nhân Sư phạm Ngữ văn",
                  "zu-van", true,           "Đang xem xét kỷ luật"};
  StaffMember leader = van;
  leader.id = "tt-van";
  leader.role = "leader";
  StaffMember other_leader = leader;
  other_leader.id = "tt-toan";
  other_leader.unit_id = "to-toan-tin";
  EXPECT_EQ(staff_view(Role::Admin, "bgh", nullptr, van), StaffView::Whole);
  EXPECT_EQ(staff_view(Role::Service, "service", nullptr, van), StaffView::Whole);
  EXPECT_EQ(staff_view(Role::Staff, "gv-van", &van, van), StaffView::Whole);
  EXPECT_EQ(staff_view(Role::Leader, "tt-van", &leader, van), StaffView::UnitLeader);
  EXPECT_EQ(staff_view(Role::Leader, "tt-toan", &other_leader, van), StaffView::Colleague);
  EXPECT_EQ(staff_view(Role::Leader, "tt-gone", nullptr, van), StaffView::Colleague);
  EXPECT_EQ(staff_view(Role::Council, "hd-1", nullptr, van), StaffView::Colleague);
  EXPECT_EQ(staff_view(Role::Staff, "gv-khac", nullptr, van), StaffView::Colleague);

  json colleague = to_json(van, StaffView::Colleague);
  EXPECT_EQ(colleague, json({{"id", "gv-van"},
                             {"name", "Trần Thị Vân"},
                             {"position", "Giáo viên"},
                             {"unit_id", "to-ngu-van"},
                             {"role", "staff"},
                             {"gender", "female"}}));
  json unit_leader = to_json(van, StaffView::UnitLeader);
  EXPECT_EQ(unit_leader["on_hold"], true);
  EXPECT_EQ(unit_leader.size(), colleague.size() + 1);
  EXPECT_EQ(to_json(van, StaffView::Whole), to_json(van));
  EXPECT_EQ(to_json(van)["hold_reason"], "Đang xem xét kỷ luật");
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

}  // namespace
}  // namespace thidua::nominations
