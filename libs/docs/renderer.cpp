#include "docs/renderer.hpp"

#include "docs/docx_writer.hpp"

namespace thidua::docs {

Renderer::Renderer(std::shared_ptr<const PdfEngine> engine, std::size_t concurrency,
                   std::size_t max_waiting)
    : engine_(std::move(engine)), pool_(concurrency, max_waiting) {}

Task<Rendered> Renderer::render(Document doc) {
  const PdfEngine& engine = *engine_;
  const std::atomic<bool>& cancel = pool_.cancelled();
  std::function<Rendered()> job = [doc = std::move(doc), &engine, &cancel]() {
    Rendered out;
    out.docx = write_docx(doc);
    out.pdf = engine.to_pdf(out.docx, cancel);
    return out;
  };
  bool busy = false;
  Rendered out;
  try {
    out = co_await pool_.run(std::move(job));
  } catch (const PoolBusy&) {
    busy = true;
  }
  if (busy) throw RenderError(RenderError::Kind::Busy, "too many documents being rendered");
  co_return out;
}

Task<std::string> Renderer::docx(Document doc) {
  std::function<std::string()> job = [doc = std::move(doc)]() { return write_docx(doc); };
  bool busy = false;
  std::string out;
  try {
    out = co_await pool_.run(std::move(job));
  } catch (const PoolBusy&) {
    busy = true;
  }
  if (busy) throw RenderError(RenderError::Kind::Busy, "too many documents being rendered");
  co_return out;
}

}  // namespace thidua::docs
