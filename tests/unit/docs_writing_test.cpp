// libs/docs: the DOCX as written (read back with libzip), and the PDF converter's limits with
// stand-in programs (a real child process that hangs, one that makes nothing, one that is
// missing), run off the loop by the renderer at most so many at once.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "docs/docx_writer.hpp"
#include "docs/libreoffice.hpp"
#include "docs/renderer.hpp"
#include "support/loop_runner.hpp"
#include "support/process.hpp"
#include "support/zip_part.hpp"

namespace thidua::docs {
namespace {

// The document's parts, read back from the archive.
std::string part(const std::string& docx, const std::string& name) {
  return thidua::testing::zip_part(docx, name);
}

Document sample_document() {
  Document d;
  d.governing_body = "UBND xã Vĩnh Phong";
  d.issuing_body = "Trường THCS Vĩnh Phong 1";
  d.number = "01/BC-THCSVP1";
  d.date_line = "Vĩnh Phong, ngày 20 tháng 10 năm 2026";
  d.type = "BÁO CÁO";
  d.summary = "Kết quả thực hiện phong trào thi đua năm 2026";
  d.body = {{BlockKind::Heading1, {{"I. KẾT QUẢ"}}, {}},
            {BlockKind::Paragraph, {{"Tổ Toán – Tin: ", true}, {"<soạn> & \"chia sẻ\"\x01"}}, {}},
            {BlockKind::Table, {}, {{"Chỉ số", "Số lượng"}, {"Bài giảng điện tử", "4"}}}};
  d.signer = {"KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Trần Thị Bình"};
  d.recipients = {"UBND xã Vĩnh Phong"};
  d.filing = "VT, TĐKT";
  d.title = "Báo cáo năm 2026";
  return d;
}

TEST(Docx, HasTheLayoutOfDecree30) {
  auto docx = write_docx(sample_document());
  ASSERT_EQ(docx.substr(0, 2), "PK");
  auto xml = part(docx, "word/document.xml");
  ASSERT_FALSE(xml.empty());
  // A4 portrait, margins 20/20/30/15 mm, a first page of its own (no page number on it).
  EXPECT_NE(xml.find(R"(<w:pgSz w:w="11906" w:h="16838")"), std::string::npos);
  EXPECT_NE(xml.find(R"(<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701")"),
            std::string::npos);
  EXPECT_NE(xml.find("<w:titlePg"), std::string::npos);
  EXPECT_NE(xml.find("UBND XÃ VĨNH PHONG"), std::string::npos);
  EXPECT_NE(xml.find("TRƯỜNG THCS VĨNH PHONG 1"), std::string::npos);
  EXPECT_NE(xml.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos);
  EXPECT_NE(xml.find("Độc lập - Tự do - Hạnh phúc"), std::string::npos);
  EXPECT_NE(xml.find("Số: 01/BC-THCSVP1"), std::string::npos);
  EXPECT_NE(xml.find("Nơi nhận:"), std::string::npos);
  EXPECT_NE(xml.find("- Lưu: VT, TĐKT."), std::string::npos);
  EXPECT_NE(xml.find("Trần Thị Bình"), std::string::npos);
  // Text is escaped and a control character dropped: the XML stays well formed.
  EXPECT_NE(xml.find("&lt;soạn&gt; &amp; \"chia sẻ\""), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  // The page number from page 2, centred at the top.
  auto header = part(docx, "word/header1.xml");
  EXPECT_NE(header.find("PAGE"), std::string::npos);
  EXPECT_EQ(part(docx, "word/header2.xml").find("PAGE"), std::string::npos);
  auto styles = part(docx, "word/styles.xml");
  EXPECT_NE(styles.find("Times New Roman"), std::string::npos);
  EXPECT_NE(part(docx, "[Content_Types].xml").find("/word/document.xml"), std::string::npos);
}

// The body's last paragraph goes with the signature block: "THƯ KÝ / CHỦ TRÌ" and the names
// never stand alone at the top of a page (a biên bản once ended so). Other paragraphs flow.
TEST(Docx, TheLastParagraphIsKeptWithTheSignature) {
  auto d = sample_document();
  d.body.push_back({BlockKind::Paragraph, {{"Cuộc họp kết thúc lúc 16 giờ 30 cùng ngày."}}, {}});
  auto xml = part(write_docx(d), "word/document.xml");
  auto paragraph_of = [&xml](const std::string& text) {
    auto at = xml.find(text);
    if (at == std::string::npos) {
      ADD_FAILURE() << "not in the document: " << text;
      return std::string();
    }
    std::size_t start = 0;
    for (const char* open : {"<w:p>", "<w:p "}) {
      auto found = xml.rfind(open, at);
      if (found != std::string::npos) start = std::max(start, found);
    }
    return xml.substr(start, at - start);
  };
  EXPECT_NE(paragraph_of("Cuộc họp kết thúc").find("<w:keepNext"), std::string::npos);
  EXPECT_EQ(paragraph_of("soạn&gt;").find("<w:keepNext"), std::string::npos);
  EXPECT_LT(xml.find("Cuộc họp kết thúc"), xml.find("Nơi nhận:"));
}

// A list's title and its "(Kèm theo …)" are centred, bold and italic, kept with the table.
TEST(Docx, ATitleAndANoteAreCentredAndKeptWithTheList) {
  auto d = sample_document();
  d.body = {{BlockKind::Title, {{"DANH SÁCH ĐƯỢC TẶNG GIẤY KHEN"}}, {}},
            {BlockKind::Note, {{"(Kèm theo Quyết định số 05/QĐ-THCSVP1)"}}, {}},
            {BlockKind::Table, {}, {{"STT", "Họ và tên"}, {"1", "Nguyễn Văn An"}}}};
  auto xml = part(write_docx(d), "word/document.xml");
  auto paragraph = [&](const std::string& text) {
    auto at = xml.find(text);
    if (at == std::string::npos) return std::string();
    auto start = xml.rfind("<w:p>", at);
    if (start == std::string::npos) start = xml.rfind("<w:p ", at);
    return xml.substr(start, at - start);
  };
  auto title = paragraph("DANH SÁCH ĐƯỢC TẶNG GIẤY KHEN");
  auto note = paragraph("(Kèm theo Quyết định số 05/QĐ-THCSVP1)");
  ASSERT_FALSE(title.empty()) << xml;
  ASSERT_FALSE(note.empty()) << xml;
  for (const auto* p : {&title, &note}) {
    EXPECT_NE(p->find(R"(<w:jc w:val="center"/>)"), std::string::npos) << *p;
    EXPECT_NE(p->find("<w:keepNext/>"), std::string::npos) << *p;
    EXPECT_EQ(p->find("<w:ind"), std::string::npos) << "no first-line indent: " << *p;
  }
  EXPECT_NE(title.find("<w:b/>"), std::string::npos) << title;
  EXPECT_EQ(title.find("<w:i/>"), std::string::npos) << title;
  EXPECT_NE(note.find("<w:i/>"), std::string::npos) << note;
  EXPECT_EQ(note.find("<w:b/>"), std::string::npos) << note;
}

// The list sent with a document follows its signature, from a new page.
TEST(Docx, TheAppendixFollowsTheSignatureOnAPageOfItsOwn) {
  auto d = sample_document();
  d.appendix = {{BlockKind::Title, {{"DANH SÁCH KÈM THEO"}}, {}},
                {BlockKind::Table, {}, {{"STT", "Họ và tên"}, {"1", "Nguyễn Văn An"}}}};
  auto xml = part(write_docx(d), "word/document.xml");
  auto signer = xml.find("Trần Thị Bình");
  auto page = xml.find(R"(<w:br w:type="page"/>)");
  auto list = xml.find("DANH SÁCH KÈM THEO");
  ASSERT_NE(signer, std::string::npos);
  ASSERT_NE(page, std::string::npos) << "no page break";
  ASSERT_NE(list, std::string::npos);
  EXPECT_LT(signer, page);
  EXPECT_LT(page, list);
  EXPECT_NE(xml.find("Nguyễn Văn An", list), std::string::npos);
  EXPECT_EQ(part(write_docx(sample_document()), "word/document.xml").find(R"(w:type="page")"),
            std::string::npos)
      << "no break without an appendix";
}

TEST(Docx, TheSameDocumentGivesTheSameBytes) {
  EXPECT_EQ(write_docx(sample_document()), write_docx(sample_document()));
  auto other = sample_document();
  other.number = "02/BC-THCSVP1";
  EXPECT_NE(write_docx(sample_document()), write_docx(other));
}

// A stand-in for soffice: a shell script in a temporary directory.
std::string script(const std::string& dir, const std::string& name, const std::string& body) {
  std::string path = dir + "/" + name;
  std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
  ::chmod(path.c_str(), 0755);
  return path;
}

// The first documents of a process written on several threads at once: libzip 1.7 sets up
// its first zip_open_from_source without a lock (docx_package.cpp). CTest runs each test in a
// fresh process, so this meets that first use each time.
TEST(Docx, ThreadsWritingTheFirstDocumentsAtOnceAllSucceed) {
  constexpr int kThreads = 8;
  std::latch start(kThreads);
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      try {
        if (write_docx(sample_document()).rfind("PK", 0) != 0) errors[i] = "not a DOCX";
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(errors, std::vector<std::string>(kThreads)) << "an empty string is a success";
}

TEST(LibreOffice, MissingProgramIsReportedAsMissing) {
  LibreOffice lo({"thidua-no-such-soffice", std::chrono::milliseconds(2000), "/tmp"});
  EXPECT_EQ(lo.program_path(), "");
  std::atomic<bool> cancel{false};
  try {
    lo.to_pdf("PK", cancel);
    FAIL() << "converted";
  } catch (const RenderError& e) {
    EXPECT_EQ(e.kind(), RenderError::Kind::Missing);
  }
}

TEST(LibreOffice, AConversionThatHangsIsKilledAtTheTimeout) {
  auto dir = testing::make_temp_dir("thidua-docs-test");
  // The child would outlive the timeout by far; its whole group is killed.
  auto program = script(dir, "soffice", "sleep 30 & wait");
  LibreOffice lo({program, std::chrono::milliseconds(300), dir});
  std::atomic<bool> cancel{false};
  auto started = std::chrono::steady_clock::now();
  try {
    lo.to_pdf("PK", cancel);
    FAIL() << "converted";
  } catch (const RenderError& e) {
    EXPECT_EQ(e.kind(), RenderError::Kind::Timeout);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  std::filesystem::remove_all(dir);
}

TEST(LibreOffice, NoPdfIsAFailureAndEachRunHasItsOwnProfile) {
  auto dir = testing::make_temp_dir("thidua-docs-test");
  // Records its arguments, makes no PDF.
  auto program = script(dir, "soffice", "echo \"$@\" >> " + dir + "/args; echo oops >&2; exit 0");
  LibreOffice lo({program, std::chrono::milliseconds(5000), dir});
  std::atomic<bool> cancel{false};
  for (int i = 0; i < 2; ++i) {
    try {
      lo.to_pdf("PK", cancel);
      FAIL() << "converted";
    } catch (const RenderError& e) {
      EXPECT_EQ(e.kind(), RenderError::Kind::Failed);
      EXPECT_NE(std::string(e.what()).find("oops"), std::string::npos) << e.what();
    }
  }
  std::ifstream in(dir + "/args");
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  auto profile = [](const std::string& args) {
    auto at = args.find("-env:UserInstallation=file://");
    return at == std::string::npos ? std::string() : args.substr(at, args.find(' ', at) - at);
  };
  EXPECT_NE(first.find("--headless"), std::string::npos) << first;
  EXPECT_NE(profile(first), "");
  EXPECT_NE(profile(first), profile(second));
  std::filesystem::remove_all(dir);
}

// An engine that counts how many conversions run at once.
class CountingEngine : public PdfEngine {
 public:
  std::string to_pdf(const std::string& docx, const std::atomic<bool>&) const override {
    int now = ++running_;
    int seen = peak_.load();
    while (now > seen && !peak_.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    --running_;
    return "%PDF-1.7 " + std::to_string(docx.size());
  }
  mutable std::atomic<int> running_{0}, peak_{0};
};

// Counts each render's outcome; any other error is kept in `failed`, so an unexpected one
// ends the test with its message instead of leaving it waiting forever.
struct Outcomes {
  int done = 0, busy = 0;
  std::vector<std::string> failed;
  int settled() const { return done + busy + static_cast<int>(failed.size()); }
};

Task<void> render_all(Renderer& r, int count, Outcomes* out) {
  for (int i = 0; i < count; ++i) {
    spawn(
        [](Renderer& r, Outcomes* out) -> Task<void> {
          auto rendered = co_await r.render(sample_document());
          if (rendered.pdf.rfind("%PDF", 0) == 0 && rendered.docx.rfind("PK", 0) == 0)
            ++out->done;
          else
            out->failed.push_back("not a DOCX and a PDF");
        }(r, out),
        [out](std::exception_ptr e) {
          if (!e) return;
          try {
            std::rethrow_exception(e);
          } catch (const RenderError& re) {
            if (re.kind() == RenderError::Kind::Busy)
              ++out->busy;
            else
              out->failed.push_back(re.what());
          } catch (const std::exception& other) {
            out->failed.push_back(other.what());
          }
        });
  }
  while (out->settled() < count) co_await sleep_for(std::chrono::milliseconds(10));
}

TEST(Renderer, RunsOffTheLoopAtMostConcurrencyAtOnceAndRefusesBeyondTheQueue) {
  auto engine = std::make_shared<CountingEngine>();
  Renderer renderer(engine, 2, 2);
  testing::LoopRunner runner;
  Outcomes out;
  runner.run_void([&] { return render_all(renderer, 6, &out); });
  EXPECT_EQ(engine->peak_.load(), 2);
  EXPECT_EQ(out.done, 4);  // two running and two waiting
  EXPECT_EQ(out.busy, 2);
  EXPECT_EQ(out.failed, std::vector<std::string>{});
}

}  // namespace
}  // namespace thidua::docs
