#include "docs/template_library.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/messages.hpp"

namespace thidua::docs {
TemplateLibrary::TemplateLibrary(RedisPool& redis, Keyspace keys, std::vector<TemplateKind> kinds)
    : redis_(redis), keys_(std::move(keys)), kinds_(std::move(kinds)) {
  for (const auto& k : kinds_) originals_.push_back(Template::parse(k.original, k.schema, k.file));
}

const TemplateKind& TemplateLibrary::kind(const std::string& file) const {
  for (const auto& k : kinds_) {
    if (k.file == file) return k;
  }
  throw not_found("template_not_found", common::say("problem.template_not_found"));
}

namespace {
// What the hash of a kind's saved version says (empty when there is none).
TemplateInfo info_of(const TemplateKind& k, const RedisReply& hash) {
  auto f = hash.fields();
  TemplateInfo out{k.file, k.label, k.original, false, "", ""};
  if (!f["wording"].empty()) {
    out.wording = f["wording"];
    out.edited = true;
    out.updated_by = f["updated_by"];
    out.updated_at = f["updated_at"];
  }
  return out;
}
}  // namespace

Task<TemplateInfo> TemplateLibrary::info(const std::string& file) const {
  const TemplateKind& k = kind(file);
  auto reply = co_await redis_.local().call("HGETALL", keys_("templates:" + file));
  co_return info_of(k, reply);
}

Task<std::vector<TemplateInfo>> TemplateLibrary::all() const {
  std::vector<std::vector<std::string>> reads;
  for (const auto& k : kinds_) reads.push_back({"HGETALL", keys_("templates:" + k.file)});
  auto replies = co_await redis_.local().batch(std::move(reads));
  std::vector<TemplateInfo> out;
  for (std::size_t i = 0; i < kinds_.size(); ++i) out.push_back(info_of(kinds_[i], replies[i]));
  co_return out;
}

Task<Template> TemplateLibrary::current(const std::string& file) const {
  TemplateInfo i = co_await info(file);
  const TemplateKind& k = kind(file);
  const Template& original = originals_[static_cast<std::size_t>(&k - kinds_.data())];
  std::string failed;
  if (i.edited) {
    try {
      co_return Template::parse(i.wording, k.schema, file);
    } catch (const TemplateError& e) {
      failed = e.what();
    }
    // Saved when it parsed; an upgrade changed what the document offers.
    log::warn("template_fallback", {{"file", file}, {"error", failed}});
  }
  co_return original;
}

Task<TemplateInfo> TemplateLibrary::save(const std::string& file, const std::string& wording,
                                         const std::string& by, const std::string& at) {
  const TemplateKind& k = kind(file);
  std::optional<std::string> refused;
  try {
    Template::parse(wording, k.schema, file);
  } catch (const TemplateError& e) {
    refused = e.what();
  }
  if (refused) throw unprocessable("template_invalid", *refused);
  co_await redis_.local().call("HSET", keys_("templates:" + file), "wording", wording, "updated_by",
                               by, "updated_at", at);
  co_return co_await info(file);
}

Task<TemplateInfo> TemplateLibrary::reset(const std::string& file) {
  kind(file);
  co_await redis_.local().call("DEL", keys_("templates:" + file));
  co_return co_await info(file);
}

}  // namespace thidua::docs
