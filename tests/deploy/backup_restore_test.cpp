// scripts/backup.sh and scripts/restore.sh on a real deployment: the three services, a
// redis-server (AOF, appendfsync always, as in production) and the fake Zalo Bot API. A
// school year is seeded through the services' APIs, backed up while everything runs,
// changed again, then Redis is stopped and the backup restored into its data directory; a
// Redis started fresh on it, with the services restarted, answers every item as it was at
// the backup, and nothing written after it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "deploy/backup_restore_fixture.hpp"
#include "e2e/e2e_checks.hpp"

namespace thidua::e2e::backup_test {
namespace {

TEST_F(BackupRestore, ASeededSchoolYearComesBackWholeFromTheNewestBackup) {
  // The reports service can issue the yearly report (LibreOffice renders its PDF).
  start_system({{"THIDUA_SIGNER_NAME", "Trần Thị Bình"},
                {"THIDUA_DOCUMENT_TEMPLATES", testing::source_dir() + "/config/documents"},
                {"THIDUA_PDF_WORK_DIR", work_}});
  if (HasFatalFailure()) return;

  // ---- a school year: a submitted nomination (its event told the group), a unit's part of
  // the yearly report, a message in the outbox with its delivery history, a personal token.
  auto first = post_nomination(sample_nomination("Nguyễn Thị Lan"));
  ASSERT_EQ(first.status, 201) << first.body;
  std::string first_id = json::parse(first.body).at("id");
  std::string staff_id = json::parse(first.body).at("subject_id");
  ASSERT_EQ(submit(first_id).status, 200);

  auto h = admin();
  h["Content-Type"] = "application/json";
  json part = {{"narratives", {{"II.4", "Soạn 12 bài giảng điện tử cho khối 6"}}},
               {"figures", {{"e_lessons", 12}}}};
  auto put = http_call("PUT", url("reports", "/api/reports/v1/contributions/2026/to-toan-tin"),
                       part.dump(), h);
  ASSERT_EQ(put.status, 200) << put.body;
  auto sent = http_call(
      "POST", url("reports", "/api/reports/v1/contributions/2026/to-toan-tin/submit"), "", h);
  ASSERT_EQ(sent.status, 200) << sent.body;

  // The yearly report issued: number, register entry and both files are in Redis.
  auto doc = http_call("POST", url("reports", "/api/reports/v1/school-reports/2026/documents"),
                       "{}", h, 120000);
  ASSERT_EQ(doc.status, 201) << doc.body;
  auto issued_doc = json::parse(doc.body);
  std::string doc_id = issued_doc.at("id");
  auto docx_before = download("/api/reports/v1/documents/" + doc_id + ".docx");
  auto pdf_before = download("/api/reports/v1/documents/" + doc_id + ".pdf");
  EXPECT_EQ(docx_before.size(), issued_doc["files"]["docx"].value("bytes", 0u));
  EXPECT_EQ(pdf_before.size(), issued_doc["files"]["pdf"].value("bytes", 0u));
  EXPECT_TRUE(docx_before.starts_with("PK")) << "not a DOCX (zip)";
  EXPECT_TRUE(pdf_before.starts_with("%PDF")) << "not a PDF";

  auto queued = queue_message("backup-test-hop-hoi-dong");
  ASSERT_EQ(queued.status, 202) << queued.body;
  std::string message_id = json::parse(queued.body).at("id");
  ASSERT_TRUE(wait_for([&] {
    auto m = get("notifications", "/api/notifications/v1/messages/" + message_id);
    return m.value("state", "") == "sent";
  })) << "the message was not delivered";

  auto issued = http_call("POST", url("nominations", "/api/nominations/v1/tokens"),
                          json{{"staff_id", staff_id}}.dump(), h);
  ASSERT_EQ(issued.status, 201) << issued.body;
  std::map<std::string, std::string> lan = {
      {"Authorization", "Bearer " + json::parse(issued.body).at("token").get<std::string>()}};

  ASSERT_TRUE(wait_for([&] { return queue_settled() && delivered().size() >= 2; }))
      << "the submission's message and the queued one were not both delivered: "
      << fake_calls().dump();
  auto delivered_before = delivered().size();
  auto message_before = get("notifications", "/api/notifications/v1/messages/" + message_id);

  // As deploy/redis.conf has it: the snapshot starts at once (no 5 s wait for replicas).
  redis().cmd({"CONFIG", "SET", "repl-diskless-sync-delay", "0"});

  // ---- three backups while everything runs, a draft between the first and the second;
  // only the newest two are kept.
  auto oldest = backup();
  auto second = post_nomination(sample_nomination("Lê Văn Bình"));
  ASSERT_EQ(second.status, 201) << second.body;
  std::string second_id = json::parse(second.body).at("id");
  backup();
  auto newest = backup();
  ASSERT_FALSE(HasFailure());
  EXPECT_TRUE(std::regex_match(fs::path(newest).filename().string(),
                               std::regex(R"(thidua-redis-\d{8}T\d{6}\.\d{3}Z\.tar\.gz)")))
      << newest;
  auto kept = names_in(work_ + "/backups", "thidua-redis-");
  ASSERT_EQ(kept.size(), 2u) << "THIDUA_BACKUP_KEEP=2";
  EXPECT_FALSE(fs::exists(oldest)) << "the oldest backup was kept";
  EXPECT_EQ(kept.back(), fs::path(newest).filename().string()) << "the newest is not the last";
  EXPECT_TRUE(names_in(work_ + "/backups", ".partial").empty()) << "a partial archive was left";

  // ---- written after the last backup: must not come back.
  auto third = post_nomination(sample_nomination("Trần Văn Cường"));
  ASSERT_EQ(third.status, 201) << third.body;
  std::string third_id = json::parse(third.body).at("id");

  // ---- restore refuses while Redis runs on the directory, and changes nothing.
  auto before = names_in(redis().dir(), "");
  auto refused = restore(newest);
  EXPECT_NE(refused.rc, 0) << refused.out;
  EXPECT_TRUE(contains(refused.err, "Redis is still running on " + redis().dir())) << refused.err;
  EXPECT_EQ(names_in(redis().dir(), ""), before) << "the refused restore changed the directory";

  // ---- the deployment stopped, the newest backup restored into Redis's directory.
  stop_services();
  redis().stop();
  auto restored = restore(newest);
  ASSERT_EQ(restored.rc, 0) << restored.err;
  EXPECT_TRUE(contains(restored.out, "keys restored into " + redis().dir())) << restored.out;
  // The previous data was moved aside, not deleted; it goes now, so that whatever Redis
  // finds comes from the backup alone.
  auto aside = names_in(redis().dir(), "before-restore-");
  ASSERT_EQ(aside.size(), 1u);
  EXPECT_TRUE(fs::exists(redis().dir() + "/" + aside[0] + "/appendonlydir"));
  fs::remove_all(redis().dir() + "/" + aside[0]);
  EXPECT_FALSE(fs::exists(redis().dir() + "/dump.rdb"));
  bool base = false;
  for (const auto& e : fs::directory_iterator(redis().dir() + "/appendonlydir")) {
    base |= contains(e.path().filename().string(), ".base.rdb");
  }
  EXPECT_TRUE(base) << "no AOF base in the restored directory";

  ASSERT_NO_THROW(redis().start());
  start_services();
  if (HasFatalFailure()) return;

  // ---- every item as it was at the backup.
  auto n1 = get("nominations", "/api/nominations/v1/nominations/" + first_id);
  EXPECT_EQ(n1["status"], "submitted");
  EXPECT_EQ(n1["subject_name"], "Nguyễn Thị Lan");
  auto history = get("nominations", "/api/nominations/v1/nominations/" + first_id + "/history");
  EXPECT_TRUE(contains(history.dump(), "submit")) << history.dump();
  auto n2 = get("nominations", "/api/nominations/v1/nominations/" + second_id);
  EXPECT_EQ(n2["status"], "draft");
  EXPECT_EQ(n2["subject_name"], "Lê Văn Bình");
  get("nominations", "/api/nominations/v1/nominations/" + third_id, 404);

  auto contribution = get("reports", "/api/reports/v1/contributions/2026/to-toan-tin");
  EXPECT_EQ(contribution["status"], "submitted") << contribution.dump();
  EXPECT_TRUE(contains(contribution.dump(), "Soạn 12 bài giảng điện tử cho khối 6"));

  auto register_after = get("reports", "/api/reports/v1/documents?year=2026");
  ASSERT_EQ(register_after["documents"].size(), 1u) << register_after.dump();
  EXPECT_EQ(register_after["documents"][0]["id"], doc_id);
  EXPECT_EQ(register_after["documents"][0]["number_text"], issued_doc["number_text"]);
  EXPECT_TRUE(download("/api/reports/v1/documents/" + doc_id + ".docx") == docx_before)
      << "the DOCX changed";
  EXPECT_TRUE(download("/api/reports/v1/documents/" + doc_id + ".pdf") == pdf_before)
      << "the PDF changed";

  auto message = get("notifications", "/api/notifications/v1/messages/" + message_id);
  EXPECT_EQ(message["state"], "sent");
  EXPECT_EQ(message["history"], message_before["history"]) << "the delivery history changed";
  // Its idempotency key came back too: the same request queues nothing new.
  auto again = queue_message("backup-test-hop-hoi-dong");
  EXPECT_EQ(again.status, 202) << again.body;
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(json::parse(again.body, nullptr, false).value("id", ""), message_id);

  auto me = get("nominations", "/api/nominations/v1/me", 200, lan);
  EXPECT_TRUE(contains(me.dump(), "Nguyễn Thị Lan")) << "the personal token: " << me.dump();

  // The consumer groups came back with their acknowledgements: nothing is delivered twice.
  ASSERT_TRUE(wait_for([&] { return queue_settled(); }));
  EXPECT_EQ(delivered().size(), delivered_before) << fake_calls().dump();
}

TEST_F(BackupRestore, RestoreRefusesAnArchiveThatIsNotABackupAndChangesNothing) {
  start_system();
  if (HasFatalFailure()) return;
  redis().cmd({"CONFIG", "SET", "repl-diskless-sync-delay", "0"});
  auto archive = backup();
  ASSERT_FALSE(archive.empty());
  stop_services();
  redis().stop();
  auto before = names_in(redis().dir(), "");

  // A flipped byte in the snapshot: the sha256 in backup.txt no longer matches.
  std::string dir = work_ + "/damaged";
  fs::create_directories(dir);
  ASSERT_EQ(std::system(("tar -C " + shell_quoted(dir) + " -xzf " + shell_quoted(archive)).c_str()),
            0);
  {
    std::fstream rdb(dir + "/dump.rdb", std::ios::in | std::ios::out | std::ios::binary);
    rdb.seekp(20);
    rdb.put('\x7f');
  }
  std::string damaged = work_ + "/damaged.tar.gz";
  ASSERT_EQ(std::system(("tar -C " + shell_quoted(dir) + " -czf " + shell_quoted(damaged) +
                         " dump.rdb backup.txt")
                            .c_str()),
            0);
  auto r = restore(damaged);
  EXPECT_NE(r.rc, 0);
  EXPECT_TRUE(contains(r.err, "is damaged")) << r.err;

  std::ofstream(work_ + "/not-a-backup.tar.gz") << "hello";
  r = restore(work_ + "/not-a-backup.tar.gz");
  EXPECT_NE(r.rc, 0);
  EXPECT_TRUE(contains(r.err, "is not a thidua backup")) << r.err;

  EXPECT_EQ(names_in(redis().dir(), ""), before);
  ASSERT_NO_THROW(redis().start());
  start_services();
}

}  // namespace
}  // namespace thidua::e2e::backup_test
