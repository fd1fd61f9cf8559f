// The events the nominations service writes to {<school>}:nominations:events validate
// against proto/events/nominations-event.schema.json and agree with the API.
#include <gtest/gtest.h>

#include <iostream>
#include <regex>

#include "contract/contract_docs.hpp"
#include "contract/service_stack.hpp"

namespace thidua::contract {
namespace {
using nlohmann::json;

const std::string kNominations = "/api/nominations/v1/nominations";

struct StreamEntry {
  std::string id;
  std::map<std::string, std::string> fields;
};

// XRANGE's reply as RedisServer::cmd flattens it: id, field, value, field, value, id, ...
std::vector<StreamEntry> parse_xrange(const std::vector<std::string>& flat) {
  static const std::regex entry_id(R"(^[0-9]+-[0-9]+$)");
  std::vector<StreamEntry> entries;
  std::size_t i = 0;
  while (i < flat.size()) {
    if (!std::regex_match(flat[i], entry_id)) {
      throw std::runtime_error("XRANGE reply: expected an entry id, got " + flat[i]);
    }
    StreamEntry entry{flat[i++], {}};
    while (i + 1 < flat.size() && !std::regex_match(flat[i], entry_id)) {
      entry.fields[flat[i]] = flat[i + 1];
      i += 2;
    }
    if (i + 1 == flat.size() && !std::regex_match(flat[i], entry_id)) {
      throw std::runtime_error("XRANGE reply: a field without a value: " + flat[i]);
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

TEST(EventContractTest, NominationEventsValidateAndAgreeWithTheApi) {
  ServiceStack stack;
  // Round reminders looked for often, so that one is written during the test.
  stack.start("nominations", {{"THIDUA_ROUND_REMINDER_TICK_MS", "100"}});
  const auto admin = stack.token("admin");
  std::map<std::string, json> created;  // id -> the API's answer
  for (const json& body : {json{{"period", "2026"},
                                {"award", "bk_tinh"},
                                {"subject_kind", "individual"},
                                {"subject_id", "gv-b"},
                                {"reason", "Sáng kiến số hoá hồ sơ chuyên môn."}},
                           json{{"period", "tong-ket-2030"},
                                {"award", "gk_xa"},
                                {"subject_kind", "collective"},
                                {"subject_id", "to-van-phong"}}}) {
    auto answer = stack.call("nominations", "POST", kNominations, body.dump(), admin);
    ASSERT_EQ(answer.status, 201) << answer.body << "\n" << stack.logs();
    auto nomination = json::parse(answer.body);
    created[nomination.at("id").get<std::string>()] = nomination;
  }

  // A round that closes today (the services' today): its reminder, round.closing, is written.
  auto rounds = stack.call("nominations", "GET", "/api/nominations/v1/rounds", "", admin);
  ASSERT_EQ(rounds.status, 200) << rounds.body;
  const std::string today = json::parse(rounds.body).at("today");
  json round = {{"period", "2027"},
                {"name", "Đợt xét một ngày"},
                {"opens", today},
                {"closes", today},
                {"awards", {"gk_xa"}}};
  auto opened =
      stack.call("nominations", "POST", "/api/nominations/v1/rounds", round.dump(), admin);
  ASSERT_EQ(opened.status, 201) << opened.body;

  const std::string stream = "{" + std::string(ServiceStack::kSchool) + "}:nominations:events";
  ASSERT_TRUE(testing::wait_until([&] {
    for (const auto& e : parse_xrange(stack.redis().cmd({"XRANGE", stream, "-", "+"}))) {
      if (e.fields.count("type") && e.fields.at("type") == "round.closing") return true;
    }
    return false;
  })) << stack.logs();
  auto entries = parse_xrange(stack.redis().cmd({"XRANGE", stream, "-", "+"}));
  ASSERT_GE(entries.size(), created.size())
      << "expected an event per created nomination on " << stream;

  const auto schema_path = event_schema_path("nominations-event");
  JsonSchema schema(load_json_file(schema_path));
  std::set<std::string> announced;
  for (const auto& entry : entries) {
    const std::string where = stream + " " + entry.id;
    ASSERT_TRUE(entry.fields.count("event")) << where << " has no field \"event\"";
    ASSERT_TRUE(entry.fields.count("type")) << where << " has no field \"type\"";
    auto event = json::parse(entry.fields.at("event"), nullptr, false);
    ASSERT_FALSE(event.is_discarded()) << where << ": \"event\" is not JSON";

    auto errors = schema.validate(event);
    EXPECT_TRUE(errors.empty()) << where << ": the event departs from " << schema_path << ":\n"
                                << join_errors(errors) << event.dump(2);
    EXPECT_EQ(entry.fields.at("type"), event.value("type", ""))
        << where << ": the flat field \"type\" differs from the event's";
    EXPECT_EQ(event.value("school", ""), ServiceStack::kSchool) << where;
    if (event.contains("nomination") && event["nomination"].is_object()) {
      EXPECT_EQ(event.value("nomination_id", ""), event["nomination"].value("id", "")) << where;
    }
    if (event.value("type", "") == "nomination.created") {
      const auto id = event.value("nomination_id", "");
      announced.insert(id);
      ASSERT_TRUE(created.count(id)) << where << ": an event for a nomination nobody created";
      // Events carry the nomination's summary: each of its fields as the API answered it.
      for (auto it = event["nomination"].begin(); it != event["nomination"].end(); ++it) {
        EXPECT_EQ(it.value(), created[id].value(it.key(), json()))
            << where << ": the event's nomination." << it.key() << " is not what the API answered";
      }
      EXPECT_EQ(event.value("actor", ""), created[id].value("created_by", "")) << where;
    }
  }
  for (const auto& [id, nomination] : created) {
    EXPECT_TRUE(announced.count(id)) << "no nomination.created event for nomination " << id;
  }
}

}  // namespace
}  // namespace thidua::contract
