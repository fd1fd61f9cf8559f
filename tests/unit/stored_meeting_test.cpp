// A council meeting is stored as the JSON document it always was (store/meeting_codec) and
// shown by the API with the same members (api/council_codec): a document written before it
// was typed reads back whole and is written back, and shown, byte for byte. The meetings'
// scripts compare these documents as text, so the bytes matter.
#include <gtest/gtest.h>

#include "nominations/api/council_codec.hpp"
#include "nominations/store/meeting_codec.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

// As POST and then PUT /council/meetings wrote it (keys sorted, as nlohmann::json::dump
// writes an object).
const char* const kCorrected =
    R"({"agenda":"Xét đề nghị \"Lao động tiên tiến\"","chair":{"name":"Nguyễn Văn Hiếu","staff_id":"bgh-hieu"},)"
    R"("corrected_at":"2026-11-21T03:00:00Z","corrected_by":"bgh-hieu","date":"2026-11-20",)"
    R"("end_time":"16:00","id":"7","members":[)"
    R"({"name":"Nguyễn Văn Hiếu","position":"Hiệu trưởng","present":true,"staff_id":"bgh-hieu"},)"
    R"({"name":"Trần Thị Lan","position":"Thư ký","present":true,"staff_id":"gv-lan"},)"
    R"({"name":"Lê Văn Nam","position":"Tổ trưởng","present":false,"staff_id":"gv-nam"}],)"
    R"("members_present":2,"members_total":3,"note":"","place":"Phòng họp","quorum_met":true,)"
    R"("quorum_needed":2,"recorded_at":"2026-11-20T02:00:00Z","recorded_by":"gv-lan",)"
    R"("secretary":{"name":"Trần Thị Lan","staff_id":"gv-lan"},"start_time":"14:00"})";
// Recorded with its counts only, never corrected.
const char* const kCounts =
    R"({"agenda":"","chair":null,"date":"2026-11-02","end_time":"","id":"1","members":[],)"
    R"("members_present":7,"members_total":9,"note":"Họp thường kỳ","place":"",)"
    R"("quorum_met":true,"quorum_needed":6,"recorded_at":"2026-11-02T01:00:00Z",)"
    R"("recorded_by":"bgh-hieu","secretary":null,"start_time":""})";

TEST(StoredMeeting, ReadsTheStoredDocumentAndWritesItBackTheSame) {
  auto corrected = stored::read_meeting_record(json::parse(kCorrected));
  ASSERT_TRUE(corrected);
  EXPECT_EQ(corrected->meeting.id, "7");
  EXPECT_EQ(corrected->meeting.chair_id, "bgh-hieu");
  EXPECT_EQ(corrected->meeting.secretary_id, "gv-lan");
  ASSERT_EQ(corrected->meeting.members.size(), 3u);
  EXPECT_FALSE(corrected->meeting.members[2].present);
  EXPECT_EQ(corrected->quorum_needed, 2);
  EXPECT_EQ(corrected->recorded_by, "gv-lan");
  ASSERT_TRUE(corrected->corrected);
  EXPECT_EQ(corrected->corrected->at, "2026-11-21T03:00:00Z");
  EXPECT_EQ(stored::to_json(*corrected).dump(), kCorrected);
  EXPECT_EQ(meeting_json(*corrected).dump(), kCorrected);  // the API shows the same document

  auto counts = stored::read_meeting_record(json::parse(kCounts));
  ASSERT_TRUE(counts);
  EXPECT_FALSE(counts->corrected);
  EXPECT_TRUE(counts->meeting.chair_id.empty());
  EXPECT_EQ(stored::to_json(*counts).dump(), kCounts);
  EXPECT_EQ(meeting_json(*counts).dump(), kCounts);
}

// As a stored vote: what this codec did not write is read as no meeting, never fatal.
TEST(StoredMeeting, GarbageIsNoMeeting) {
  for (const json& j : {json(nullptr), json("{}"), json::array(), json(3), json{{"date", 20261120}},
                        json{{"quorum_met", "yes"}}, json{{"members", json::array({"gv-lan"})}},
                        json{{"recorded_by", json::object()}}}) {
    EXPECT_FALSE(stored::read_meeting_record(j)) << j.dump();
  }
}

}  // namespace
}  // namespace thidua::nominations
