// A nomination's history entries are stored as the JSON documents they always were
// (store/history_codec) and shown by the API with the same members in the same order
// (api/record_json): an entry written before it was typed reads back whole and is written
// back, and shown, byte for byte.
#include <gtest/gtest.h>

#include "nominations/api/record_json.hpp"
#include "nominations/store/history_codec.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

// As an earlier release appended them (keys sorted, as nlohmann::json::dump writes an object):
// a create (no status before) and a submit by the board with its exception.
const char* const kCreated =
    R"({"action":"create","at":"2026-10-01T01:00:00Z","by":"gv-lan","by_name":"Trần Thị Lan",)"
    R"("from":null,"note":"","to":"draft"})";
const char* const kSubmitted =
    R"({"action":"submit","at":"2026-10-02T02:00:00Z","by":"bgh-hieu","by_name":"Nguyễn Văn Hiếu",)"
    R"("exception_reason":"Thành tích khác: \"sáng kiến\"","from":"draft",)"
    R"("note":"Nộp thay tổ","to":"submitted"})";

TEST(StoredHistory, ReadsTheStoredEntryAndWritesItBackTheSame) {
  auto created = stored::read_history_entry(json::parse(kCreated));
  auto submitted = stored::read_history_entry(json::parse(kSubmitted));
  ASSERT_TRUE(created && submitted);
  EXPECT_FALSE(created->from);
  EXPECT_EQ(created->to, Status::Draft);
  EXPECT_FALSE(created->exception_reason);
  EXPECT_EQ(submitted->by_name, "Nguyễn Văn Hiếu");
  EXPECT_EQ(submitted->from, Status::Draft);
  EXPECT_EQ(submitted->to, Status::Submitted);
  EXPECT_EQ(submitted->note, "Nộp thay tổ");
  EXPECT_EQ(submitted->exception_reason, "Thành tích khác: \"sáng kiến\"");
  EXPECT_EQ(stored::to_json(*created).dump(), kCreated);
  EXPECT_EQ(stored::to_json(*submitted).dump(), kSubmitted);
  // The API shows the same documents.
  EXPECT_EQ(history_json({*created, *submitted}),
            std::string("[") + kCreated + "," + kSubmitted + "]");
  EXPECT_EQ(history_json({}), "[]");
}

// As a stored vote: what this codec did not write is left out, never fatal.
TEST(StoredHistory, GarbageIsLeftOut) {
  for (const json& j :
       {json(nullptr), json("{}"), json::array(), json(3), json::object(),
        json{{"action", "create"}, {"to", "bogus"}},
        json{{"action", "submit"}, {"to", "submitted"}, {"from", 4}},
        json{{"action", "submit"}, {"to", "submitted"}, {"from", "nowhere"}},
        json{{"action", 7}, {"to", "draft"}}, json{{"to", "draft"}, {"exception_reason", false}}}) {
    EXPECT_FALSE(stored::read_history_entry(j)) << j.dump();
  }
  auto e = stored::read_history_entry(json{{"to", "draft"}, {"extra", 1}});
  ASSERT_TRUE(e);
  EXPECT_EQ(stored::to_json(*e).dump(),
            R"({"action":"","at":"","by":"","by_name":"","from":null,"note":"","to":"draft"})");
}

}  // namespace
}  // namespace thidua::nominations
