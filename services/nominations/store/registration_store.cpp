#include "nominations/store/registration_store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/event_loop.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

// A registration and the version in one step, so no loop's copy outlives a change.
// KEYS: the year's hash, version. ARGV: field, value.
const RedisScript kPut(R"lua(
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return redis.call('INCR', KEYS[2])
)lua");

std::string field(SubjectKind kind, const std::string& subject_id) {
  return std::string(subject_kind_name(kind)) + ":" + subject_id;
}

// The stored form is this store's own; the API renders registrations separately.
std::string encode(const Registration& r) {
  json targets = json::array();
  for (const auto& t : r.targets) targets.push_back({{"area", t.content_area}, {"text", t.text}});
  return json{{"year", r.year},
              {"kind", subject_kind_name(r.subject_kind)},
              {"subject_id", r.subject_id},
              {"subject_name", r.subject_name},
              {"unit_id", r.unit_id},
              {"unit_name", r.unit_name},
              {"titles", r.titles},
              {"targets", targets},
              {"status", registration_status_name(r.status)},
              {"confirmed_by", r.confirmed_by},
              {"confirmed_at", r.confirmed_at},
              {"updated_by", r.updated_by},
              {"updated_at", r.updated_at}}
      .dump();
}

std::optional<Registration> decode(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  auto kind = parse_subject_kind(j.value("kind", ""));
  auto status = parse_registration_status(j.value("status", ""));
  if (!kind || !status) return std::nullopt;
  Registration r;
  r.year = j.value("year", 0);
  r.subject_kind = *kind;
  r.subject_id = j.value("subject_id", "");
  r.subject_name = j.value("subject_name", "");
  r.unit_id = j.value("unit_id", "");
  r.unit_name = j.value("unit_name", "");
  r.titles = j.value("titles", std::vector<std::string>{});
  if (auto t = j.find("targets"); t != j.end() && t->is_array()) {
    for (const auto& e : *t) {
      if (e.is_object()) r.targets.push_back({e.value("area", ""), e.value("text", "")});
    }
  }
  r.status = *status;
  r.confirmed_by = j.value("confirmed_by", "");
  r.confirmed_at = j.value("confirmed_at", "");
  r.updated_by = j.value("updated_by", "");
  r.updated_at = j.value("updated_at", "");
  return r;
}
}  // namespace

RegistrationStore::RegistrationStore(RedisPool& redis, Keyspace keys)
    : redis_(redis), keys_(std::move(keys)) {}

std::string RegistrationStore::key(int year) const {
  return keys_("registrations:" + std::to_string(year));
}

Task<void> RegistrationStore::put(const Registration& r) {
  std::vector<std::string> keys{key(r.year), keys_("registrations:version")};
  std::vector<std::string> args{field(r.subject_kind, r.subject_id), encode(r)};
  co_await redis_.local().eval(kPut, std::move(keys), std::move(args));
}

Task<long long> RegistrationStore::version() const {
  auto reply = co_await redis_.local().call("GET", keys_("registrations:version"));
  co_return reply.is_nil() ? 0 : reply.number();
}

Task<std::optional<Registration>> RegistrationStore::get(long long version, int year,
                                                         SubjectKind kind,
                                                         const std::string& subject_id) const {
  auto& slot = cache_.at(current_loop_index());
  std::shared_ptr<const Year> kept;
  if (slot.version == version) {
    if (auto it = slot.years.find(year); it != slot.years.end()) kept = it->second;
  }
  if (!kept) {
    auto reply = co_await redis_.local().call("HGETALL", key(year));
    Year read;
    for (const auto& [subject, value] : reply.fields()) {
      if (auto r = decode(value)) read.emplace(subject, std::move(*r));
    }
    kept = std::make_shared<const Year>(std::move(read));
    // Read after `version`, so at least that new. Another request of this loop may have
    // moved the slot on meanwhile: never file this copy under a newer version.
    if (version > slot.version) slot = Cached{version, {}};
    if (version == slot.version) slot.years[year] = kept;
  }
  auto found = kept->find(field(kind, subject_id));
  if (found == kept->end()) co_return std::nullopt;
  co_return found->second;
}

Task<std::optional<Registration>> RegistrationStore::get(int year, SubjectKind kind,
                                                         const std::string& subject_id) const {
  long long at = co_await version();
  co_return co_await get(at, year, kind, subject_id);
}

Task<std::vector<Registration>> RegistrationStore::year(int year) const {
  auto k = key(year);
  auto reply = co_await redis_.local().call("HGETALL", k);
  std::vector<Registration> out;
  for (const auto& [subject, value] : reply.fields()) {
    if (auto r = decode(value)) out.push_back(std::move(*r));
  }
  std::sort(out.begin(), out.end(), [](const Registration& a, const Registration& b) {
    if (a.subject_kind != b.subject_kind) return a.subject_kind == SubjectKind::Collective;
    return a.subject_id < b.subject_id;
  });
  co_return out;
}

}  // namespace thidua::nominations
