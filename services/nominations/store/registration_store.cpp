#include "nominations/store/registration_store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace thidua::nominations {
namespace {
using nlohmann::json;

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
  auto k = key(r.year);
  auto f = field(r.subject_kind, r.subject_id);
  auto text = encode(r);
  co_await redis_.local().call("HSET", k, f, text);
}

Task<std::optional<Registration>> RegistrationStore::get(int year, SubjectKind kind,
                                                         const std::string& subject_id) const {
  auto k = key(year);
  auto f = field(kind, subject_id);
  auto reply = co_await redis_.local().call("HGET", k, f);
  if (reply.is_nil()) co_return std::nullopt;
  co_return decode(reply.str);
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
