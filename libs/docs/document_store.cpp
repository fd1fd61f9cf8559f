#include "docs/document_store.hpp"

#include <nlohmann/json.hpp>

namespace thidua::docs {
namespace {
using nlohmann::json;

// KEYS: seq, document hash, register, versions. ARGV: expected last number, expected version
// count, id, meta, docx, pdf. Takes the number only if nobody took one since the caller
// looked, and adds the version only if nobody added one: otherwise 'raced', nothing written.
const RedisScript kCommit(R"lua(
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if last ~= tonumber(ARGV[1]) then return 'raced' end
if redis.call('LLEN', KEYS[4]) ~= tonumber(ARGV[2]) then return 'raced' end
if redis.call('EXISTS', KEYS[2]) == 1 then return 'raced' end
redis.call('SET', KEYS[1], last + 1)
redis.call('HSET', KEYS[2], 'meta', ARGV[4], 'docx', ARGV[5], 'pdf', ARGV[6])
redis.call('RPUSH', KEYS[3], ARGV[3])
redis.call('RPUSH', KEYS[4], ARGV[3])
return 'ok'
)lua");
}  // namespace

DocumentStore::DocumentStore(RedisPool& redis, Keyspace keys)
    : redis_(redis), keys_(std::move(keys)) {}

std::string DocumentStore::seq_key(int year, const std::string& type) const {
  return keys_.foreign("docs", "seq:" + std::to_string(year) + ":" + type);
}
std::string DocumentStore::versions_key(const std::string& kind, const std::string& subject) const {
  return keys_.foreign("docs", "versions:" + kind + ":" + subject);
}
std::string DocumentStore::doc_key(const std::string& id) const {
  return keys_.foreign("docs", "doc:" + id);
}

Task<std::vector<IssuedDocument>> DocumentStore::load(const std::vector<std::string>& ids) const {
  std::vector<std::vector<std::string>> commands;
  for (const auto& id : ids) commands.push_back({"HGET", doc_key(id), "meta"});
  std::vector<IssuedDocument> out;
  if (commands.empty()) co_return out;
  auto replies = co_await redis_.local().batch(std::move(commands));
  for (const auto& r : replies) {
    if (r.type != RedisReply::Type::String) continue;
    auto j = json::parse(r.str, nullptr, false);
    if (j.is_object()) out.push_back(issued_from_json(j));
  }
  co_return out;
}

Task<IssueState> DocumentStore::issue_state(int number_year, const std::string& type,
                                            const std::string& kind,
                                            const std::string& subject) const {
  IssueState s;
  auto last = co_await redis_.local().call("GET", seq_key(number_year, type));
  s.last_number = last.is_nil() ? 0 : static_cast<int>(last.number());
  auto ids = co_await redis_.local().call("LRANGE", versions_key(kind, subject), 0, -1);
  std::vector<std::string> list;
  for (const auto& e : ids.elements) list.push_back(e.str);
  s.versions = co_await load(list);
  co_return s;
}

Task<CommitResult> DocumentStore::commit(const IssueState& seen, const IssuedDocument& doc,
                                         const std::string& docx, const std::string& pdf) {
  std::vector<std::string> keys = {seq_key(doc.number_year, doc.type), doc_key(doc.id),
                                   keys_.foreign("docs", "register"),
                                   versions_key(doc.kind, doc.subject)};
  std::vector<std::string> args = {std::to_string(seen.last_number),
                                   std::to_string(seen.versions.size()),
                                   doc.id,
                                   to_json(doc).dump(),
                                   docx,
                                   pdf};
  auto reply = co_await redis_.local().eval(kCommit, std::move(keys), std::move(args));
  co_return reply.str == "ok" ? CommitResult::Ok : CommitResult::Raced;
}

Task<std::optional<IssuedDocument>> DocumentStore::document(const std::string& id) const {
  std::vector<std::string> ids = {id};
  auto found = co_await load(ids);
  if (found.empty()) co_return std::nullopt;
  co_return found.front();
}

Task<std::optional<std::string>> DocumentStore::file(const std::string& id,
                                                     const std::string& format) const {
  auto reply = co_await redis_.local().call("HGET", doc_key(id), format);
  if (reply.is_nil()) co_return std::nullopt;
  co_return reply.str;
}

Task<std::vector<IssuedDocument>> DocumentStore::versions(const std::string& kind,
                                                          const std::string& subject) const {
  auto ids = co_await redis_.local().call("LRANGE", versions_key(kind, subject), 0, -1);
  std::vector<std::string> list;
  for (const auto& e : ids.elements) list.push_back(e.str);
  co_return co_await load(list);
}

Task<std::vector<IssuedDocument>> DocumentStore::register_entries() const {
  auto ids = co_await redis_.local().call("LRANGE", keys_.foreign("docs", "register"), 0, -1);
  std::vector<std::string> list;
  for (const auto& e : ids.elements) list.push_back(e.str);
  co_return co_await load(list);
}

}  // namespace thidua::docs
