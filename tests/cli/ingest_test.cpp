// End-to-end tests of `storyline ingest` and the store listings: the real binary, run the way a user
// would. Its faults (kill -9, a full disk) are in ingest_faults_test.cpp.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <vector>

#include "cli/cli_runner.hpp"
#include "cli/ingest_stream.hpp"

namespace storyline::testing {
namespace {

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
