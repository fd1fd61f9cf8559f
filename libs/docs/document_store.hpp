#pragma once
// Issued documents and their numbering, and the only code that knows their keys. The
// numbering and the register (sổ văn bản đi) are the school's, shared by every service that
// issues documents (reports' báo cáo, nominations' tờ trình, biên bản, quyết định, báo cáo
// thành tích take their numbers from the same counters), so they live under the owner "docs":
//   {school}:docs:seq:<year>:<type>       string: the last number given for that year and type
//   {school}:docs:register                list: document ids in the order they were issued
//   {school}:docs:doc:<id>                hash: meta (JSON, IssuedDocument), docx, pdf (bytes)
//   {school}:docs:versions:<kind>:<subj>  list: the ids of one document's versions, in order
// A document is written once, in the script that takes its number, and never changed.
#include <optional>
#include <string>
#include <vector>

#include "core/keyspace.hpp"
#include "docs/issued.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::docs {

// What issuing saw before it rendered: the last number of the type this year and the
// versions so far. The commit succeeds only if both are still so.
struct IssueState {
  int last_number = 0;
  std::vector<IssuedDocument> versions;
};

enum class CommitResult { Ok, Raced };

class DocumentStore {
 public:
  DocumentStore(RedisPool& redis, Keyspace keys);

  Task<IssueState> issue_state(int number_year, const std::string& type, const std::string& kind,
                               const std::string& subject) const;
  // Stores `doc` with its files if the numbering and the versions are still as `seen`
  // (atomically, one script): else Raced, and nothing is written.
  Task<CommitResult> commit(const IssueState& seen, const IssuedDocument& doc,
                            const std::string& docx, const std::string& pdf);

  Task<std::optional<IssuedDocument>> document(const std::string& id) const;
  // "docx" or "pdf": the bytes as issued; nullopt when there is no such document.
  Task<std::optional<std::string>> file(const std::string& id, const std::string& format) const;
  Task<std::vector<IssuedDocument>> versions(const std::string& kind,
                                             const std::string& subject) const;
  // The register, in the order of issue.
  Task<std::vector<IssuedDocument>> register_entries() const;

 private:
  Task<std::vector<IssuedDocument>> load(const std::vector<std::string>& ids) const;
  std::string seq_key(int year, const std::string& type) const;
  std::string versions_key(const std::string& kind, const std::string& subject) const;
  std::string doc_key(const std::string& id) const;
  RedisPool& redis_;
  Keyspace keys_;
};

}  // namespace thidua::docs
