#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "nominations/store/nomination_store.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_server.hpp"

namespace thidua::nominations {
namespace {

class NominationStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.start();
    pool_ = std::make_unique<RedisPool>(
        runner_.loops(), RedisEndpoint::parse(server_.url(), "test"), RedisOptions{});
    pool_->start();
    store_ = std::make_unique<NominationStore>(*pool_, keys_);
  }

  Nomination create(const std::string& name) {
    NewNomination data;
    data.period = "2026";
    data.award = "gk_xa";
    data.subject_kind = SubjectKind::Individual;
    data.subject_name = name;
    data.unit = "Tổ Toán – Tin";
    return runner_.run<Nomination>([&] { return store_->create(data, "bootstrap-admin"); });
  }
  std::string record_key(const std::string& id) { return keys_("nomination:" + id); }
  std::string events() { return NominationStore::events_stream(keys_); }

  testing::RedisServer server_;
  testing::LoopRunner runner_;
  Keyspace keys_{"thcs-vinh-phong-1", "nominations"};
  std::unique_ptr<RedisPool> pool_;
  std::unique_ptr<NominationStore> store_;
};

TEST_F(NominationStoreTest, CreateWritesTheRecordAndExactlyOneEvent) {
  auto n = create("Nguyễn Thị Hồng");
  EXPECT_EQ(n.id, "1");
  EXPECT_FALSE(n.created_at.empty());

  auto record = nlohmann::json::parse(server_.cmd1({"GET", record_key(n.id)}));
  EXPECT_EQ(record["subject_name"], "Nguyễn Thị Hồng");
  EXPECT_EQ(record["status"], "draft");
  EXPECT_EQ(record["created_by"], "bootstrap-admin");

  EXPECT_EQ(server_.cmd1({"XLEN", events()}), "1");
  auto entry = server_.cmd({"XRANGE", events(), "-", "+"});
  ASSERT_EQ(entry.size(), 5u);  // id, type, value, event, value
  EXPECT_EQ(entry[1], "type");
  EXPECT_EQ(entry[2], "nomination.created");
  EXPECT_EQ(entry[3], "event");
  auto event = nlohmann::json::parse(entry[4]);
  EXPECT_EQ(event["type"], "nomination.created");
  EXPECT_EQ(event["nomination_id"], "1");
  EXPECT_EQ(event["school"], "thcs-vinh-phong-1");
  EXPECT_EQ(event["nomination"], record);

  // get_json takes the id by reference and starts lazily: a named string, not a temporary.
  const std::string one = "1", unknown = "99";
  auto stored = runner_.run<std::optional<std::string>>([&] { return store_->get_json(one); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(nlohmann::json::parse(*stored), record);
  auto missing = runner_.run<std::optional<std::string>>([&] { return store_->get_json(unknown); });
  EXPECT_FALSE(missing);
}

TEST_F(NominationStoreTest, EveryKeyCarriesTheSchoolHashTag) {
  create("A");
  for (const auto& key : server_.cmd({"KEYS", "*"})) {
    EXPECT_TRUE(key.starts_with("{thcs-vinh-phong-1}:nominations:")) << key;
  }
}

TEST_F(NominationStoreTest, IdsFollowOneAnotherWithOneEventEach) {
  EXPECT_EQ(create("A").id, "1");
  EXPECT_EQ(create("B").id, "2");
  EXPECT_EQ(create("C").id, "3");
  EXPECT_EQ(server_.cmd1({"XLEN", events()}), "3");
}

TEST_F(NominationStoreTest, RecordAndEventSurviveACrash) {
  auto n = create("Phạm Văn Dũng");
  server_.kill();   // SIGKILL right after the acknowledged write
  server_.start();  // same directory: the AOF (appendfsync always) is replayed
  auto record = nlohmann::json::parse(server_.cmd1({"GET", record_key(n.id)}));
  EXPECT_EQ(record["subject_name"], "Phạm Văn Dũng");
  EXPECT_EQ(server_.cmd1({"XLEN", events()}), "1");
  // The sequence survives too, so no id is handed out twice.
  runner_.run_void([this]() -> Task<void> {
    // The pool reconnects by itself; wait until it answers.
    for (int i = 0; i < 200; ++i) {
      try {
        co_await pool_->local().call("PING");
        break;
      } catch (const RedisUnavailable&) {
      }
      co_await sleep_for(std::chrono::milliseconds(50));
    }
  });
  EXPECT_EQ(create("Next").id, "2");
  EXPECT_EQ(server_.cmd1({"XLEN", events()}), "2");
}

}  // namespace
}  // namespace thidua::nominations
