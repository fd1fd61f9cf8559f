#include "docs/issuing.hpp"

#include <nlohmann/json.hpp>

#include "core/log.hpp"
#include "core/text.hpp"
#include "docs/format.hpp"

namespace thidua::docs {
namespace {
// Issues of the same type that commit between our look and our commit make us render again
// with the next number; more than this many in a row is a storm worth a retry by the person.
constexpr int kCommitTries = 5;
}  // namespace

Task<IssuedDocument> DocumentIssuer::issue(IssueSpec spec, BuildDocument build) {
  const LocalDate today = local_date(spec.now);
  for (int attempt = 0; attempt < kCommitTries; ++attempt) {
    auto seen = co_await store_.issue_state(today.year, spec.type, spec.kind, spec.subject);
    if (reason_missing(seen.versions, spec.reason)) {
      throw IssueError(IssueError::Kind::ReasonRequired, seen.versions.back());
    }
    auto plan = next_version(seen.versions);
    IssuedDocument d;
    d.number = seen.last_number + 1;
    d.number_year = today.year;
    d.type = spec.type;
    d.id = document_id(d.number_year, d.type, d.number);
    d.number_text = document_number(d.number, d.type, spec.symbol);
    Document doc = build(d.number_text);
    d.kind = spec.kind;
    d.subject = spec.subject;
    d.version = plan.version;
    d.replaces = plan.replaces;
    d.reason = text::one_line(spec.reason);
    d.type_name = spec.type_name;
    d.summary = doc.summary;
    d.issued_on = today;
    d.issued_at = iso_instant(spec.now);
    d.issued_by = spec.issued_by;
    d.signer = spec.signer.name;
    d.signer_title = spec.signer.title;
    d.recipient = spec.recipient;
    d.docx_name = download_name(d.type_name, spec.subject_label, d.number_text, "docx");
    d.pdf_name = download_name(d.type_name, spec.subject_label, d.number_text, "pdf");

    std::optional<RenderError> failed;
    Rendered files;
    try {
      files = co_await renderer_.render(std::move(doc));
    } catch (const RenderError& e) {
      failed = e;
      log::warn("document_render_failed", {{"id", d.id}, {"error", e.what()}});
    }
    if (failed) throw *failed;
    d.docx_bytes = files.docx.size();
    d.pdf_bytes = files.pdf.size();
    auto result = co_await store_.commit(seen, d, files.docx, files.pdf);
    if (result == CommitResult::Ok) {
      log::info("document_issued",
                {{"id", d.id}, {"number", d.number_text}, {"version", d.version}});
      co_return d;
    }
    log::info("document_number_raced", {{"id", d.id}, {"attempt", attempt + 1}});
  }
  throw IssueError(IssueError::Kind::NumberingBusy, std::nullopt);
}

}  // namespace thidua::docs
