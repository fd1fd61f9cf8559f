// NominationStore, what the council keeps beside the nominations: a nomination's vote, the
// dossier's items as received, and the council meetings (stored as JSON documents by id,
// numbered by their own sequence). nomination_store.cpp holds the nominations themselves.
#include <algorithm>

#include "nominations/store/nomination_codec.hpp"
#include "nominations/store/nomination_store.hpp"

namespace thidua::nominations {
using nlohmann::json;

Task<void> NominationStore::set_vote(const std::string& id, const json& vote) {
  co_await redis_.local().call("HSET", keys_("n:" + id), "vote", vote.dump());
}

Task<std::map<std::string, DossierReceipt>> NominationStore::dossier(const std::string& id) const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("n:" + id + ":dossier"));
  std::map<std::string, DossierReceipt> out;
  for (const auto& [item, value] : reply.fields()) {
    auto j = json::parse(value, nullptr, false);
    if (!j.is_object()) continue;
    out[item] = {j.value("copies", 0), j.value("received_by", ""), j.value("received_at", "")};
  }
  co_return out;
}

Task<void> NominationStore::receive_dossier_item(const std::string& id, const std::string& item,
                                                 const DossierReceipt& r) {
  json j = {{"copies", r.copies}, {"received_by", r.received_by}, {"received_at", r.received_at}};
  co_await redis_.local().call("HSET", keys_("n:" + id + ":dossier"), item, j.dump());
}

Task<json> NominationStore::add_meeting(const Meeting& meeting, const json& recorded) {
  auto& redis = redis_.local();
  auto seq = co_await redis.call("INCR", keys_("meeting-seq"));
  std::string id = std::to_string(seq.number());
  json m = stored::to_json(meeting);
  for (const auto& [key, value] : recorded.items()) m[key] = value;
  m["id"] = id;
  co_await redis.call("HSET", keys_("meetings"), id, m.dump());
  co_return m;
}

Task<std::optional<Meeting>> NominationStore::meeting(const std::string& id) const {
  auto reply = co_await redis_.local().call("HGET", keys_("meetings"), id);
  if (reply.is_nil()) co_return std::nullopt;
  co_return stored::read_meeting(json::parse(reply.str, nullptr, false));
}

Task<json> NominationStore::replace_meeting(const Meeting& meeting, const json& corrected) {
  auto& redis = redis_.local();
  auto reply = co_await redis.call("HGET", keys_("meetings"), meeting.id);
  const json before = json::parse(reply.str, nullptr, false);
  json m = stored::to_json(meeting);
  for (const auto& [key, value] : corrected.items()) m[key] = value;
  for (const std::string key : {"recorded_by", "recorded_at"}) {
    m[key] = before.is_object() ? before.value(key, std::string()) : std::string();
  }
  m["id"] = meeting.id;
  co_await redis.call("HSET", keys_("meetings"), meeting.id, m.dump());
  co_return m;
}

Task<std::vector<json>> NominationStore::meetings() const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("meetings"));
  std::vector<json> out;
  for (const auto& [id, value] : reply.fields()) {
    out.push_back(json::parse(value, nullptr, false));
  }
  std::sort(out.begin(), out.end(), [](const json& a, const json& b) {
    return std::stoll(a.value("id", "0")) < std::stoll(b.value("id", "0"));
  });
  co_return out;
}

}  // namespace thidua::nominations
