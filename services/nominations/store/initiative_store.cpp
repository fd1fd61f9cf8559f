#include "nominations/store/initiative_store.hpp"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace thidua::nominations {
namespace {
using nlohmann::json;

// The stored form is this store's own; the API renders entries separately.
std::string encode(const Initiative& e) {
  json j = {{"id", e.id},
            {"title", e.title},
            {"author_ids", e.author_ids},
            {"author_names", e.author_names},
            {"unit_id", e.unit_id},
            {"unit_name", e.unit_name},
            {"content_area", e.content_area},
            {"year", e.year},
            {"summary", e.summary},
            {"level", initiative_level_code(e.level)},
            {"public", e.is_public},
            {"recorded_by", e.recorded_by},
            {"recorded_at", e.recorded_at},
            {"updated_by", e.updated_by},
            {"updated_at", e.updated_at}};
  if (e.decision) {
    j["decision"] = {{"number", e.decision->number},
                     {"date", iso_date(e.decision->date)},
                     {"issuer", e.decision->issuer}};
  }
  return j.dump();
}

std::optional<Initiative> decode(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  Initiative e;
  e.id = j.value("id", "");
  e.title = j.value("title", "");
  e.author_ids = j.value("author_ids", std::vector<std::string>{});
  e.author_names = j.value("author_names", std::vector<std::string>{});
  e.unit_id = j.value("unit_id", "");
  e.unit_name = j.value("unit_name", "");
  e.content_area = j.value("content_area", "");
  e.year = j.value("year", 0);
  e.summary = j.value("summary", "");
  e.level = parse_initiative_level(j.value("level", "")).value_or(InitiativeLevel::None);
  e.is_public = j.value("public", false);
  e.recorded_by = j.value("recorded_by", "");
  e.recorded_at = j.value("recorded_at", "");
  e.updated_by = j.value("updated_by", "");
  e.updated_at = j.value("updated_at", "");
  if (auto d = j.find("decision"); d != j.end() && d->is_object()) {
    if (auto date = parse_iso_date(d->value("date", ""))) {
      e.decision = InitiativeDecision{d->value("number", ""), *date, d->value("issuer", "")};
    }
  }
  return e;
}

long long numeric(const std::string& id) {
  return std::strtoll(id.c_str(), nullptr, 10);
}
}  // namespace

InitiativeStore::InitiativeStore(RedisPool& redis, Keyspace keys)
    : redis_(redis), keys_(std::move(keys)) {}

Task<std::string> InitiativeStore::next_id() {
  auto seq = co_await redis_.local().call("INCR", keys_("initiative-seq"));
  co_return std::to_string(seq.number());
}

Task<void> InitiativeStore::put(const Initiative& entry) {
  auto text = encode(entry);
  co_await redis_.local().call("HSET", keys_("initiatives"), entry.id, text);
}

Task<std::optional<Initiative>> InitiativeStore::get(const std::string& id) const {
  auto reply = co_await redis_.local().call("HGET", keys_("initiatives"), id);
  if (reply.is_nil()) co_return std::nullopt;
  co_return decode(reply.str);
}

Task<std::vector<Initiative>> InitiativeStore::all() const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("initiatives"));
  std::vector<Initiative> out;
  for (const auto& [id, value] : reply.fields()) {
    if (auto e = decode(value)) out.push_back(std::move(*e));
  }
  std::sort(out.begin(), out.end(),
            [](const Initiative& a, const Initiative& b) { return numeric(a.id) < numeric(b.id); });
  co_return out;
}

Task<bool> InitiativeStore::remove(const std::string& id) {
  auto reply = co_await redis_.local().call("HDEL", keys_("initiatives"), id);
  co_return reply.number() > 0;
}

}  // namespace thidua::nominations
