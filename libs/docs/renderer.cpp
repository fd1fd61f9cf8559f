#include "docs/renderer.hpp"

#include "core/messages.hpp"
#include "docs/docx_writer.hpp"

namespace thidua::docs {

ApiError render_problem(RenderError::Kind kind) {
  const char* key = "render.failed";
  if (kind == RenderError::Kind::Missing) key = "render.missing";
  if (kind == RenderError::Kind::Timeout) key = "render.timeout";
  if (kind == RenderError::Kind::Busy) key = "render.busy";
  std::string code = kind == RenderError::Kind::Missing ? "pdf_unavailable"
                     : kind == RenderError::Kind::Busy  ? "renderer_busy"
                                                        : "pdf_failed";
  return ApiError(503, code, common::say(key));
}

Renderer::Renderer(std::shared_ptr<const PdfEngine> engine, std::size_t concurrency,
                   std::size_t max_waiting)
    : engine_(std::move(engine)), pool_(concurrency, max_waiting) {}

// A job on the pool; a full queue is RenderError Busy.
template <class T>
Task<T> Renderer::on_worker(std::function<T()> job) {
  bool busy = false;
  T out;
  try {
    out = co_await pool_.run(std::move(job));
  } catch (const PoolBusy&) {
    busy = true;
  }
  if (busy) throw RenderError(RenderError::Kind::Busy, "too many documents being rendered");
  co_return out;
}

Task<Rendered> Renderer::render(Document doc) {
  const PdfEngine& engine = *engine_;
  const std::atomic<bool>& cancel = pool_.cancelled();
  std::function<Rendered()> job = [doc = std::move(doc), &engine, &cancel]() {
    Rendered out;
    out.docx = write_docx(doc);
    out.pdf = engine.to_pdf(out.docx, cancel);
    return out;
  };
  co_return co_await on_worker(std::move(job));
}

Task<std::string> Renderer::docx(Document doc) {
  std::function<std::string()> job = [doc = std::move(doc)]() { return write_docx(doc); };
  co_return co_await on_worker(std::move(job));
}

Task<std::string> Renderer::xlsx(XlsxBook book) {
  std::function<std::string()> job = [book = std::move(book)]() {
    try {
      return write_xlsx(book);
    } catch (const std::runtime_error& e) {
      throw RenderError(RenderError::Kind::Failed, e.what());
    }
  };
  co_return co_await on_worker(std::move(job));
}

}  // namespace thidua::docs
