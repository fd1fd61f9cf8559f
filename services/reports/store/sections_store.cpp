// The sections of the yearly report the board writes (ReportsStore, reports_store.hpp):
// one hash per year, a field per section (named by its API key) and the last edit's author
// and time. A patch is one script, so two board members editing different sections at once
// both keep what they wrote.
#include "reports/store/reports_store.hpp"
#include "reports/store/stored_forms.hpp"

namespace thidua::reports {
namespace {
// KEYS: the year's hash. ARGV: updated_by, updated_at, then field, value pairs; an empty
// value removes its field. Answers the hash as HGETALL does.
const RedisScript kPatchSections(R"lua(
for i = 3, #ARGV, 2 do
  if ARGV[i + 1] == '' then
    redis.call('HDEL', KEYS[1], ARGV[i])
  else
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
redis.call('HSET', KEYS[1], 'updated_by', ARGV[1], 'updated_at', ARGV[2])
return redis.call('HGETALL', KEYS[1])
)lua");

SchoolSections sections_of(const RedisReply& hash) {
  auto f = hash.fields();
  SchoolSections out;
  for (const auto& info : school_sections()) {
    auto it = f.find(std::string(info.key));
    if (it != f.end() && !it->second.empty()) out.text[info.section] = it->second;
  }
  out.updated_by = f["updated_by"];
  out.updated_at = f["updated_at"];
  return out;
}
}  // namespace

Task<SchoolSections> ReportsStore::sections(int year) const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("sections:" + std::to_string(year)));
  co_return sections_of(reply);
}

Task<SchoolSections> ReportsStore::patch_sections(int year, const SectionsPatch& patch,
                                                  const std::string& by, const std::string& at) {
  std::vector<std::string> keys{keys_("sections:" + std::to_string(year))};
  std::vector<std::string> args{by, at};
  for (const auto& info : school_sections()) {
    auto it = patch.find(info.section);
    if (it == patch.end()) continue;
    args.emplace_back(info.key);
    args.push_back(it->second);
  }
  auto reply = co_await redis_.local().eval(kPatchSections, std::move(keys), std::move(args));
  co_return sections_of(reply);
}

}  // namespace thidua::reports
