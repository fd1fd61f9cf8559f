// Nominations' events as notifications reads them off the stream (api/event_codec) and as
// the digest keeps them (store/digest_event_codec).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "notifications/api/event_codec.hpp"
#include "notifications/store/digest_event_codec.hpp"

using namespace thidua;
using namespace thidua::notifications;
using nlohmann::json;

namespace {
// An awarded nomination as nominations writes it (proto/events/nominations-event.schema.json).
const char* kAwarded = R"({
  "event_id": "0123456789abcdef0123456789abcdef",
  "type": "nomination.awarded",
  "occurred_at": "2026-12-01T03:00:00Z",
  "school": "thcs-vinh-phong-1",
  "actor": "gv-hieu-truong",
  "nomination_id": "12",
  "nomination": {"id": "12", "period": "2026", "period_label": "Năm 2026", "award": "gk_xa",
    "award_label": "Giấy khen của Chủ tịch UBND xã", "subject_kind": "individual",
    "subject_id": "gv-an", "subject_name": "Nguyễn Văn An", "unit_id": "to-toan-tin",
    "unit_name": "Tổ Toán – Tin", "status": "awarded", "status_label": "Đã được khen thưởng",
    "created_at": "2026-10-01T01:00:00Z", "updated_at": "2026-12-01T03:00:00Z"},
  "from": "forwarded",
  "to": "awarded",
  "note": "Theo đề nghị của Hội đồng",
  "decision": {"number": "245/QĐ-UBND", "date": "2026-11-28"}
})";

const char* kRoundClosing = R"({
  "event_id": "fedcba9876543210fedcba9876543210",
  "type": "round.closing",
  "occurred_at": "2026-12-27T17:00:00Z",
  "school": "thcs-vinh-phong-1",
  "actor": "system",
  "round": {"id": "xet-2026", "name": "Đợt xét khen thưởng năm 2026", "period": "2026",
    "period_label": "Năm 2026", "opens": "2026-11-01", "closes": "2026-12-31",
    "awards": [{"code": "gk_xa", "label": "Giấy khen của Chủ tịch UBND xã"},
               {"code": "ldtt", "label": "Lao động tiên tiến"}]},
  "days_left": 3
})";

TEST(EventCodec, ReadsANominationEventWhole) {
  auto e = parse_event_text(kAwarded);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->event_id, "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(e->content_id, "");
  EXPECT_EQ(e->once_id(), e->event_id);
  EXPECT_EQ(e->type, "nomination.awarded");
  EXPECT_EQ(e->occurred_at, "2026-12-01T03:00:00Z");
  EXPECT_EQ(e->actor, "gv-hieu-truong");
  EXPECT_EQ(e->from, "forwarded");
  EXPECT_EQ(e->to, "awarded");
  EXPECT_EQ(e->note, "Theo đề nghị của Hội đồng");
  EXPECT_EQ(e->decision.number, "245/QĐ-UBND");
  EXPECT_EQ(e->decision.date, "2026-11-28");
  EXPECT_FALSE(e->days_left);
  EXPECT_EQ(e->round.name, "");
  ASSERT_TRUE(e->nomination);
  const auto& n = *e->nomination;
  EXPECT_EQ(n.id, "12");
  EXPECT_EQ(n.period, "2026");
  EXPECT_EQ(n.period_label, "Năm 2026");
  EXPECT_EQ(n.award, "gk_xa");
  EXPECT_EQ(n.award_label, "Giấy khen của Chủ tịch UBND xã");
  EXPECT_EQ(n.subject_kind, "individual");
  EXPECT_EQ(n.subject_id, "gv-an");
  EXPECT_EQ(n.subject_name, "Nguyễn Văn An");
  EXPECT_EQ(n.unit_id, "to-toan-tin");
  EXPECT_EQ(n.unit_name, "Tổ Toán – Tin");
  EXPECT_EQ(n.status, "awarded");
  EXPECT_EQ(n.status_label, "Đã được khen thưởng");
}

TEST(EventCodec, ReadsARoundClosing) {
  auto e = parse_event_text(kRoundClosing);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "round.closing");
  EXPECT_FALSE(e->nomination);
  EXPECT_EQ(e->days_left, 3);
  EXPECT_EQ(e->round.id, "xet-2026");
  EXPECT_EQ(e->round.name, "Đợt xét khen thưởng năm 2026");
  EXPECT_EQ(e->round.period, "2026");
  EXPECT_EQ(e->round.period_label, "Năm 2026");
  EXPECT_EQ(e->round.opens, "2026-11-01");
  EXPECT_EQ(e->round.closes, "2026-12-31");
  EXPECT_EQ(e->round.award_labels,
            (std::vector<std::string>{"Giấy khen của Chủ tịch UBND xã", "Lao động tiên tiến"}));
}

// The schema requires an id; one that comes without is known by its content, with the id
// the digest always gave it, so a batch taken in before the events were typed still counts
// a redelivery as seen.
TEST(EventCodec, AnEventWithoutAnIdIsKnownByItsContent) {
  auto j = json::parse(kAwarded);
  j.erase("event_id");
  auto e = parse_event(j);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->event_id, "");
  EXPECT_EQ(e->content_id, "sha-" + crypto::sha256_hex(j.dump()).substr(0, 32));
  EXPECT_EQ(e->once_id(), e->content_id);
  EXPECT_EQ(parse_event_text(j.dump(2))->content_id, e->content_id);
  j["event_id"] = "";  // empty is none
  EXPECT_EQ(parse_event(j)->once_id().substr(0, 4), "sha-");
  j["note"] = "Một lý do khác";
  EXPECT_NE(parse_event(j)->content_id, e->content_id);
  j["event_id"] = 42;  // mistyped: none either
  EXPECT_EQ(parse_event(j)->event_id, "");
}

TEST(EventCodec, GarbageIsNoEventAndOddFieldsAreEmpty) {
  EXPECT_FALSE(parse_event_text("not json"));
  EXPECT_FALSE(parse_event_text(""));
  EXPECT_FALSE(parse_event_text("[1, 2]"));
  EXPECT_FALSE(parse_event(json(5)));
  // A type notifications does not know is read all the same; the rules say nothing of it.
  auto unknown = parse_event_text(R"({"type": "nomination.archived"})");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->type, "nomination.archived");
  auto j = json::parse(kAwarded);
  j["type"] = 1;
  j["decision"] = "245/QĐ-UBND";
  j["days_left"] = "3";
  j["nomination"]["subject_name"] = 5;
  j["nomination"].erase("award_label");  // an older event: named by the award's code
  auto odd = parse_event(j);
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->type, "");
  EXPECT_EQ(odd->decision.number, "");
  EXPECT_FALSE(odd->days_left);
  ASSERT_TRUE(odd->nomination);
  EXPECT_EQ(odd->nomination->subject_name, "");
  EXPECT_EQ(odd->nomination->award_label, "gk_xa");
  j["nomination"] = "12";
  EXPECT_FALSE(parse_event(j)->nomination);
}

TEST(DigestEventCodec, KeepsWhatTheDigestReads) {
  auto e = *parse_event_text(kAwarded);
  e.note.clear();  // as DigestApp keeps it: the reason stays out of the digest
  auto back = decode_digest_event(encode_digest_event(e));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->event_id, e.event_id);
  EXPECT_EQ(back->type, e.type);
  EXPECT_EQ(back->occurred_at, e.occurred_at);
  EXPECT_EQ(back->actor, e.actor);
  EXPECT_EQ(back->from, e.from);
  EXPECT_EQ(back->to, e.to);
  EXPECT_EQ(back->note, "");
  EXPECT_EQ(back->decision.number, e.decision.number);
  EXPECT_EQ(back->decision.date, e.decision.date);
  ASSERT_TRUE(back->nomination);
  EXPECT_EQ(back->nomination->award_label, e.nomination->award_label);
  EXPECT_EQ(back->nomination->subject_name, e.nomination->subject_name);
  EXPECT_EQ(back->nomination->unit_name, e.nomination->unit_name);
  EXPECT_EQ(back->nomination->period_label, e.nomination->period_label);
  EXPECT_EQ(back->nomination->subject_kind, e.nomination->subject_kind);
  // The stored form is the event's own shape.
  auto stored = json::parse(encode_digest_event(e));
  EXPECT_EQ(stored["nomination"]["subject_name"], "Nguyễn Văn An");
  EXPECT_EQ(stored["decision"]["number"], "245/QĐ-UBND");
  EXPECT_FALSE(stored.contains("note"));
}

// Batches stored before the events were typed hold the event whole, as it came.
TEST(DigestEventCodec, ReadsEventsStoredWhole) {
  auto old = json::parse(kAwarded);
  old.erase("note");
  old["nomination"].erase("award_label");
  auto e = decode_digest_event(old.dump());
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "nomination.awarded");
  EXPECT_EQ(e->occurred_at, "2026-12-01T03:00:00Z");
  ASSERT_TRUE(e->nomination);
  EXPECT_EQ(e->nomination->award_label, "gk_xa");
  EXPECT_EQ(e->nomination->subject_name, "Nguyễn Văn An");
  EXPECT_EQ(e->decision.date, "2026-11-28");
  EXPECT_FALSE(decode_digest_event("not json"));
  EXPECT_FALSE(decode_digest_event("[]"));
}
}  // namespace
