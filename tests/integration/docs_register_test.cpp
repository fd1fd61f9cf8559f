// The school's register of issued documents (libs/docs: DocumentStore, DocumentIssuer) on a
// real redis-server: numbers per year and type taken once, never reused or skipped, also
// when several documents are issued at the same moment; the files kept byte for byte. The
// PDF engine here is a stand-in that sleeps, so issues overlap: LibreOffice itself is run by
// the e2e tests.
#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include "core/errors.hpp"
#include "docs/document_store.hpp"
#include "docs/format.hpp"
#include "docs/issuing.hpp"
#include "docs/template_library.hpp"
#include "redis/redis_pool.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_pool_test.hpp"
#include "support/redis_server.hpp"

namespace thidua::docs {
namespace {

class SlowEngine : public PdfEngine {
 public:
  std::string to_pdf(const std::string& docx, const std::atomic<bool>&) const override {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return "%PDF-1.7 " + std::to_string(docx.size());
  }
};

class RegisterTest : public testing::RedisPoolTest {
 protected:
};

// Two issues of the same type that looked at the numbering at the same time: the script lets
// one take the number; the other writes nothing and looks again (the app then renders with
// the next number). The files come back byte for byte, NUL bytes included.
TEST_F(RegisterTest, DocumentNumbersAreTakenOnceAndNeverReused) {
  DocumentStore docs(*pool_, Keyspace("test-school", "reports"));
  auto look = [&](const std::string& kind) {
    return runner_.run<IssueState>([&]() -> Task<IssueState> {
      co_return co_await docs.issue_state(2026, "BC", kind, "2026");
    });
  };
  auto commit = [&](const IssueState& seen, const IssuedDocument& d, const std::string& pdf) {
    return runner_.run<CommitResult>(
        [&]() -> Task<CommitResult> { co_return co_await docs.commit(seen, d, "PK docx", pdf); });
  };
  IssuedDocument report;
  report.kind = "bao-cao-nam";
  report.subject = "2026";
  report.number_year = 2026;
  report.type = "BC";
  report.number = 1;
  report.id = document_id(2026, "BC", 1);
  IssuedDocument other = report;  // another báo cáo issued at the same moment
  other.kind = "bao-cao-khac";

  auto seen_report = look(report.kind);
  auto seen_other = look(other.kind);
  EXPECT_EQ(seen_report.last_number, 0);
  const std::string pdf(std::string("%PDF-1.7\0\x01\xff", 11));
  EXPECT_EQ(commit(seen_report, report, pdf), CommitResult::Ok);
  EXPECT_EQ(commit(seen_other, other, "%PDF other"), CommitResult::Raced);
  // Issuing the same report again on a stale look races too: a version is never lost.
  IssuedDocument again = report;
  again.number = 2;
  again.id = document_id(2026, "BC", 2);
  seen_other = look(other.kind);
  EXPECT_EQ(commit(seen_report, again, "%PDF again"), CommitResult::Raced);

  EXPECT_EQ(seen_other.last_number, 1);
  other.number = 2;
  other.id = document_id(2026, "BC", 2);
  EXPECT_EQ(commit(seen_other, other, "%PDF other"), CommitResult::Ok);

  auto all = runner_.run<std::vector<IssuedDocument>>(
      [&]() -> Task<std::vector<IssuedDocument>> { co_return co_await docs.register_entries(); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "2026-bc-01");
  EXPECT_EQ(all[1].id, "2026-bc-02");
  auto stored = runner_.run<std::optional<std::string>>([&]() -> Task<std::optional<std::string>> {
    co_return co_await docs.file("2026-bc-01", "pdf");
  });
  ASSERT_TRUE(stored);
  EXPECT_EQ(*stored, pdf);
  EXPECT_EQ(look(report.kind).versions.size(), 1u);
}

Document sample(const std::string& number_text) {
  Document d;
  d.governing_body = "UBND xã Vĩnh Phong";
  d.issuing_body = "Trường THCS Vĩnh Phong 1";
  d.number = number_text;
  d.date_line = "Vĩnh Phong, ngày 20 tháng 10 năm 2026";
  d.type = "TỜ TRÌNH";
  d.summary = "Về việc đề nghị khen thưởng";
  d.signer = {"KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Trần Thị Bình"};
  return d;
}

IssueSpec spec(const std::string& kind, const std::string& subject, const std::string& type,
               const std::string& reason = "") {
  IssueSpec s;
  s.kind = kind;
  s.subject = subject;
  s.type = type;
  s.type_name = "Tờ trình";
  s.subject_label = subject;
  s.symbol = "THCSVP1";
  s.reason = reason;
  s.issued_by = "bootstrap-admin";
  s.signer = {"KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Trần Thị Bình"};
  s.now = local_time(LocalDate{2026, 10, 20}, 10, 0);
  return s;
}

struct Outcome {
  std::vector<IssuedDocument> issued;
  int failed = 0;
};

Task<void> issue_one(DocumentIssuer& issuer, IssueSpec s, Outcome* out, int* pending) {
  BuildDocument build = [](const std::string& number_text) { return sample(number_text); };
  bool failed = false;
  try {
    auto d = co_await issuer.issue(s, build);
    out->issued.push_back(d);
  } catch (const std::exception&) {
    failed = true;
  }
  if (failed) ++out->failed;
  --*pending;
}

// Four tờ trình and two quyết định issued at the same moment: each type counts from 01 with
// no gap and no number twice; the register holds each once, the texts carry their numbers.
TEST_F(RegisterTest, ConcurrentIssuesGetDistinctConsecutiveNumbersPerType) {
  DocumentStore store(*pool_, Keyspace("test-school", "nominations"));
  Renderer renderer(std::make_shared<SlowEngine>(), 2, 16);
  DocumentIssuer issuer(store, renderer);
  Outcome out;
  int pending = 0;
  runner_.run_void([&]() -> Task<void> {
    std::vector<IssueSpec> specs;
    for (const char* award : {"gk_xa", "bk_tinh", "bk_bo", "khen_nha_nuoc"}) {
      specs.push_back(spec("to-trinh", std::string("2026:") + award, "TTr"));
    }
    specs.push_back(spec("quyet-dinh", "2026:gk_ht", "QĐ"));
    specs.push_back(spec("quyet-dinh", "so-ket-2027:gk_ht", "QĐ"));
    pending = static_cast<int>(specs.size());
    for (auto& s : specs) spawn(issue_one(issuer, s, &out, &pending));
    while (pending > 0) co_await sleep_for(std::chrono::milliseconds(10));
  });
  EXPECT_EQ(out.failed, 0);
  std::set<std::string> ids;
  for (const auto& d : out.issued) ids.insert(d.id);
  EXPECT_EQ(ids, (std::set<std::string>{"2026-ttr-01", "2026-ttr-02", "2026-ttr-03", "2026-ttr-04",
                                        "2026-qd-01", "2026-qd-02"}));
  auto all = runner_.run<std::vector<IssuedDocument>>(
      [&]() -> Task<std::vector<IssuedDocument>> { co_return co_await store.register_entries(); });
  EXPECT_EQ(all.size(), 6u);
  for (const auto& d : all) {
    EXPECT_EQ(d.number_text, document_number(d.number, d.type, "THCSVP1"));
    EXPECT_EQ(d.issued_on, (LocalDate{2026, 10, 20}));
  }

  // The same tờ trình again: only with a reason, then version 2 with the next number.
  Outcome again;
  pending = 1;
  IssueSpec plain = spec("to-trinh", "2026:gk_xa", "TTr");
  runner_.run_void([&]() -> Task<void> { co_await issue_one(issuer, plain, &again, &pending); });
  EXPECT_EQ(again.failed, 1);
  pending = 1;
  IssueSpec with_reason = spec("to-trinh", "2026:gk_xa", "TTr", "Bổ sung một người");
  runner_.run_void(
      [&]() -> Task<void> { co_await issue_one(issuer, with_reason, &again, &pending); });
  ASSERT_EQ(again.issued.size(), 1u);
  EXPECT_EQ(again.issued[0].id, "2026-ttr-05");
  EXPECT_EQ(again.issued[0].version, 2);
  EXPECT_EQ(again.issued[0].reason, "Bổ sung một người");
}

}  // namespace
}  // namespace thidua::docs

namespace thidua::docs {
namespace {

// "Mẫu văn bản" (issue 11) on a real redis-server: a saved wording is what documents are made
// with; a broken one is refused naming its line and changes nothing; dropping it returns to
// the original; a file the service does not issue is 404.
TEST_F(RegisterTest, TemplatesAreCheckedWhenSavedAndReturnToTheOriginal) {
  Schema schema;
  schema.values = {"nam"};
  schema.required = {"nam"};
  const std::string original = "@loai: BÁO CÁO\n@trich-yeu: Năm {{nam}}\nGốc năm {{nam}}.\n";
  TemplateLibrary library(*pool_, Keyspace("test-school", "reports"),
                          {{"bao-cao-nam.txt", "Báo cáo năm", schema, original}});
  Values values;
  values.text = {{"nam", "2026"}};
  auto body_of = [&] {
    auto t = runner_.run<Template>(
        [&]() -> Task<Template> { co_return co_await library.current("bao-cao-nam.txt"); });
    return t.render(values).body.at(0).spans.at(0).text;
  };
  EXPECT_EQ(body_of(), "Gốc năm 2026.");

  const std::string edited =
      "@loai: BÁO CÁO\n@trich-yeu: Năm {{nam}}\nNhà trường sửa, năm {{nam}}.\n";
  auto saved = runner_.run<TemplateInfo>([&]() -> Task<TemplateInfo> {
    co_return co_await library.save("bao-cao-nam.txt", edited, "gv-an", "2026-12-01T02:00:00Z");
  });
  EXPECT_TRUE(saved.edited);
  EXPECT_EQ(saved.updated_by, "gv-an");
  EXPECT_EQ(body_of(), "Nhà trường sửa, năm 2026.");

  // A placeholder the document does not have: refused with its line, nothing stored.
  std::string detail;
  try {
    runner_.run<TemplateInfo>([&]() -> Task<TemplateInfo> {
      co_return co_await library.save("bao-cao-nam.txt", edited + "Tên {{ten_le}}.\n", "gv-an",
                                      "2026-12-01T02:05:00Z");
    });
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.code(), "template_invalid");
    detail = e.detail();
  }
  EXPECT_NE(detail.find("4"), std::string::npos) << detail;  // the line
  EXPECT_NE(detail.find("ten_le"), std::string::npos) << detail;
  EXPECT_EQ(body_of(), "Nhà trường sửa, năm 2026.");

  auto reset = runner_.run<TemplateInfo>(
      [&]() -> Task<TemplateInfo> { co_return co_await library.reset("bao-cao-nam.txt"); });
  EXPECT_FALSE(reset.edited);
  EXPECT_EQ(reset.wording, original);
  EXPECT_EQ(body_of(), "Gốc năm 2026.");
  EXPECT_THROW(runner_.run<TemplateInfo>(
                   [&]() -> Task<TemplateInfo> { co_return co_await library.info("khac.txt"); }),
               ApiError);
}

}  // namespace
}  // namespace thidua::docs
