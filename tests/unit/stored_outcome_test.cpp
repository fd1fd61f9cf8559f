// A nomination's outcome is stored in the record's hash as the JSON document it always was
// (store/nomination_codec) and shown by the API under the same names (api/record_json): an
// outcome written before it was typed reads back whole and is written back byte for byte.
#include <gtest/gtest.h>

#include "nominations/api/record_json.hpp"
#include "nominations/store/nomination_codec.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

// Every part, as the transitions of an earlier release wrote them (keys sorted, as
// nlohmann::json::dump writes an object).
const char* const kStored =
    R"({"approval":{"by":"bgh-hieu","date":"2026-11-21"},)"
    R"("award_exception":{"at":"2026-10-02T02:00:00Z","by":"bgh-hieu","reason":"Thành tích khác: \"sáng kiến\""},)"
    R"("decision":{"date":"2026-11-28","number":"245/QĐ-UBND"},)"
    R"("forwarding":{"date":"2026-11-25","reference":"12/TTr-THCS"},)"
    R"("not_awarded":{"reason":"Hết chỉ tiêu cấp huyện"},)"
    R"("public_achievement":"Bài giảng điện tử đạt giải cấp huyện",)"
    R"("rejection":{"at":"2026-11-22T03:00:00Z","by":"bgh-hieu","reason":"Chưa đủ minh chứng"}})";

std::string api_outcome(const Outcome& o) {
  JsonWriter w;
  write_outcome(w, o);
  return w.take();
}

TEST(StoredOutcome, ReadsTheStoredDocumentAndWritesItBackTheSame) {
  auto o = stored::read_outcome(json::parse(kStored));
  ASSERT_TRUE(o.approval && o.rejection && o.forwarding && o.decision && o.not_awarded &&
              o.award_exception && o.public_achievement);
  EXPECT_EQ(o.approval->date, "2026-11-21");
  EXPECT_EQ(o.rejection->reason, "Chưa đủ minh chứng");
  EXPECT_EQ(o.forwarding->reference, "12/TTr-THCS");
  EXPECT_EQ(o.decision->number, "245/QĐ-UBND");
  EXPECT_EQ(o.not_awarded->reason, "Hết chỉ tiêu cấp huyện");
  EXPECT_EQ(o.award_exception->by, "bgh-hieu");
  EXPECT_EQ(stored::to_json(o).dump(), kStored);
  EXPECT_EQ(api_outcome(o), kStored);  // the API shows the same document
}

TEST(StoredOutcome, PartsNotSetAreAbsentAndNothingIsAnEmptyObject) {
  EXPECT_EQ(stored::to_json(Outcome{}).dump(), "{}");
  EXPECT_EQ(api_outcome(Outcome{}), "{}");
  const char* const decided = R"({"decision":{"date":"2026-11-28","number":"245/QĐ-UBND"}})";
  auto o = stored::read_outcome(json::parse(decided));
  EXPECT_FALSE(o.approval || o.public_achievement || o.award_exception);
  EXPECT_EQ(stored::to_json(o).dump(), decided);
  EXPECT_EQ(api_outcome(o), decided);
}

// As a stored vote: what this codec did not write is left out, never fatal.
TEST(StoredOutcome, GarbageIsLeftOut) {
  for (const json& j : {json(nullptr), json("{}"), json::array(), json(3)}) {
    EXPECT_EQ(stored::to_json(stored::read_outcome(j)).dump(), "{}") << j.dump();
  }
  auto o = stored::read_outcome(json{{"note", "ok"},
                                     {"approval", "2026-11-21"},
                                     {"decision", {{"number", 245}, {"date", "2026-11-28"}}},
                                     {"public_achievement", 7},
                                     {"rejection", {{"reason", "Chưa đủ"}, {"extra", 1}}}});
  EXPECT_FALSE(o.approval);  // not an object
  EXPECT_FALSE(o.decision);  // a field of another type
  EXPECT_FALSE(o.public_achievement);
  ASSERT_TRUE(o.rejection);  // unknown members are dropped, missing ones are empty
  EXPECT_EQ(stored::to_json(o),
            (json{{"rejection", {{"reason", "Chưa đủ"}, {"by", ""}, {"at", ""}}}}));
}
}  // namespace
}  // namespace thidua::nominations
