#pragma once
// The wording of the documents a service issues, as the school edits it in the dashboard
// ("Mẫu văn bản", issue 11): a school has no technician to edit files on the server. Each
// template starts as the school's file (THIDUA_DOCUMENT_TEMPLATES) or the built-in copy, the
// "original"; a version saved here replaces it for every document issued from then on, and
// can be dropped to return to the original. A template is checked when it is saved (422
// template_invalid with the line and what to change, nothing stored) and the original when
// the service starts, so a broken template never reaches print time. Documents already
// issued are frozen and never change.
//   Redis: <service>:templates:<file>   hash: wording, updated_by, updated_at
#include <optional>
#include <string>
#include <vector>

#include "core/keyspace.hpp"
#include "docs/template.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::docs {

// One document type's template as the service knows it.
struct TemplateKind {
  std::string file;      // "bao-cao-nam.txt": its name in THIDUA_DOCUMENT_TEMPLATES
  std::string label;     // "Báo cáo kết quả thực hiện phong trào thi đua (hằng năm)"
  Schema schema;         // the placeholders it may and must use
  std::string original;  // the text loaded at start-up (checked then)
};

struct TemplateInfo {
  std::string file;
  std::string label;
  std::string wording;     // what documents are issued with now
  bool edited = false;     // a version saved in the dashboard replaces the original
  std::string updated_by;  // staff id of the last save; "" when not edited
  std::string updated_at;  // RFC 3339
};

// The longest template accepted (characters); the school's longest is about 4 000.
inline constexpr std::size_t kTemplateMaxChars = 60000;

class TemplateLibrary {
 public:
  // `kinds`: each original already checked (original_template: a broken one stopped
  // start-up); parsed here once. Throws TemplateError for one that does not parse.
  TemplateLibrary(RedisPool& redis, Keyspace keys, std::vector<TemplateKind> kinds);

  const std::vector<TemplateKind>& kinds() const { return kinds_; }
  // The template documents of `file` are issued with now. A stored version that no longer
  // parses (the schema changed with an upgrade) falls back to the original, logged.
  Task<Template> current(const std::string& file) const;
  // ApiError 404 template_not_found for a file this service does not issue.
  Task<TemplateInfo> info(const std::string& file) const;
  Task<std::vector<TemplateInfo>> all() const;
  // Checks `wording` against the kind's schema and stores it: ApiError 422 template_invalid
  // (the TemplateError's Vietnamese text, naming the line) and nothing stored when it does
  // not parse; 404 template_not_found.
  Task<TemplateInfo> save(const std::string& file, const std::string& wording,
                          const std::string& by, const std::string& at);
  // Back to the original; 404 template_not_found.
  Task<TemplateInfo> reset(const std::string& file);

 private:
  const TemplateKind& kind(const std::string& file) const;
  RedisPool& redis_;
  Keyspace keys_;
  std::vector<TemplateKind> kinds_;
  std::vector<Template> originals_;  // kinds_[i]'s original, parsed
};

}  // namespace thidua::docs
