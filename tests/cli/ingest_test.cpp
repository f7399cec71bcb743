// End-to-end tests of `storyline ingest` and the store listings: the real binary, run the way a user
// would, including being killed with SIGKILL mid-ingest.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>
#include <vector>

#include "cli/cli_runner.hpp"
#include "storyline/store/store.hpp"

namespace storyline::testing {
namespace {

std::string article(const std::string& id, const std::string& text, const std::string& published) {
  return nlohmann::json{{"id", id}, {"text", text}, {"published", published}}.dump() + "\n";
}

// A made-up stream: `topics` matters, each with its own names and words, reported over several days.
// Deterministic, so that every run sees the same articles.
std::vector<std::string> synthetic_stream(int articles, int topics) {
  std::uint32_t state = 12345;
  const auto next = [&state] {
    state = state * 1664525U + 1013904223U;
    return state >> 8;
  };
  const auto word = [&](std::uint32_t seed, bool name) {
    static const char* const kSyllables[] = {"ka",  "lo", "mer", "tis", "van", "dor",
                                             "bel", "ru", "sen", "pa",  "gri", "ot"};
    std::string w;
    for (int s = 0; s < 3; ++s) w += kSyllables[(seed >> (s * 4)) % 12];
    if (name) w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  std::vector<std::string> lines;
  for (int i = 0; i < articles; ++i) {
    const int topic = static_cast<int>(next() % static_cast<std::uint32_t>(topics));
    std::string text = "Officials in " + word(static_cast<std::uint32_t>(topic) * 7919U, true) + " said ";
    for (int w = 0; w < 40; ++w) {
      const bool own = next() % 3 != 0;
      text += word(own ? static_cast<std::uint32_t>(topic) * 131U + next() % 12 : next() % 4096, false) + ' ';
    }
    text += "according to " + word(static_cast<std::uint32_t>(topic) * 104729U, true) + " " +
            word(static_cast<std::uint32_t>(topic) * 15485863U, true) + ".";
    const int day = 1 + i * 27 / articles;
    char date[32];
    std::snprintf(date, sizeof date, "2021-03-%02dT%02d:%02d:00Z", day, (i / 60) % 24, i % 60);
    lines.push_back(article("s" + std::to_string(i), text, date));
  }
  return lines;
}

std::string join(const std::vector<std::string>& lines, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) out += lines[i];
  return out;
}

using Row =
    std::tuple<std::string, std::uint32_t, std::uint32_t, std::string>;  // id, story, storyline, copy of

// Every stored article in stream order with its assignment, a copy named by id.
std::vector<Row> assignments(const std::filesystem::path& db) {
  auto store = Store::open(db.string(), StoreMode::kReadOnly);
  EXPECT_TRUE(store) << store.error().message();
  if (!store) return {};
  std::vector<std::string> ids;
  std::vector<Row> rows;
  EXPECT_TRUE(store->for_each_article([&](const StoredArticle& a) -> Status {
    ids.push_back(a.article.id);
    rows.emplace_back(a.article.id, a.assignment.story, a.assignment.storyline,
                      a.assignment.duplicate_of ? ids[*a.assignment.duplicate_of] : "");
    return {};
  }));
  return rows;
}

TEST(CliIngest, TwoHalvesGiveTheStoriesOfOneRun) {
  const TempDir dir;
  const auto lines = synthetic_stream(400, 12);
  const auto all = dir.write("all.jsonl", join(lines, 0, lines.size()));
  const auto first = dir.write("first.jsonl", join(lines, 0, 200));
  const auto second = dir.write("second.jsonl", join(lines, 200, lines.size()));
  const auto one = dir.path() / "one.db";
  const auto two = dir.path() / "two.db";
  CliRun run = run_cli("ingest --db " + one.string() + " --batch 64 " + all.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("added 400, already present 0"), std::string::npos) << run.err;
  run = run_cli("ingest --db " + two.string() + " --batch 64 " + first.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  run = run_cli("ingest --db " + two.string() + " --batch 64 " + second.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("replayed 200 stored articles"), std::string::npos) << run.err;
  const auto expected = assignments(one);
  ASSERT_EQ(expected.size(), 400u);
  EXPECT_EQ(assignments(two), expected);
  // The made-up stream has real stories to get right: neither one story nor one per article.
  std::set<std::uint32_t> stories;
  for (const Row& row : expected) stories.insert(std::get<1>(row));
  EXPECT_GT(stories.size(), 5u);
  EXPECT_LT(stories.size(), 200u);
  // The store's stories are cluster's: the same input through `cluster` gives the same numbers.
  const auto clustered = json_lines(run_cli("cluster " + all.string()).out);
  ASSERT_EQ(clustered.size(), expected.size());
  for (std::size_t i = 0; i < clustered.size(); ++i) {
    EXPECT_EQ(clustered[i]["id"], std::get<0>(expected[i]));
    EXPECT_EQ(clustered[i]["story"], std::get<1>(expected[i]));
    EXPECT_EQ(clustered[i]["storyline"], std::get<2>(expected[i]));
  }
}

TEST(CliIngest, ReingestingTheSameInputAddsNothing) {
  const TempDir dir;
  const auto lines = synthetic_stream(120, 5);
  const auto input = dir.write("news.jsonl", join(lines, 0, lines.size()));
  const auto db = dir.path() / "store.db";
  ASSERT_EQ(run_cli("ingest --db " + db.string() + " " + input.string()).exit_code, 0);
  const auto before = assignments(db);
  const CliRun again = run_cli("ingest --db " + db.string() + " -o - " + input.string());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("added 0, already present 120"), std::string::npos) << again.err;
  EXPECT_TRUE(again.out.empty());  // -o lists added articles only
  EXPECT_EQ(assignments(db), before);
  const auto stories = json_lines(run_cli("stories --db " + db.string()).out);
  std::uint64_t total = 0;
  for (const auto& story : stories) total += story["articles"].get<std::uint64_t>();
  EXPECT_EQ(total, 120u);
}

TEST(CliIngest, ListsStoriesAndStorylines) {
  const TempDir dir;
  const std::string storm =
      "Storm Brigid hit the coast of Brittany with winds of 150 km/h, cutting power near Brest.";
  const std::string tram =
      "Lisbon city council approved the extension of the number 15 tram line to the suburbs.";
  const auto input = dir.write("news.jsonl", article("a", storm, "2020-11-09T06:00:00Z") +
                                                 article("b", tram, "2020-11-09T12:00:00Z") +
                                                 article("c", storm, "2020-11-10"));
  const auto db = dir.path() / "store.db";
  const CliRun ingest = run_cli("ingest --db " + db.string() + " -o - " + input.string());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  const auto added = json_lines(ingest.out);
  ASSERT_EQ(added.size(), 3u);
  EXPECT_EQ(added[2]["duplicate_of"], "a");
  const auto stories = json_lines(run_cli("stories --db " + db.string()).out);
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0]["articles"], 2);
  EXPECT_EQ(stories[0]["first_published"], "2020-11-09T06:00:00Z");
  EXPECT_EQ(stories[0]["last_published"], "2020-11-10T00:00:00Z");
  EXPECT_EQ(stories[0]["first_article"], "a");
  const auto storylines = json_lines(run_cli("storylines --db " + db.string()).out);
  ASSERT_EQ(storylines.size(), 2u);
  EXPECT_EQ(storylines[1]["articles"], 1);
  const CliRun table = run_cli("stories --format table --db " + db.string());
  EXPECT_NE(table.out.find("2020-11-09  2020-11-10"), std::string::npos) << table.out;
  const CliRun missing = run_cli("stories --db " + (dir.path() / "none.db").string());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("none.db"), std::string::npos) << missing.err;
}

// Starts `storyline ingest` as a child process (no shell, so the pid is the ingest's own).
pid_t start_ingest(const std::filesystem::path& db, const std::filesystem::path& input,
                   const std::string& batch) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execl(STORYLINE_CLI_PATH, STORYLINE_CLI_PATH, "ingest", "--db", db.c_str(), "--batch", batch.c_str(),
            input.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

TEST(CliIngest, KillNineMidIngestLosesNothingCommittedAndReingestCompletes) {
  const TempDir dir;
  constexpr int kArticles = 3000;
  const auto lines = synthetic_stream(kArticles, 40);
  const auto input = dir.write("news.jsonl", join(lines, 0, lines.size()));
  const auto db = dir.path() / "store.db";

  const pid_t child = start_ingest(db, input, "25");
  ASSERT_GT(child, 0);
  // Wait until a few batches are committed (readers see only committed batches), then kill.
  std::uint64_t seen = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (seen < 100 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (auto store = Store::open(db.string(), StoreMode::kReadOnly)) {
      if (auto count = store->article_count()) seen = *count;
    }
  }
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed; make the input larger";

  {
    auto store = Store::open(db.string(), StoreMode::kReadOnly);
    ASSERT_TRUE(store) << store.error().message();
    auto problems = store->check_integrity();
    ASSERT_TRUE(problems);
    EXPECT_TRUE(problems->empty()) << (*problems)[0];
    const std::uint64_t committed = *store->article_count();
    EXPECT_GE(committed, 100u);
    EXPECT_LT(committed, static_cast<std::uint64_t>(kArticles));
    EXPECT_EQ(committed % 25, 0u);  // whole batches only
  }

  const CliRun again = run_cli("ingest --db " + db.string() + " --batch 25 " + input.string());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto completed = assignments(db);
  ASSERT_EQ(completed.size(), static_cast<std::size_t>(kArticles));
  std::set<std::string> ids;
  for (const Row& row : completed) ids.insert(std::get<0>(row));
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kArticles));  // each article exactly once

  // And the stories are those of an ingest that was never interrupted.
  const auto clean = dir.path() / "clean.db";
  ASSERT_EQ(run_cli("ingest --db " + clean.string() + " " + input.string()).exit_code, 0);
  EXPECT_EQ(completed, assignments(clean));
}

// The acceptance on real news: timeline17 ingested in two halves (split by publication date)
// gives the stories of one run.
TEST(CliIngest, Timeline17InTwoHalvesEqualsOneRun) {
  const auto data = shared_dir() / "data" / "timeline17" / "articles.jsonl";
  if (!std::filesystem::exists(data)) GTEST_SKIP() << "no " << data;
  const TempDir dir;
  std::ifstream in(data);
  std::string first;
  std::string second;
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line);
    (record.value("published", std::string()) < "2010-07-29" ? first : second) += line + "\n";
  }
  const auto first_file = dir.write("first.jsonl", first);
  const auto second_file = dir.write("second.jsonl", second);
  const auto one = dir.path() / "one.db";
  const auto two = dir.path() / "two.db";
  ASSERT_EQ(run_cli("ingest --db " + one.string() + " " + data.string()).exit_code, 0);
  ASSERT_EQ(run_cli("ingest --db " + two.string() + " " + first_file.string()).exit_code, 0);
  ASSERT_EQ(run_cli("ingest --db " + two.string() + " " + second_file.string()).exit_code, 0);
  const auto expected = assignments(one);
  EXPECT_EQ(expected.size(), 4328u);
  EXPECT_EQ(assignments(two), expected);
}

}  // namespace
}  // namespace storyline::testing
