#pragma once
// Issuing a document: render it (DOCX and PDF, off the event loop), then take the next number
// of its type and year and store the files frozen, in one Redis script (DocumentStore). A
// rendering that fails takes no number; when another issue of the same type committed in
// between, the document is rendered again with the next number, so concurrent issues never
// share a number and none is skipped. Every service that issues documents goes through here.
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/clock.hpp"
#include "docs/document.hpp"
#include "docs/document_store.hpp"
#include "docs/renderer.hpp"

namespace thidua::docs {

// What is issued, known before its number.
struct IssueSpec {
  std::string kind;       // "to-trinh": what document it is
  std::string subject;    // "2026:gk_xa": what it is about; versions count per kind+subject
  std::string type;       // "TTr": the numbering's type (Nghị định 30/2020, Phụ lục III)
  std::string type_name;  // "Tờ trình": in the register and the file name
  std::string subject_label;  // "Giấy khen của Chủ tịch UBND xã năm 2026": in the file name
  std::string symbol;         // the school's ký hiệu: "THCSVP1"
  std::string recipient;      // in the register
  std::string reason;         // why it is issued again (required then)
  std::string issued_by;      // the principal
  Signer signer;
  Instant now;
};

// Builds the document with its number ("01/TTr-THCSVP1"); called once per attempt.
using BuildDocument = std::function<Document(const std::string& number_text)>;

// Why issuing stopped before anything was stored (rendering failures are RenderError).
class IssueError : public std::runtime_error {
 public:
  enum class Kind {
    ReasonRequired,  // issued before: again only with a reason; `latest` is the last version
    NumberingBusy,   // others kept taking the next number; try again
  };
  IssueError(Kind kind, std::optional<IssuedDocument> latest)
      : std::runtime_error(kind == Kind::ReasonRequired ? "reason required" : "numbering busy"),
        kind_(kind),
        latest_(std::move(latest)) {}
  Kind kind() const { return kind_; }
  const std::optional<IssuedDocument>& latest() const { return latest_; }

 private:
  Kind kind_;
  std::optional<IssuedDocument> latest_;
};

class DocumentIssuer {
 public:
  DocumentIssuer(DocumentStore& store, Renderer& renderer) : store_(store), renderer_(renderer) {}
  // Dated today in Vietnam (spec.now); the number counts in that year. Throws IssueError,
  // RenderError. Call on an event loop.
  Task<IssuedDocument> issue(IssueSpec spec, BuildDocument build);

 private:
  DocumentStore& store_;
  Renderer& renderer_;
};

}  // namespace thidua::docs
