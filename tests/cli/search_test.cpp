// End-to-end tests of `storyline search`: the real binary over a store ingested from samples/.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"

namespace storyline::testing {
namespace {

class CliSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string samples = std::string(STORYLINE_SOURCE_DIR) + "/samples/articles.jsonl";
    const CliRun ingest = run_cli("ingest --quiet --db " + m_db.string() + " " + samples);
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  CliRun search(const std::string& arguments) { return run_cli("search --db " + m_db.string() + " " + arguments); }

  TempDir m_dir;
  std::filesystem::path m_db = m_dir.path() / "store.db";
};

TEST_F(CliSearch, PrintsATableBestFirst) {
  const CliRun run = search("Lisbon tram");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream lines(run.out);
  std::string header;
  std::string first;
  std::getline(lines, header);
  std::getline(lines, first);
  EXPECT_EQ(header.rfind("rank", 0), 0u) << run.out;
  EXPECT_NE(header.find("title"), std::string::npos) << run.out;
  EXPECT_NE(first.find("vote-2020-11  Lisbon council approves tram line extension"), std::string::npos) << run.out;
  EXPECT_NE(first.find("2020-11-10"), std::string::npos) << run.out;
  EXPECT_TRUE(run.err.empty()) << run.err;
}

TEST_F(CliSearch, JsonIsOneArticleWithScorePerLine) {
  const CliRun run = search("--json Barents");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto hits = json_lines(run.out);
  ASSERT_GE(hits.size(), 2u);
  double previous = hits[0]["score"].get<double>();
  bool saw_copy = false;
  for (const auto& hit : hits) {
    EXPECT_EQ(hit["id"].get<std::string>().rfind("fish-", 0), 0u) << hit.dump();
    EXPECT_FALSE(hit.contains("text"));
    EXPECT_TRUE(hit.contains("storyline"));
    EXPECT_LE(hit["score"].get<double>(), previous);
    previous = hit["score"].get<double>();
    if (hit["id"] == "fish-2019-03-b") {
      saw_copy = true;
      EXPECT_EQ(hit["duplicate_of"], "fish-2019-03-a");
    }
  }
  EXPECT_TRUE(saw_copy) << run.out;
  EXPECT_EQ(json_lines(search("--json --limit 1 Barents").out).size(), 1u);
}

TEST_F(CliSearch, WordsNeedNoQuotesAndSyntaxIsText) {
  const CliRun words = search("--json storm brigid");
  ASSERT_EQ(words.exit_code, 0) << words.err;
  EXPECT_EQ(json_lines(words.out).size(), 3u);
  EXPECT_EQ(search("--json '\"storm brigid\"'").out, words.out);
  for (const char* hostile : {"'storm AND'", "'NEAR(storm'", "'*'", "'\"'", "'title:storm'", "'; DROP TABLE articles'"}) {
    const CliRun run = search(hostile);
    EXPECT_EQ(run.exit_code, 0) << hostile << ": " << run.err;
  }
}

TEST_F(CliSearch, NoMatchEmptyQueryAndMissingStore) {
  const CliRun none = search("volcano");
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_TRUE(none.out.empty()) << none.out;
  EXPECT_NE(none.err.find("no article holds every word of \"volcano\""), std::string::npos) << none.err;

  const CliRun empty = search("'  '");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("empty"), std::string::npos) << empty.err;

  const CliRun missing = run_cli("search --db " + (m_dir.path() / "none.db").string() + " storm");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("none.db"), std::string::npos) << missing.err;
  EXPECT_EQ(search("").exit_code, 2);  // no words at all: a usage error from the parser
}

}  // namespace
}  // namespace storyline::testing
