// End-to-end tests of `storyline similar`: the real binary on real files, the seeds, every verdict and the
// exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "unit/link/article_pairs.hpp"

namespace storyline::testing {
namespace {

std::string json_file(const pairs::Text& text, bool dated = true) {
  nlohmann::json article{{"id", text.id}, {"title", text.title}, {"text", text.text}};
  if (dated) article["published"] = text.published;
  return article.dump() + "\n";
}

std::string txt_file(const pairs::Text& text) { return std::string(text.title) + "\n\n" + text.text + "\n"; }

nlohmann::json similar_json(const std::filesystem::path& a, const std::filesystem::path& b) {
  const CliRun run = run_cli("similar --json " + a.string() + " " + b.string());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return nlohmann::json::parse(run.out);
}

bool has(const nlohmann::json& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(CliSimilar, PrintsTheJsonShape) {
  const TempDir dir;
  const auto out = similar_json(dir.write("a.json", json_file(pairs::kFire)),
                                dir.write("b.json", json_file(pairs::kFireRetold)));
  ASSERT_TRUE(out.contains("verdict") && out.contains("score") && out.contains("evidence")) << out.dump();
  const auto& evidence = out["evidence"];
  for (const char* kind : {"people", "places", "organisations", "other"}) {
    EXPECT_TRUE(evidence["shared_entities"][kind].is_array()) << kind;
  }
  EXPECT_TRUE(evidence["shared_terms"].is_array());
  EXPECT_TRUE(evidence["time_gap_days"].is_number());
  EXPECT_TRUE(evidence["jaccard"].is_number());
  EXPECT_TRUE(evidence["cosine"].is_number());
  EXPECT_EQ(evidence["languages"], nlohmann::json::array({"en", "en"}));
  EXPECT_GE(out["score"].get<double>(), 1.0);
  EXPECT_LE(out["score"].get<double>(), 4.0);
}

TEST(CliSimilar, EachVerdictOnJsonFiles) {
  const TempDir dir;
  const auto fire = dir.write("fire.json", json_file(pairs::kFire));
  const auto copy = dir.write("copy.json", json_file(pairs::kFireCopy));
  const auto retold = dir.write("retold.json", json_file(pairs::kFireRetold));
  const auto reopens = dir.write("reopens.json", json_file(pairs::kHarbourReopens));
  const auto football = dir.write("football.json", json_file(pairs::kFootball));
  EXPECT_EQ(similar_json(fire, copy)["verdict"], "duplicate");
  EXPECT_EQ(similar_json(fire, retold)["verdict"], "same_story");
  const auto storyline = similar_json(fire, reopens);
  EXPECT_EQ(storyline["verdict"], "same_storyline");
  EXPECT_EQ(storyline["evidence"]["time_gap_days"], 403.0);
  EXPECT_TRUE(has(storyline["evidence"]["shared_entities"]["people"], "Alda Brennan")) << storyline.dump();
  const auto unrelated = similar_json(fire, football);
  EXPECT_EQ(unrelated["verdict"], "unrelated");
  EXPECT_GT(unrelated["score"].get<double>(), storyline["score"].get<double>());
}

TEST(CliSimilar, TxtFilesAreUndated) {
  const TempDir dir;
  const auto fire = dir.write("fire.txt", txt_file(pairs::kFire));
  const auto retold = dir.write("retold.txt", txt_file(pairs::kFireRetold));
  const auto football = dir.write("football.txt", txt_file(pairs::kFootball));
  const auto same = similar_json(fire, retold);
  EXPECT_EQ(same["verdict"], "same_story");
  EXPECT_TRUE(same["evidence"]["time_gap_days"].is_null());
  EXPECT_EQ(similar_json(fire, football)["verdict"], "unrelated");
}

TEST(CliSimilar, ReadableReportNamesVerdictAndReason) {
  const TempDir dir;
  const CliRun run = run_cli("similar " + dir.write("a.json", json_file(pairs::kFire)).string() + " " +
                             dir.write("b.json", json_file(pairs::kHarbourReopens)).string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("same_storyline", 0), 0u) << run.out;
  EXPECT_NE(run.out.find("why:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("403.0 days"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Alda Brennan"), std::string::npos) << run.out;
}

TEST(CliSimilar, ArticlesInTwoLanguagesSayWhyTheyAreOneStoryline) {
  const TempDir dir;
  const auto english = dir.write("en.json", json_file(pairs::kQuotasEnglish));
  const auto spanish = dir.write("es.json", json_file(pairs::kQuotasSpanish));
  const auto out = similar_json(english, spanish);
  EXPECT_EQ(out["verdict"], "same_storyline") << out.dump();
  EXPECT_EQ(out["evidence"]["languages"], nlohmann::json::array({"en", "es"}));

  CliRun run = run_cli("similar " + english.string() + " " + spanish.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("told in two languages (en, es)"), std::string::npos) << run.out;

  run = run_cli("similar --entities-across-languages 99 " + english.string() + " " + spanish.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("unrelated", 0), 0u) << run.out;
  EXPECT_NE(run.out.find(">= 99 shared"), std::string::npos) << run.out;

  run = run_cli("similar --entities-across-languages 0 " + english.string() + " " + spanish.string());
  EXPECT_EQ(run.exit_code, 2);
}

TEST(CliSimilar, AcceptsPrettyPrintedJson) {
  const TempDir dir;
  nlohmann::json article{{"id", pairs::kFireCopy.id}, {"title", pairs::kFireCopy.title}, {"text", pairs::kFireCopy.text}};
  const auto pretty = dir.write("pretty.json", article.dump(2) + "\n");
  EXPECT_EQ(similar_json(dir.write("a.json", json_file(pairs::kFire)), pretty)["verdict"], "duplicate");
}

TEST(CliSimilar, ExitCodesAndMessages) {
  const TempDir dir;
  const auto good = dir.write("good.json", json_file(pairs::kFire));

  CliRun run = run_cli("similar " + good.string());
  EXPECT_EQ(run.exit_code, 2) << "one article is a usage error";

  run = run_cli("similar " + good.string() + " " + (dir.path() / "missing.json").string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("missing.json"), std::string::npos) << run.err;

  const auto broken = dir.write("broken.json", "{\"id\": \"x\", \"text\": \n");
  run = run_cli("similar " + good.string() + " " + broken.string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("broken.json"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("malformed JSON"), std::string::npos) << run.err;

  const auto two = dir.write("two.jsonl", json_file(pairs::kFire) + json_file(pairs::kFootball));
  run = run_cli("similar " + good.string() + " " + two.string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("two.jsonl"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("more than one record"), std::string::npos) << run.err;

  const auto no_text = dir.write("no-text.json", R"({"id": "x", "title": "Only a title"})");
  run = run_cli("similar " + good.string() + " " + no_text.string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("no-text.json"), std::string::npos) << run.err;

  const auto csv = dir.write("a.csv", "id,text\n");
  run = run_cli("similar " + good.string() + " " + csv.string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("a.csv"), std::string::npos) << run.err;

  run = run_cli("similar --duplicate-threshold 2 " + good.string() + " " + good.string());
  EXPECT_EQ(run.exit_code, 2);
}

// The seeds: two reports of one storyline (US-North Korea summit diplomacy), 2018 and 2020.
class CliSimilarSeeds : public ::testing::Test {
 protected:
  void SetUp() override {
    m_seeds = shared_dir() / "seeds";
    if (!std::filesystem::exists(m_seeds / "seeds.jsonl")) GTEST_SKIP() << "no seeds in " << m_seeds;
  }
  std::filesystem::path m_seeds;
};

TEST_F(CliSimilarSeeds, DatedSeedsAreOneStorylineTwoYearsApart) {
  const TempDir dir;
  std::ifstream in(m_seeds / "seeds.jsonl");
  std::vector<std::filesystem::path> files;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) files.push_back(dir.write("seed" + std::to_string(files.size()) + ".json", line + "\n"));
  }
  ASSERT_EQ(files.size(), 2u);
  const auto out = similar_json(files[0], files[1]);
  EXPECT_EQ(out["verdict"], "same_storyline") << out.dump();
  const auto& entities = out["evidence"]["shared_entities"];
  for (const char* person : {"Mike Pompeo", "Donald Trump", "Kim Jong-un"}) {
    EXPECT_TRUE(has(entities["people"], person)) << person << " in " << entities.dump();
  }
  for (const char* place : {"North Korea", "Singapore"}) {
    EXPECT_TRUE(has(entities["places"], place)) << place << " in " << entities.dump();
  }
  EXPECT_NEAR(out["evidence"]["time_gap_days"].get<double>(), 655.0, 1.0);
}

TEST_F(CliSimilarSeeds, UndatedSeedsAreRelatedWithEvidence) {
  const CliRun run = run_cli("similar --json " + (m_seeds / "000_f337b9528f10e226.txt").string() + " " +
                             (m_seeds / "003_4eeb0491fbd7206d.txt").string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto out = nlohmann::json::parse(run.out);
  const std::string verdict = out["verdict"];
  EXPECT_TRUE(verdict == "same_storyline" || verdict == "same_story") << verdict;
  EXPECT_TRUE(out["evidence"]["time_gap_days"].is_null());
  EXPECT_TRUE(has(out["evidence"]["shared_entities"]["people"], "Mike Pompeo")) << out.dump();
  EXPECT_TRUE(has(out["evidence"]["shared_entities"]["places"], "North Korea")) << out.dump();
  EXPECT_FALSE(out["evidence"]["shared_terms"].empty());
  EXPECT_GT(out["evidence"]["cosine"].get<double>(), 0.2);
}

// --db compares two stored articles by id: the same report as for the same articles in files.
TEST(CliSimilar, ComparesStoredArticlesById) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", json_file(pairs::kFire) + json_file(pairs::kFireRetold));
  const auto db = (dir.path() / "store.db").string();
  ASSERT_EQ(run_cli("ingest --quiet --db " + db + " " + input.string()).exit_code, 0);
  const auto a = dir.write("a.json", json_file(pairs::kFire));
  const auto b = dir.write("b.json", json_file(pairs::kFireRetold));
  const std::string ids = std::string(" ") + pairs::kFire.id + " " + pairs::kFireRetold.id;
  for (const char* flags : {"", "--json"}) {
    const CliRun from_files = run_cli(std::string("similar ") + flags + " " + a.string() + " " + b.string());
    const CliRun from_store = run_cli(std::string("similar ") + flags + " --db " + db + ids);
    ASSERT_EQ(from_store.exit_code, 0) << from_store.err;
    EXPECT_FALSE(from_store.out.empty());
    EXPECT_EQ(from_store.out, from_files.out) << flags;
  }
  const CliRun unknown = run_cli("similar --db " + db + " " + pairs::kFire.id + " nope");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no article with id 'nope' in the store"), std::string::npos) << unknown.err;
  const CliRun missing = run_cli("similar --db " + (dir.path() / "none.db").string() + ids);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("none.db"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace storyline::testing
