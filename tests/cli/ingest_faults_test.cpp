// `storyline ingest` under faults: killed with SIGKILL at random points, and writing to a disk that fills
// up. Each time the store must open, pass PRAGMA integrity_check, hold whole batches only, and after the
// same ingest is run again hold every article exactly once, with the stories of a run never interrupted.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_runner.hpp"
#include "cli/ingest_stream.hpp"
#include "storyline/common/error.hpp"
#include "storyline/store/store.hpp"

namespace storyline::testing {
namespace {

// Starts `storyline ingest --db DB --batch BATCH INPUT` as a child process (no shell, so the pid is the
// ingest's own), its stdout to /dev/null and its stderr to `err`. With `max_file_bytes`, no file it
// writes may grow past that size: SIGXFSZ is ignored, so a write beyond it fails with EFBIG, as a write
// to a full disk fails with ENOSPC.
pid_t start_ingest(const std::filesystem::path& db, const std::filesystem::path& input,
                   const std::string& batch, const std::filesystem::path& err = "/dev/null",
                   std::optional<rlim_t> max_file_bytes = std::nullopt) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    const int log = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(log, STDERR_FILENO);
    if (max_file_bytes) {
      ::signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{*max_file_bytes, *max_file_bytes};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ::execl(STORYLINE_CLI_PATH, STORYLINE_CLI_PATH, "ingest", "--db", db.c_str(), "--batch", batch.c_str(),
            input.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// The number of articles the store at `db` holds, after checking that it opens and passes
// PRAGMA integrity_check; 0 when the store file does not exist yet, or is still empty: SQLite creates the
// file before the ingest commits its schema, and a kill in between (likely under sanitizers, which slow
// the start) leaves an empty database, which a read-only open rightly refuses as not yet a store.
std::uint64_t checked_count(const std::filesystem::path& db) {
  if (!std::filesystem::exists(db)) return 0;
  auto store = Store::open(db.string(), StoreMode::kReadOnly);
  if (!store && store.error().code == ErrorCode::kUnsupportedFormat &&
      store.error().reason.find("an empty file") != std::string::npos) {
    return 0;
  }
  EXPECT_TRUE(store) << store.error().message();
  if (!store) return 0;
  auto problems = store->check_integrity();
  EXPECT_TRUE(problems) << problems.error().message();
  if (problems) {
    EXPECT_TRUE(problems->empty()) << (*problems)[0];
  }
  auto count = store->article_count();
  EXPECT_TRUE(count) << count.error().message();
  return count ? *count : 0;
}

// Runs the ingest to its end, then checks that the store holds every article once, as a run that was
// never interrupted would have placed it.
void expect_complete_after_reingest(const std::filesystem::path& db, const std::filesystem::path& input,
                                    const std::string& batch, std::size_t articles) {
  const CliRun again = run_cli("ingest --db " + db.string() + " --batch " + batch + " " + input.string());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto completed = assignments(db);
  ASSERT_EQ(completed.size(), articles);
  std::set<std::string> ids;
  for (const Row& row : completed) ids.insert(std::get<0>(row));
  EXPECT_EQ(ids.size(), articles);  // each article exactly once

  const auto clean = db.parent_path() / "clean.db";
  ASSERT_EQ(run_cli("ingest --db " + clean.string() + " " + input.string()).exit_code, 0);
  EXPECT_EQ(completed, assignments(clean));
}

// Each test's scratch directory, its input (a made-up stream) and its store.
class IngestFaults : public ::testing::Test {
 protected:
  void write_stream(int articles, int topics) {
    const auto lines = synthetic_stream(articles, topics);
    m_input = m_dir.write("news.jsonl", join(lines, 0, lines.size()));
  }

  const TempDir m_dir;
  std::filesystem::path m_input;
  const std::filesystem::path m_db = m_dir.path() / "store.db";
};

TEST_F(IngestFaults, KillNineMidIngestLosesNothingCommittedAndReingestCompletes) {
  constexpr int kArticles = 3000;
  write_stream(kArticles, 40);

  const pid_t child = start_ingest(m_db, m_input, "25");
  ASSERT_GT(child, 0);
  // Wait until a few batches are committed (readers see only committed batches), then kill.
  std::uint64_t seen = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (seen < 100 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (auto store = Store::open(m_db.string(), StoreMode::kReadOnly)) {
      if (auto count = store->article_count()) seen = *count;
    }
  }
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed; make the input larger";

  const std::uint64_t committed = checked_count(m_db);
  EXPECT_GE(committed, 100u);
  EXPECT_LT(committed, static_cast<std::uint64_t>(kArticles));
  EXPECT_EQ(committed % 25, 0u);  // whole batches only
  expect_complete_after_reingest(m_db, m_input, "25", kArticles);
}

// Twenty SIGKILLs at random moments of the same resumed ingest: before the store exists, while it replays
// what is stored, mid-batch and mid-commit. The moments come from a fixed seed, so a failure repeats.
TEST_F(IngestFaults, TwentyKillsAtRandomPointsLeaveAStoreThatReingestCompletes) {
  constexpr int kArticles = 6000;
  constexpr int kKills = 20;
  write_stream(kArticles, 60);

  std::mt19937 random(20261203);
  std::uniform_int_distribution<int> delay_ms(0, 120);
  std::uint64_t stored = 0;
  int kills = 0;
  for (int attempt = 0; kills < kKills; ++attempt) {
    ASSERT_LT(attempt, 3 * kKills) << "the ingest keeps finishing before the kill; make the input larger";
    const pid_t child = start_ingest(m_db, m_input, "20");
    ASSERT_GT(child, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    ASSERT_EQ(::kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    if (WIFSIGNALED(status)) ++kills;

    const std::uint64_t now = checked_count(m_db);
    EXPECT_GE(now, stored) << "kill " << kills << " lost committed articles";
    EXPECT_EQ(now % 20, 0u) << "kill " << kills << " left part of a batch";
    stored = now;
    if (stored == static_cast<std::uint64_t>(kArticles)) break;  // complete: later kills would prove nothing
  }
  RecordProperty("kills", kills);
  RecordProperty("stored_before_the_last_ingest", static_cast<int>(stored));
  EXPECT_EQ(kills, kKills) << "the ingest completed after " << kills << " kills; make the input larger";
  EXPECT_LT(stored, static_cast<std::uint64_t>(kArticles));
  expect_complete_after_reingest(m_db, m_input, "20", kArticles);
}

// A disk that fills up mid-ingest: stand-in is a file size limit of 256 KiB, which the store's write-ahead
// log passes within a few batches. The ingest must stop with an error that names the store and says what
// to do, keeping the batches it committed.
TEST_F(IngestFaults, AFullDiskStopsTheIngestWithAClearErrorAndKeepsWhatWasCommitted) {
  constexpr int kArticles = 3000;
  write_stream(kArticles, 40);
  const auto err = m_dir.path() / "stderr";

  const pid_t child = start_ingest(m_db, m_input, "25", err, 256 * 1024);
  ASSERT_GT(child, 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "the ingest died of signal " << WTERMSIG(status);
  EXPECT_NE(WEXITSTATUS(status), 0) << "the ingest ignored a failed write";
  const std::string message = read_file(err);
  EXPECT_NE(message.find("store.db"), std::string::npos) << message;
  EXPECT_NE(message.find("disk may be full"), std::string::npos) << message;
  EXPECT_NE(message.find("run the same command again"), std::string::npos) << message;

  const std::uint64_t committed = checked_count(m_db);
  EXPECT_GT(committed, 0u) << "the limit left no room for a first batch; raise it";
  EXPECT_LT(committed, static_cast<std::uint64_t>(kArticles)) << "the limit was never reached; lower it";
  EXPECT_EQ(committed % 25, 0u);  // whole batches only
  expect_complete_after_reingest(m_db, m_input, "25", kArticles);
}

}  // namespace
}  // namespace storyline::testing
