#pragma once
// DOCX and PDF of a Document, made off the event loop. The PDF comes from LibreOffice
// headless (libreoffice.hpp) behind PdfEngine, so a test can give its own engine.
#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/errors.hpp"
#include "core/task.hpp"
#include "docs/document.hpp"
#include "docs/worker_pool.hpp"
#include "docs/xlsx_table.hpp"

namespace thidua::docs {

// Why a document could not be rendered; what() is for the log (English, no document text).
class RenderError : public std::runtime_error {
 public:
  enum class Kind {
    Missing,  // LibreOffice is not installed (or the configured program does not exist)
    Failed,   // it ran and made no PDF
    Timeout,  // it took longer than allowed and was killed
    Busy,     // too many conversions running and waiting
  };
  RenderError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// The problem a person sees when a document's PDF could not be made: 503 pdf_unavailable
// (LibreOffice missing), renderer_busy, or pdf_failed (failed, timed out), with a Vietnamese
// detail saying nothing was issued (libs/core/messages.cpp, render.*).
ApiError render_problem(RenderError::Kind kind);

class PdfEngine {
 public:
  virtual ~PdfEngine() = default;
  // Blocking: runs on a worker. `cancel` turns true when the service stops. Throws RenderError.
  virtual std::string to_pdf(const std::string& docx, const std::atomic<bool>& cancel) const = 0;
};

struct Rendered {
  std::string docx;
  std::string pdf;
};

class Renderer {
 public:
  // At most `concurrency` conversions at once and `max_waiting` more queued; beyond that
  // render() throws RenderError Busy at once.
  // The renderer owns the engine: its workers use it until they are joined.
  Renderer(std::shared_ptr<const PdfEngine> engine, std::size_t concurrency,
           std::size_t max_waiting);

  // Call on an event loop; resumes there. Throws RenderError.
  Task<Rendered> render(Document doc);
  // The DOCX only (no LibreOffice), also off the loop.
  Task<std::string> docx(Document doc);
  // An Excel export (xlsx_table.hpp), off the loop on the same bounded workers: a school's
  // table takes milliseconds, but the library writes and reads a temporary file, which an
  // event loop must not wait for. Throws RenderError Busy or Failed.
  Task<std::string> xlsx(XlsxBook book);

 private:
  template <class T>
  Task<T> on_worker(std::function<T()> job);

  std::shared_ptr<const PdfEngine> engine_;
  WorkerPool pool_;  // after engine_: joined before the engine goes
};

}  // namespace thidua::docs
