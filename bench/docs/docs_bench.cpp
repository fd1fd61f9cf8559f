// Documents per second: the DOCX alone (libs/docs' writer, in this process), and the PDF
// through LibreOffice headless (docs::Renderer: one child process per conversion,
// THIDUA_PDF_CONCURRENCY at once), with the memory of both. Two documents (issue 11):
//   yearly:   the yearly report of a seeded year, every unit's part written in each area;
//   proposal: a tờ trình with its danh sách of 20 nominees (15 teachers, 5 units).
//   docs_bench <yearly|proposal> <docx count> <pdf count> <concurrency>
// Prints one line of key=value figures; bench/docs/run.sh writes them into bench/README.md.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>

#include "core/movement.hpp"
#include "docs/docx_writer.hpp"
#include "docs/libreoffice.hpp"
#include "docs/renderer.hpp"
#include "nominations/domain/award_documents.hpp"
#include "nominations/domain/builtin_templates.hpp"
#include "reports/domain/builtin_templates.hpp"
#include "reports/domain/yearly_document.hpp"

namespace {
using namespace thidua;
using namespace thidua::reports;
using Steady = std::chrono::steady_clock;

SchoolReport seeded_year() {
  SchoolReport r;
  r.year = 2026;
  r.school = {"Trường THCS Vĩnh Phong 1", "Vĩnh Phong", "UBND xã (qua Phòng Văn hóa – Xã hội)",
              "Kết quả thực hiện phong trào thi đua"};
  const char* names[] = {"Tổ Toán – Tin",      "Tổ Ngữ văn",   "Tổ Khoa học tự nhiên",
                         "Tổ Khoa học xã hội", "Tổ Ngoại ngữ", "Tổ Văn phòng"};
  for (int i = 0; i < 6; ++i) {
    UnitInfo u{"to-" + std::to_string(i), names[i], i == 5 ? "office" : "subject_group"};
    r.units.push_back(u);
    Contribution c;
    c.unit_id = u.id;
    c.year = 2026;
    c.submitted = true;
    for (const auto& area : content_areas()) {
      c.narratives[area.code] =
          "Tổ triển khai đầy đủ các nội dung của kế hoạch; soạn và dùng bài giảng điện tử, chia "
          "sẻ học liệu số lên kho của trường, tổ chức sinh hoạt chuyên môn về ứng dụng trí tuệ "
          "nhân tạo trong dạy học.\nKết quả được ghi nhận qua các đợt kiểm tra nội bộ.";
    }
    c.figures = {{"e_lessons", 12 + i}, {"digital_materials_shared", 4 + i}};
    c.difficulties = "Thiếu thiết bị trình chiếu ở một số phòng học.";
    c.proposals = "Đề nghị bổ sung máy chiếu cho phòng học bộ môn.";
    r.submitted.emplace(u.id, c);
  }
  return r;
}

// The tờ trình of a round the council passed: 20 lines, as long as a school's largest.
docs::Document proposal_of_twenty(const docs::Template& wording, const docs::Issuer& issuer) {
  static const nominations::Period period{"2026", nominations::PeriodKind::Annual, 2026, 1,
                                          "Năm 2026"};
  static const nominations::AwardForm award = [] {
    nominations::AwardForm a;
    a.code = "gk_xa";
    a.label = "Giấy khen của Chủ tịch UBND xã";
    a.level = "commune";
    a.authority = "Chủ tịch UBND xã Vĩnh Phong";
    return a;
  }();
  nominations::RoundDocument round;
  round.period = &period;
  round.award = &award;
  for (int i = 0; i < 20; ++i) {
    nominations::NomineeLine line;
    line.nomination_id = std::to_string(i + 1);
    line.kind = i < 5 ? nominations::SubjectKind::Collective : nominations::SubjectKind::Individual;
    line.name = i < 5 ? "Tổ chuyên môn số " + std::to_string(i + 1)
                      : "Nguyễn Thị Giáo Viên " + std::to_string(i - 4);
    line.position_unit = i < 5 ? "Tổ chuyên môn" : "Giáo viên, Tổ Toán – Tin";
    line.award = award.label;
    line.achievement =
        "Hoàn thành xuất sắc nhiệm vụ; có sáng kiến ứng dụng trí tuệ nhân tạo trong soạn bài "
        "giảng, được Hội đồng Khoa học của trường công nhận.";
    round.lines.push_back(std::move(line));
  }
  docs::Signer signer{"HIỆU TRƯỞNG", "", "Nguyễn Văn An"};
  return nominations::round_document(round, wording, issuer, signer, "05/TTr-THCSVP1",
                                     {2026, 11, 20});
}

long vm_hwm_kib() {
  std::ifstream in("/proc/self/status");
  std::string key;
  long value = 0;
  while (in >> key) {
    if (key == "VmHWM:") {
      in >> value;
      return value;
    }
    in.ignore(4096, '\n');
  }
  return 0;
}

Task<void> convert_all(docs::Renderer& renderer, const docs::Document& doc, int count, int* done,
                       int* failed) {
  for (int i = 0; i < count; ++i) {
    spawn([](docs::Renderer& r, docs::Document d, int* done, int* failed) -> Task<void> {
      bool ok = false;
      try {
        auto out = co_await r.render(std::move(d));
        ok = out.pdf.rfind("%PDF-", 0) == 0;
      } catch (const std::exception& e) {
        std::cerr << "render failed: " << e.what() << "\n";
      }
      ++*(ok ? done : failed);
    }(renderer, doc, done, failed));
  }
  while (*done + *failed < count) co_await sleep_for(std::chrono::milliseconds(5));
}
}  // namespace

int main(int argc, char** argv) {
  const std::string which = argc > 1 ? argv[1] : "yearly";
  int docx_count = argc > 2 ? std::atoi(argv[2]) : 200;
  int pdf_count = argc > 3 ? std::atoi(argv[3]) : 6;
  int concurrency = argc > 4 ? std::atoi(argv[4]) : 2;
  std::function<docs::Document()> build;
  if (which == "yearly") {
    auto wording = docs::Template::parse(std::string(builtin_yearly_template()),
                                         yearly_report_schema(), "bao-cao-nam.txt");
    build = [wording, report = seeded_year()] {
      Issuer issuer;
      docs::Signer signer{"KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Trần Thị Bình"};
      return yearly_report_document(report, wording, issuer, signer, "01/BC-THCSVP1",
                                    {2026, 10, 20});
    };
  } else if (which == "proposal") {
    auto wording = docs::Template::parse(
        std::string(nominations::builtin_template(nominations::kProposalTemplate)),
        nominations::proposal_schema(), nominations::kProposalTemplate);
    build = [wording] { return proposal_of_twenty(wording, docs::Issuer{}); };
  } else {
    std::cerr << "docs_bench <yearly|proposal> <docx count> <pdf count> <concurrency>\n";
    return 2;
  }
  auto doc = build();

  // DOCX: the template filled in and the archive written, in this thread.
  std::size_t bytes = 0;
  auto t0 = Steady::now();
  for (int i = 0; i < docx_count; ++i) bytes = docs::write_docx(build()).size();
  double docx_s = std::chrono::duration<double>(Steady::now() - t0).count();

  // PDF: through the renderer, as the service does it.
  auto engine = std::make_shared<docs::LibreOffice>(docs::LibreOfficeSettings{});
  if (engine->program_path().empty()) {
    std::cerr << "LibreOffice (soffice) is missing: bash scripts/setup.sh installs it\n";
    return 1;
  }
  docs::Renderer renderer(engine, static_cast<std::size_t>(concurrency), 1000);
  EventLoops loops(1);
  int done = 0, failed = 0;
  auto t1 = Steady::now();
  post_to(loops.at(0), [&] {
    spawn(convert_all(renderer, doc, pdf_count, &done, &failed),
          [&](std::exception_ptr) { loops.stop(); });
  });
  loops.run();
  double pdf_s = std::chrono::duration<double>(Steady::now() - t1).count();
  rusage children{};
  ::getrusage(RUSAGE_CHILDREN, &children);

  std::printf(
      "docx_per_s=%.1f docx_bytes=%zu docx_ms=%.2f pdf_per_s=%.2f pdf_s_each=%.2f pdf_ok=%d "
      "pdf_failed=%d concurrency=%d service_rss_peak_mib=%.1f libreoffice_rss_peak_mib=%.1f\n",
      docx_count / docx_s, bytes, 1000 * docx_s / docx_count, done / pdf_s,
      pdf_s * concurrency / std::max(1, done), done, failed, concurrency, vm_hwm_kib() / 1024.0,
      children.ru_maxrss / 1024.0);
  return failed == 0 ? 0 : 1;
}
