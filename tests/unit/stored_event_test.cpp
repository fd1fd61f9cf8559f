// The events of the nominations stream are rendered by one codec (store/event_codec) from the
// typed NominationEvent that app/ builds. Each shape keeps the bytes the stream has always
// carried: the members proto/events/nominations-event.schema.json allows for that type, no
// other, every object's members sorted by name (as nlohmann::json::dump wrote them).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "nominations/store/event_codec.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

const char* const kEventId = "0123456789abcdef0123456789abcdef";

NominationRecord record(Status status) {
  NominationRecord r;
  r.id = "7";
  r.draft.period = "2026";
  r.draft.award = "gk_xa";
  r.draft.subject_kind = SubjectKind::Individual;
  r.draft.subject_id = "gv-lan";
  r.draft.reason = "Dạy học số hiệu quả";  // not in the summary
  r.status = status;
  r.subject_name = "Nguyễn Thị Lan";
  r.unit_id = "to-van";
  r.unit_name = "Tổ Ngữ văn";
  r.award_label = "Giấy khen";
  r.period_label = "Năm 2026";
  r.created_by = "gv-an";
  r.created_at = "2026-09-01T01:00:00Z";
  r.updated_at = "2026-12-02T03:00:00Z";
  return r;
}

// The summary of record(status), as events carry it.
std::string summary(const std::string& status, const std::string& label) {
  return R"({"award":"gk_xa","award_label":"Giấy khen","created_at":"2026-09-01T01:00:00Z",)"
         R"("id":"7","period":"2026","period_label":"Năm 2026","status":")" +
         status + R"(","status_label":")" + label +
         R"(","subject_id":"gv-lan","subject_kind":"individual",)"
         R"("subject_name":"Nguyễn Thị Lan","unit_id":"to-van","unit_name":"Tổ Ngữ văn",)"
         R"("updated_at":"2026-12-02T03:00:00Z"})";
}

NominationEvent event_of(const std::string& type, const std::string& actor) {
  NominationEvent e;
  e.event_id = kEventId;
  e.type = type;
  e.occurred_at = "2026-12-02T03:00:00Z";
  e.school = "thcs-vinh-phong-1";
  e.actor = actor;
  return e;
}

NominationEvent change(const std::string& type, Status status,
                       std::optional<EventTransition> transition) {
  auto e = event_of(type, "bgh-hieu");
  NominationChange c;
  c.nomination = record(status);
  c.transition = std::move(transition);
  e.body = std::move(c);
  return e;
}

std::vector<std::string> members(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& [key, value] : json::parse(text).items()) out.push_back(key);
  return out;
}

using Members = std::vector<std::string>;

TEST(StoredEvent, CreatedCarriesTheSummaryAndNoTransition) {
  auto text = stored::event_json(change("nomination.created", Status::Draft, std::nullopt));
  EXPECT_EQ(members(text), (Members{"actor", "event_id", "nomination", "nomination_id",
                                    "occurred_at", "school", "type"}));
  EXPECT_EQ(text, std::string(R"({"actor":"bgh-hieu","event_id":")") + kEventId +
                      R"(","nomination":)" + summary("draft", "Nháp") +
                      R"(,"nomination_id":"7","occurred_at":"2026-12-02T03:00:00Z",)"
                      R"("school":"thcs-vinh-phong-1","type":"nomination.created"})");
}

TEST(StoredEvent, TransitionCarriesFromToAndItsNote) {
  EventTransition t;
  t.from = Status::UnderReview;
  t.to = Status::Rejected;
  t.note = "Chưa đủ minh chứng \"số\"";
  auto text = stored::event_json(change("nomination.rejected", Status::Rejected, t));
  EXPECT_EQ(members(text), (Members{"actor", "event_id", "from", "nomination", "nomination_id",
                                    "note", "occurred_at", "school", "to", "type"}));
  EXPECT_EQ(text, std::string(R"({"actor":"bgh-hieu","event_id":")") + kEventId +
                      R"(","from":"under_review","nomination":)" +
                      summary("rejected", "Không được thông qua") +
                      R"(,"nomination_id":"7","note":"Chưa đủ minh chứng \"số\"",)"
                      R"("occurred_at":"2026-12-02T03:00:00Z","school":"thcs-vinh-phong-1",)"
                      R"("to":"rejected","type":"nomination.rejected"})");

  // No note given: no member (the schema's note has minLength 1).
  t.from = Status::Submitted;
  t.to = Status::UnderReview;
  t.note.clear();
  text = stored::event_json(change("nomination.under_review", Status::UnderReview, t));
  EXPECT_EQ(members(text), (Members{"actor", "event_id", "from", "nomination", "nomination_id",
                                    "occurred_at", "school", "to", "type"}));
}

TEST(StoredEvent, AwardedCarriesTheDecision) {
  EventTransition t;
  t.from = Status::Forwarded;
  t.to = Status::Awarded;
  t.decision = Decision{"245/QĐ-UBND", "2026-12-01"};
  auto text = stored::event_json(change("nomination.awarded", Status::Awarded, t));
  EXPECT_EQ(members(text), (Members{"actor", "decision", "event_id", "from", "nomination",
                                    "nomination_id", "occurred_at", "school", "to", "type"}));
  EXPECT_EQ(text,
            std::string(R"({"actor":"bgh-hieu",)") +
                R"("decision":{"date":"2026-12-01","number":"245/QĐ-UBND"},"event_id":")" +
                kEventId + R"(","from":"forwarded","nomination":)" +
                summary("awarded", "Đã được khen thưởng") +
                R"(,"nomination_id":"7","occurred_at":"2026-12-02T03:00:00Z",)"
                R"("school":"thcs-vinh-phong-1","to":"awarded","type":"nomination.awarded"})");
}

TEST(StoredEvent, RoundClosingCarriesTheRoundAndTheDaysLeftWithoutANomination) {
  auto e = event_of("round.closing", "system");
  ClosingRound round;
  round.id = "nam-2026";
  round.name = "Đợt xét khen thưởng năm 2026";
  round.period = "2026";
  round.period_label = "Năm 2026";
  round.opens = "2026-11-01";
  round.closes = "2026-12-05";
  round.awards = {{"gk_xa", "Giấy khen"}, {"lao_dong_tien_tien", "Lao động tiên tiến"}};
  round.days_left = 3;
  e.body = round;
  auto text = stored::event_json(e);
  EXPECT_EQ(members(text),
            (Members{"actor", "days_left", "event_id", "occurred_at", "round", "school", "type"}));
  EXPECT_EQ(text,
            std::string(R"({"actor":"system","days_left":3,"event_id":")") + kEventId +
                R"(","occurred_at":"2026-12-02T03:00:00Z","round":{"awards":[)"
                R"({"code":"gk_xa","label":"Giấy khen"},)"
                R"({"code":"lao_dong_tien_tien","label":"Lao động tiên tiến"}],)"
                R"("closes":"2026-12-05","id":"nam-2026","name":"Đợt xét khen thưởng năm 2026",)"
                R"("opens":"2026-11-01","period":"2026","period_label":"Năm 2026"},)"
                R"("school":"thcs-vinh-phong-1","type":"round.closing"})");

  // A round for every form of its period: an empty list, not a missing member.
  round.awards.clear();
  round.days_left = 0;
  e.body = round;
  auto j = json::parse(stored::event_json(e));
  EXPECT_EQ(j["round"]["awards"], json::array());
  EXPECT_EQ(j["days_left"], 0);
}

}  // namespace
}  // namespace thidua::nominations
