#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "nominations/domain/nomination.hpp"

namespace thidua::nominations {
namespace {

nlohmann::json valid_body() {
  return {{"period", "2026"},
          {"award", "gk_xa"},
          {"subject_kind", "individual"},
          {"subject_name", "Nguyễn Thị Hồng"},
          {"unit", "Tổ Toán – Tin"},
          {"reason", "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số."}};
}

// The code of the ApiError 400 that parsing `body` throws ("" when it does not).
std::string rejection(const nlohmann::json& body) {
  try {
    parse_new_nomination(body);
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 400) << e.code();
    EXPECT_FALSE(e.detail().empty());
    return e.code();
  }
  return "";
}

nlohmann::json with(const std::string& field, nlohmann::json value) {
  auto body = valid_body();
  if (value.is_discarded()) {
    body.erase(field);
  } else {
    body[field] = std::move(value);
  }
  return body;
}
const nlohmann::json kAbsent = nlohmann::json::value_t::discarded;

TEST(ParseNewNomination, AcceptsAValidBody) {
  auto n = parse_new_nomination(valid_body());
  EXPECT_EQ(n.period, "2026");
  EXPECT_EQ(n.award, "gk_xa");
  EXPECT_EQ(n.subject_kind, SubjectKind::Individual);
  EXPECT_EQ(n.subject_name, "Nguyễn Thị Hồng");
  EXPECT_EQ(n.unit, "Tổ Toán – Tin");
  EXPECT_FALSE(n.reason.empty());
}

TEST(ParseNewNomination, OptionalFieldsMayBeLeftOut) {
  auto body = with("unit", kAbsent);
  body.erase("reason");
  body["subject_kind"] = "collective";
  auto n = parse_new_nomination(body);
  EXPECT_EQ(n.subject_kind, SubjectKind::Collective);
  EXPECT_EQ(n.unit, "");
  EXPECT_EQ(n.reason, "");
}

TEST(ParseNewNomination, PeriodsOfTheMovementOnly) {
  for (std::string ok : {"2025", "2027", "2030", "so-ket-2027", "tong-ket-2030"}) {
    EXPECT_EQ(rejection(with("period", ok)), "") << ok;
  }
  for (std::string bad :
       {"2024", "2031", "20266", "202a", "so-ket-2028", "tong-ket-2029", " 2026"}) {
    EXPECT_EQ(rejection(with("period", bad)), "invalid_period") << bad;
  }
  EXPECT_EQ(rejection(with("period", kAbsent)), "missing_field");
  EXPECT_EQ(rejection(with("period", 2026)), "missing_field");
  EXPECT_EQ(rejection(with("period", std::string(21, '2'))), "field_too_long");
}

TEST(ParseNewNomination, AwardMustBeAKnownForm) {
  for (std::string ok : {"bk_bo", "bk_tinh", "gk_xa", "gk_ht"}) {
    EXPECT_EQ(rejection(with("award", ok)), "") << ok;
  }
  EXPECT_EQ(rejection(with("award", "bk_xyz")), "unknown_award");
  EXPECT_EQ(rejection(with("award", "GK_XA")), "unknown_award");
  EXPECT_EQ(rejection(with("award", kAbsent)), "missing_field");
  EXPECT_EQ(rejection(with("award", "")), "missing_field");
}

TEST(ParseNewNomination, SubjectKindIsIndividualOrCollective) {
  EXPECT_EQ(rejection(with("subject_kind", "both")), "invalid_subject_kind");
  EXPECT_EQ(rejection(with("subject_kind", "Individual")), "invalid_subject_kind");
  EXPECT_EQ(rejection(with("subject_kind", kAbsent)), "missing_field");
}

TEST(ParseNewNomination, SubjectNameIsRequiredAndBounded) {
  EXPECT_EQ(rejection(with("subject_name", kAbsent)), "missing_field");
  EXPECT_EQ(rejection(with("subject_name", "")), "missing_field");
  EXPECT_EQ(rejection(with("subject_name", nullptr)), "missing_field");
  std::string two_hundred;
  for (int i = 0; i < 200; ++i) two_hundred += "ệ";  // counted in characters, not bytes
  EXPECT_EQ(rejection(with("subject_name", two_hundred)), "");
  EXPECT_EQ(rejection(with("subject_name", two_hundred + "a")), "field_too_long");
}

TEST(ParseNewNomination, OptionalTextsAreTypeAndLengthChecked) {
  EXPECT_EQ(rejection(with("unit", 7)), "invalid_field");
  EXPECT_EQ(rejection(with("unit", std::string(201, 'u'))), "field_too_long");
  EXPECT_EQ(rejection(with("reason", nlohmann::json::array())), "invalid_field");
  EXPECT_EQ(rejection(with("reason", std::string(4001, 'r'))), "field_too_long");
  EXPECT_EQ(rejection(with("reason", std::string(4000, 'r'))), "");
}

TEST(Nomination, JsonRoundTripsWithTheAwardLabel) {
  Nomination n;
  n.id = "12";
  n.data = parse_new_nomination(valid_body());
  n.created_by = "bootstrap-admin";
  n.created_at = "2026-11-25T02:37:30Z";
  auto j = to_json(n);
  EXPECT_EQ(j["award_label"], "Giấy khen của Chủ tịch UBND xã");
  EXPECT_EQ(j["subject_kind"], "individual");
  EXPECT_EQ(j["status"], "draft");
  auto back = nomination_from_json(j);
  EXPECT_EQ(back.id, "12");
  EXPECT_EQ(back.data.subject_name, n.data.subject_name);
  EXPECT_EQ(back.data.unit, n.data.unit);
  EXPECT_EQ(back.data.reason, n.data.reason);
  EXPECT_EQ(back.created_at, n.created_at);
  EXPECT_EQ(to_json(back), j);
}

TEST(Nomination, AwardFormsCarryDossierCopies) {
  ASSERT_NE(find_award("bk_bo"), nullptr);
  EXPECT_EQ(find_award("bk_bo")->dossier_copies, 3);
  EXPECT_EQ(find_award("bk_tinh")->dossier_copies, 2);
  EXPECT_EQ(find_award("gk_xa")->dossier_copies, 1);
  EXPECT_EQ(find_award("nope"), nullptr);
}

}  // namespace
}  // namespace thidua::nominations
