// End-to-end tests of `storyline cluster`: the real binary on articles written for the test, and the seeds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "cli/cli_runner.hpp"

namespace storyline::testing {
namespace {

std::string article(const std::string& id, const std::string& text, const std::string& published) {
  return nlohmann::json{{"id", id}, {"text", text}, {"published", published}}.dump() + "\n";
}

const std::string kStorm = "Storm Brigid hit the coast of Brittany with winds of 150 km/h, cutting power near Brest.";
const std::string kStormLater = "Homes near Brest in Brittany were still without power after Storm Brigid hit.";
const std::string kTram = "Lisbon city council approved the extension of the number 15 tram line to the suburbs.";

TEST(CliCluster, ProcessesArticlesInPublicationOrder) {
  const TempDir dir;
  // Given out of order: the earliest article comes last in the file.
  const auto input = dir.write("news.jsonl", article("later", kStormLater, "2020-11-10") +
                                                 article("tram", kTram, "2020-11-09T12:00:00Z") +
                                                 article("first", kStorm, "2020-11-09T06:00:00Z"));
  const CliRun run = run_cli("cluster " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["id"], "first");
  EXPECT_EQ(lines[1]["id"], "tram");
  EXPECT_EQ(lines[2]["id"], "later");
  EXPECT_EQ(lines[0]["story"], lines[2]["story"]);
  EXPECT_NE(lines[0]["story"], lines[1]["story"]);
  EXPECT_TRUE(lines[2]["duplicate_of"].is_null());
  EXPECT_NE(run.err.find("2 stories"), std::string::npos) << run.err;
}

TEST(CliCluster, NamesTheOriginalOfACopy) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", article("wire", kStorm, "2020-11-09") + article("copy", kStorm, "2020-11-09"));
  const auto lines = json_lines(run_cli("cluster " + input.string()).out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1]["duplicate_of"], "wire");
  EXPECT_EQ(lines[1]["story"], lines[0]["story"]);
}

TEST(CliCluster, ARepeatedIdIsSkippedAndReported) {
  const TempDir dir;
  const auto input =
      dir.write("news.jsonl", article("wire", kStorm, "2020-11-09") + article("tram", kTram, "2020-11-09") +
                                  article("wire", kStormLater, "2020-11-10"));
  const CliRun run = run_cli("cluster " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 2u) << "one line per id";
  EXPECT_EQ(lines[0]["id"], "wire");
  EXPECT_NE(run.err.find(input.string() + ":3: id 'wire' was read before"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("skipped 1: repeated id 1"), std::string::npos) << run.err;
  EXPECT_EQ(run_cli("cluster --on-error fail " + input.string()).exit_code, 2);
}

TEST(CliCluster, ExplainShowsSignals) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", article("first", kStorm, "2020-11-09") + article("later", kStormLater, "2020-11-10"));
  const auto lines = json_lines(run_cli("cluster --explain " + input.string()).out);
  ASSERT_EQ(lines.size(), 2u);
  const auto& candidates = lines[1]["candidates"];
  ASSERT_FALSE(candidates.empty());
  EXPECT_EQ(candidates[0]["story"], lines[0]["story"]);
  EXPECT_TRUE(candidates[0]["signals"].contains("body_cosine"));
  EXPECT_TRUE(candidates[0]["signals"].contains("hours_apart"));
  EXPECT_GT(candidates[0]["probability"].get<double>(), 0.0);
}

TEST(CliCluster, WritesTrainingRowsFromGold) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", article("a", kStorm, "2020-11-09") + article("b", kTram, "2020-11-09") +
                                                 article("c", kStormLater, "2020-11-10"));
  const auto gold = dir.write("gold.jsonl", R"({"id":"a","story":"storm"})" "\n" R"({"id":"b","story":"tram"})" "\n"
                                            R"({"id":"c","story":"storm"})" "\n");
  const auto rows = dir.path() / "rows.tsv";
  const CliRun run = run_cli("cluster --quiet --gold " + gold.string() + " --training-data " + rows.string() + " " +
                             input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream in(read_file(rows));
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("label\tbody_cosine\t", 0), 0u) << header;
  int positives = 0;
  for (std::string line; std::getline(in, line);) positives += line[0] == '1' ? 1 : 0;
  EXPECT_EQ(positives, 1);  // "c" scored against the storm story, which gold says it joins
  EXPECT_EQ(run_cli("cluster --training-data " + rows.string() + " " + input.string()).exit_code, 2);
}

TEST(CliCluster, RejectsABrokenModelFile) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", article("a", kStorm, "2020-11-09"));
  const auto model = dir.write("model.json", R"({"format_version": 9})");
  const CliRun run = run_cli("cluster --model " + model.string() + " " + input.string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("format_version"), std::string::npos) << run.err;
}

// Acceptance: the 2018 and 2020 seed reports are different stories of one storyline.
TEST(CliCluster, SeedsAreDifferentStoriesOfOneStoryline) {
  const auto seeds = shared_dir() / "seeds" / "seeds.jsonl";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds << " (set STORYLINE_SHARED_DIR)";
  const CliRun run = run_cli("cluster " + seeds.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0]["story"], lines[1]["story"]);
  EXPECT_EQ(lines[0]["storyline"], lines[1]["storyline"]);
}

}  // namespace
}  // namespace storyline::testing
