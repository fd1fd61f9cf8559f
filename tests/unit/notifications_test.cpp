#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "notifications/api/event_codec.hpp"
#include "notifications/bot/zalo_bot_client.hpp"
#include "notifications/domain/circuit_breaker.hpp"
#include "notifications/domain/event_messages.hpp"

namespace thidua::notifications {
namespace {

using Kind = SendResult::Kind;
const std::string kFooter = "— Tin nhắn tự động từ hệ thống thi đua.";

nlohmann::json event_of(const std::string& type, const std::string& period = "2026") {
  return {{"type", type},
          {"nomination_id", "12"},
          {"nomination",
           {{"id", "12"},
            {"period", period},
            {"award", "gk_xa"},
            {"award_label", "Giấy khen của Chủ tịch UBND xã"},
            {"subject_kind", "individual"},
            {"subject_name", "Nguyễn Thị Hồng"},
            {"unit_name", "Tổ Toán – Tin"}}}};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The event as notifications reads it off the stream (api/event_codec).
NominationEvent typed(const nlohmann::json& event) {
  auto read = parse_event(event);
  EXPECT_TRUE(read) << event.dump();
  return read.value_or(NominationEvent{});
}

TEST(EventMessages, SubmissionIsAnnouncedInVietnamese) {
  auto text = message_for_event(typed(event_of("nomination.submitted")), kFooter);
  ASSERT_TRUE(text);
  EXPECT_TRUE(contains(*text, "đã được trình Hội đồng")) << *text;
  EXPECT_TRUE(contains(*text, "Nguyễn Thị Hồng (Tổ Toán – Tin)")) << *text;
  EXPECT_TRUE(contains(*text, "Giấy khen của Chủ tịch UBND xã")) << *text;
  EXPECT_TRUE(contains(*text, "năm 2026")) << *text;
  EXPECT_TRUE(contains(*text, "số 12")) << *text;
  EXPECT_TRUE(text->ends_with("\n" + kFooter)) << *text;
}

TEST(EventMessages, DecisionsAreAnnouncedAndDraftsAreNot) {
  EXPECT_TRUE(
      contains(*message_for_event(typed(event_of("nomination.approved")), ""), "đã thông qua"));
  auto rejected = event_of("nomination.rejected");
  rejected["note"] = "Chưa đủ minh chứng";
  EXPECT_FALSE(message_for_event(typed(rejected), ""));  // told privately, never to the group
  auto personal = personal_message_for_event(typed(rejected), "cô");
  ASSERT_TRUE(personal);
  EXPECT_TRUE(contains(*personal,
                       "chưa được Hội đồng Thi đua – Khen thưởng thông qua. Lý do: "
                       "Chưa đủ minh chứng."))
      << *personal;
  EXPECT_TRUE(contains(*personal, "Tin này chỉ gửi riêng cô;")) << *personal;
  auto not_awarded = event_of("nomination.not_awarded");
  not_awarded["note"] = "Hết chỉ tiêu của huyện.";
  EXPECT_FALSE(message_for_event(typed(not_awarded), ""));
  EXPECT_TRUE(contains(*personal_message_for_event(typed(not_awarded), "thầy cô"),
                       "Lý do: Hết chỉ tiêu của huyện."));
  EXPECT_FALSE(personal_message_for_event(typed(event_of("nomination.awarded")), "cô"));
  EXPECT_TRUE(contains(*message_for_event(typed(event_of("nomination.awarded")), ""), "Chúc mừng"));
  for (auto quiet : {"nomination.created", "nomination.updated", "nomination.under_review",
                     "nomination.withdrawn", "nomination.forwarded"}) {
    EXPECT_FALSE(message_for_event(typed(event_of(quiet)), kFooter)) << quiet;
  }
}

TEST(EventMessages, AnAwardNamesItsDecision) {
  auto awarded = event_of("nomination.awarded");
  awarded["nomination"]["period_label"] = "Năm 2026";
  awarded["decision"] = {{"number", "245/QĐ-UBND"}, {"date", "2026-11-28"}};
  EXPECT_EQ(*message_for_event(typed(awarded), ""),
            "🎉 Chúc mừng Nguyễn Thị Hồng (Tổ Toán – Tin) đã được tặng Giấy khen của Chủ tịch "
            "UBND xã (năm 2026) theo Quyết định số 245/QĐ-UBND ngày 28/11/2026.");
  awarded["decision"]["date"] = "28/11/2026";  // not a date: the sentence stops before it
  EXPECT_EQ(*message_for_event(typed(awarded), ""),
            "🎉 Chúc mừng Nguyễn Thị Hồng (Tổ Toán – Tin) đã được tặng Giấy khen của Chủ tịch "
            "UBND xã (năm 2026).");
}

// A colleague is named as the school names her (issue 13), once her record gives a gender;
// not by another person's record, and not without a gender.
TEST(EventMessages, AColleagueIsThayOrCo) {
  auto awarded = event_of("nomination.awarded");
  awarded["decision"] = {{"number", "245/QĐ-UBND"}, {"date", "2026-11-28"}};
  auto event = typed(awarded);
  event.nomination->subject_id = "gv-hong";
  Colleague record;
  record.id = "gv-hong";
  record.name = "Nguyễn T. Hồng";  // the record's spelling: the event's name stays
  Colleague other = record;
  other.id = "gv-khac";
  other.gender = "male";
  address_nominee(*event.nomination, other);
  address_nominee(*event.nomination, record);  // no gender recorded
  EXPECT_EQ(event.nomination->subject_name, "Nguyễn Thị Hồng");
  record.gender = "female";
  address_nominee(*event.nomination, record);
  EXPECT_EQ(*message_for_event(event, ""),
            "🎉 Chúc mừng cô Nguyễn Thị Hồng (Tổ Toán – Tin) đã được tặng Giấy khen của Chủ tịch "
            "UBND xã (năm 2026) theo Quyết định số 245/QĐ-UBND ngày 28/11/2026.");
  EXPECT_EQ(nomination_line(*event.nomination, false).find("• cô Nguyễn Thị Hồng (Tổ Toán – Tin)"),
            0u)
      << nomination_line(*event.nomination, false);
}

TEST(EventMessages, ReviewPeriodsHaveTheirOwnNames) {
  EXPECT_TRUE(contains(
      *message_for_event(typed(event_of("nomination.submitted", "so-ket-2027")), ""), "sơ kết"));
  EXPECT_TRUE(
      contains(*message_for_event(typed(event_of("nomination.submitted", "tong-ket-2030")), ""),
               "tổng kết"));
  auto labelled = event_of("nomination.submitted");
  labelled["nomination"]["period_label"] = "Năm học 2026";
  // In running text a label starts in lower case.
  EXPECT_TRUE(contains(*message_for_event(typed(labelled), ""), "năm học 2026"));
}

TEST(EventMessages, NoFooterMeansNoTrailingLine) {
  auto text = message_for_event(typed(event_of("nomination.submitted")), "");
  ASSERT_TRUE(text);
  EXPECT_FALSE(contains(*text, "\n"));
}

TEST(EventMessages, FallsBackToTheAwardCodeAndLeavesOutAnEmptyUnit) {
  auto event = event_of("nomination.submitted");
  event["nomination"].erase("award_label");
  event["nomination"]["unit_name"] = "";
  auto text = message_for_event(typed(event), "");
  ASSERT_TRUE(text);
  EXPECT_TRUE(contains(*text, "gk_xa"));
  EXPECT_FALSE(contains(*text, "()"));
}

TEST(EventMessages, UnknownOrBrokenEventsAreNotAnnounced) {
  auto other = event_of("nomination.approved.someday");
  EXPECT_FALSE(message_for_event(typed(other), kFooter));
  auto untyped = event_of("nomination.submitted");
  untyped.erase("type");
  EXPECT_FALSE(message_for_event(typed(untyped), kFooter));
  EXPECT_FALSE(parse_event(nlohmann::json::array()));  // no event at all: ignored
  EXPECT_FALSE(message_for_event(typed(nlohmann::json{{"type", "nomination.submitted"}}), kFooter));
}

TEST(EventMessages, WronglyTypedFieldsDoNotThrow) {
  // A malformed event can never be announced: retrying it would only fill the logs.
  auto not_object = event_of("nomination.submitted");
  not_object["nomination"] = "12";
  EXPECT_NO_THROW(EXPECT_FALSE(message_for_event(typed(not_object), kFooter)));
  auto number = event_of("nomination.submitted");
  number["nomination"]["subject_name"] = 5;
  EXPECT_NO_THROW(message_for_event(typed(number), kFooter));
  auto numbered = event_of("nomination.submitted");
  numbered["type"] = 1;
  EXPECT_NO_THROW(EXPECT_FALSE(message_for_event(typed(numbered), kFooter)));
}

TEST(ZaloReply, OkTrueIsSentWithTheResult) {
  auto r =
      interpret_zalo_reply(200, R"({"ok":true,"result":{"message_id":"m-1","date":1}})", false);
  EXPECT_EQ(r.kind, Kind::Sent);
  EXPECT_EQ(r.result["message_id"], "m-1");
}

TEST(ZaloReply, BadTokenIsPermanent) {
  auto r = interpret_zalo_reply(
      401, R"({"ok":false,"error_code":401,"description":"Unauthorized"})", false);
  EXPECT_EQ(r.kind, Kind::Permanent);
  EXPECT_EQ(r.error_code, 401);
  EXPECT_EQ(r.description, "Unauthorized");
  EXPECT_EQ(interpret_zalo_reply(400, R"({"ok":false,"error_code":400})", false).kind,
            Kind::Permanent);
  EXPECT_EQ(interpret_zalo_reply(404, "not found", false).kind, Kind::Permanent);
}

TEST(ZaloReply, RateLimitsAndServerErrorsAreRetryable) {
  auto r = interpret_zalo_reply(
      429, R"({"ok":false,"error_code":429,"description":"Too Many Requests"})", false);
  EXPECT_EQ(r.kind, Kind::Retryable);
  EXPECT_EQ(r.error_code, 429);
  for (int status : {500, 502, 503, 504}) {
    auto s = interpret_zalo_reply(status, "<html>Bad Gateway</html>", false);
    EXPECT_EQ(s.kind, Kind::Retryable) << status;
    EXPECT_EQ(s.description, "HTTP " + std::to_string(status));
  }
  // The platform may say so inside an HTTP 200.
  EXPECT_EQ(interpret_zalo_reply(200, R"({"ok":false,"error_code":429})", false).kind,
            Kind::Retryable);
}

TEST(ZaloReply, A429CarriesThePauseItAsksFor) {
  auto r = interpret_zalo_reply(
      429, R"({"ok":false,"error_code":429,"parameters":{"retry_after":7}})", false);
  EXPECT_EQ(r.kind, Kind::Retryable);
  EXPECT_EQ(r.retry_after_s, 7);
  EXPECT_EQ(interpret_zalo_reply(429, R"({"ok":false,"parameters":{"retry_after":"7"}})", false)
                .retry_after_s,
            0);
  EXPECT_EQ(interpret_zalo_reply(429, R"({"ok":false,"parameters":{"retry_after":-5}})", false)
                .retry_after_s,
            0);
  EXPECT_EQ(interpret_zalo_reply(429, R"({"ok":false,"parameters":{"retry_after":1e12}})", false)
                .retry_after_s,
            0);  // not an integer
}

TEST(CircuitBreaker, ThePauseStartsAtTheCooldownAndDoublesAfterAFailedProbe) {
  using std::chrono::milliseconds;
  BreakerPolicy p{3, milliseconds(5000), milliseconds(300000), milliseconds(30000)};
  EXPECT_EQ(next_cooldown(p, milliseconds(0), false), milliseconds(5000));
  EXPECT_EQ(next_cooldown(p, milliseconds(0), true), milliseconds(5000));
  EXPECT_EQ(next_cooldown(p, milliseconds(5000), true), milliseconds(10000));
  EXPECT_EQ(next_cooldown(p, milliseconds(5000), false), milliseconds(5000));
  EXPECT_EQ(next_cooldown(p, milliseconds(200000), true), milliseconds(300000));
}

TEST(ZaloReply, Http200WithoutOkTrueIsNotSent) {
  EXPECT_EQ(interpret_zalo_reply(200, R"({"ok":false,"description":"chat not found"})", false).kind,
            Kind::Permanent);
  EXPECT_EQ(interpret_zalo_reply(200, R"({"result":{}})", false).kind, Kind::Permanent);
  EXPECT_EQ(interpret_zalo_reply(200, "", false).kind, Kind::Permanent);
  EXPECT_EQ(interpret_zalo_reply(200, "not json", false).kind, Kind::Permanent);
  // ok:true on a failed HTTP status is not success either.
  EXPECT_NE(interpret_zalo_reply(500, R"({"ok":true})", false).kind, Kind::Sent);
}

TEST(ZaloReply, OddlyTypedFieldsDoNotThrow) {
  ZaloReply r;
  EXPECT_NO_THROW(r = interpret_zalo_reply(200, R"({"ok":"true"})", false));
  EXPECT_NE(r.kind, Kind::Sent);
  EXPECT_NO_THROW(r = interpret_zalo_reply(200, R"({"ok":1,"error_code":"401"})", false));
  EXPECT_NE(r.kind, Kind::Sent);
  EXPECT_NO_THROW(r = interpret_zalo_reply(200, R"([true])", false));
  EXPECT_NE(r.kind, Kind::Sent);
}

TEST(ZaloReply, TransportFailureIsRetryable) {
  auto r = interpret_zalo_reply(0, "", true);
  EXPECT_EQ(r.kind, Kind::Retryable);
  EXPECT_FALSE(r.description.empty());
}

TEST(EventMessages, ThePersonalMessageGoesToTheNomineeAndTheUnitsLeadersOnce) {
  auto event = nlohmann::json::parse(R"({"type":"nomination.rejected","note":"x","nomination":{
      "id":"9","subject_kind":"individual","subject_id":"gv-an","unit_id":"to-toan"}})");
  auto person = [](const char* id, const char* role, const char* unit) {
    Colleague c;
    c.id = id;
    c.role = role;
    c.unit_id = unit;
    return c;
  };
  const std::vector<Colleague> staff{
      person("gv-an", "leader", "to-toan"), person("gv-binh", "leader", "to-toan"),
      person("gv-chi", "staff", "to-toan"), person("gv-dung", "leader", "to-van")};
  EXPECT_EQ(personal_recipients(typed(event), staff),
            (std::vector<std::string>{"gv-an", "gv-binh"}));
  event["nomination"]["subject_kind"] = "collective";
  event["nomination"]["subject_id"] = "to-toan";
  EXPECT_EQ(personal_recipients(typed(event), staff),
            (std::vector<std::string>{"gv-an", "gv-binh"}));
  EXPECT_TRUE(personal_recipients(typed(event), {}).empty());
}

}  // namespace
}  // namespace thidua::notifications

namespace thidua::notifications {
namespace {
// A round's last days (issue 14): the group hears when, how many days are left, and what
// the unit leaders should do; on the last day, that it is the last.
nlohmann::json round_closing(int days_left, nlohmann::json awards = nlohmann::json::array()) {
  return {{"event_id", "0123456789abcdef0123456789abcdef"},
          {"type", "round.closing"},
          {"occurred_at", "2026-12-27T17:00:00Z"},
          {"school", "thcs-vinh-phong-1"},
          {"actor", "system"},
          {"round",
           {{"id", "xet-2026"},
            {"name", "Đợt xét khen thưởng năm 2026"},
            {"period", "2026"},
            {"period_label", "Năm 2026"},
            {"opens", "2026-11-01"},
            {"closes", "2026-12-31"},
            {"awards", awards}}},
          {"days_left", days_left}};
}

TEST(EventMessages, ARoundsLastDaysRemindTheLeadersInTheGroup) {
  auto text = message_for_event(typed(round_closing(3)), "— tự động");
  ASSERT_TRUE(text);
  EXPECT_EQ(*text,
            "⏰ Đợt xét khen thưởng năm 2026 nhận đề nghị khen thưởng đến hết ngày 31/12/2026, còn "
            "3 ngày nữa. Kính mời các thầy cô tổ trưởng hoàn tất và trình đề nghị của tổ trước "
            "hạn này.\n— tự động");
  auto last = message_for_event(typed(round_closing(0)), "");
  ASSERT_TRUE(last);
  EXPECT_EQ(*last,
            "⏰ Hôm nay (31/12/2026) là ngày cuối đợt xét khen thưởng năm 2026 nhận đề nghị khen "
            "thưởng. Kính mời các thầy cô tổ trưởng trình đề nghị của tổ trong ngày.");
  auto some = message_for_event(
      typed(round_closing(2, {{{"code", "gk_xa"}, {"label", "Giấy khen của Chủ tịch UBND xã"}}})),
      "");
  ASSERT_TRUE(some);
  EXPECT_TRUE(some->ends_with("\nHình thức khen thưởng của đợt: Giấy khen của Chủ tịch UBND xã."))
      << *some;
  // Nobody is told anything privately, and a malformed one says nothing.
  EXPECT_FALSE(personal_message_for_event(typed(round_closing(3)), "cô"));
  auto broken = round_closing(3);
  broken["round"].erase("closes");
  EXPECT_FALSE(message_for_event(typed(broken), ""));
}
}  // namespace
}  // namespace thidua::notifications
