// End-to-end tests of `storyline analyze`: the real binary, real files, real exit codes.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "cli/cli_runner.hpp"

namespace storyline::testing {
namespace {

// Three good articles, a malformed line, a line without text and a line with invalid UTF-8.
const std::string kMixedJsonl =
    R"({"id":"a1","title":"Storm hits coast","text":"A storm hit the coast of Brittany on Monday.","published":"2021-03-02"})"
    "\n"
    R"({"id":"a2","text":"Unclosed record)"
    "\n"
    R"({"id":"a3","text":"Fishermen in Brittany counted the damage.","section":"weather"})"
    "\n"
    R"({"id":"a4","title":"No body here"})"
    "\n"
    R"({"id":"a5","text":"Insurers in Paris expect claims to rise."})"
    "\n"
    "{\"id\":\"a6\",\"text\":\"bad byte \xff here\"}\n";

TEST(CliAnalyze, AnalysesGoodLinesAndNamesBadOnes) {
  const TempDir dir;
  const auto input = dir.write("mixed.jsonl", kMixedJsonl);
  const CliRun run = run_cli("analyze " + input.string());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const auto lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["id"], "a1");
  EXPECT_EQ(lines[1]["id"], "a3");
  EXPECT_EQ(lines[2]["id"], "a5");
  EXPECT_NE(run.err.find("mixed.jsonl:2: malformed JSON"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("mixed.jsonl:4: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("'text'"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("mixed.jsonl:6: invalid UTF-8"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("read 3 articles"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("skipped 3"), std::string::npos) << run.err;
}

TEST(CliAnalyze, FailModeStopsAtTheFirstBadLine) {
  const TempDir dir;
  const auto input = dir.write("mixed.jsonl", kMixedJsonl);
  const CliRun run = run_cli("analyze --on-error=fail " + input.string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(json_lines(run.out).size(), 1u);  // a1 came before the first bad line
  EXPECT_NE(run.err.find("mixed.jsonl:2: malformed JSON"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("mixed.jsonl:4"), std::string::npos) << "went past the first bad line: " << run.err;
}

TEST(CliAnalyze, PrintsWhatTheEngineSees) {
  const TempDir dir;
  const auto input = dir.write("one.jsonl", R"({"id":"x","text":"Prime Minister Jacinda Ardern visited Wellington on Friday. Ardern said the visit went well.","published":"2019-03-17T08:00:00Z"})"
                                            "\n");
  const CliRun run = run_cli("analyze --top-terms 3 " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 1u);
  const auto& article = lines[0];
  EXPECT_EQ(article["lang"], "en");
  EXPECT_EQ(article["published"], "2019-03-17");
  EXPECT_EQ(article["terms"].size(), 3u);
  const auto& person = article["entities"][0];
  EXPECT_EQ(person["name"], "Jacinda Ardern");
  EXPECT_EQ(person["kind"], "person");
  EXPECT_EQ(person["mentions"], 2);
  ASSERT_FALSE(article["dates"].empty());
  EXPECT_EQ(article["dates"][0]["text"], "Friday");
  EXPECT_EQ(article["dates"][0]["date"], "2019-03-15");
}

TEST(CliAnalyze, ReadsStdinAndWritesToAFile) {
  const TempDir dir;
  const auto input = dir.write("in.jsonl", R"({"id":"s1","text":"Markets in Tokyo rose."})" "\n");
  const auto output = dir.path() / "out.jsonl";
  const CliRun run = run_cli("analyze -o " + output.string() + " -", input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.empty());
  const auto lines = json_lines(read_file(output));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], "s1");
}

TEST(CliAnalyze, QuietSuppressesTheSummaryButNotBadRecords) {
  const TempDir dir;
  const auto input = dir.write("mixed.jsonl", kMixedJsonl);
  const CliRun run = run_cli("analyze --quiet " + input.string());
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.err.find("read 3 articles"), std::string::npos);
  EXPECT_NE(run.err.find("mixed.jsonl:2"), std::string::npos);
}

TEST(CliAnalyze, MissingInputFailsAfterTheOthers) {
  const TempDir dir;
  const auto input = dir.write("ok.jsonl", R"({"id":"k","text":"Rain fell in Oslo."})" "\n");
  const CliRun run = run_cli("analyze " + (dir.path() / "missing.jsonl").string() + " " + input.string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(json_lines(run.out).size(), 1u);
  EXPECT_NE(run.err.find("missing.jsonl"), std::string::npos) << run.err;
}

TEST(CliUsage, HelpAndBadUsage) {
  const CliRun help = run_cli("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("analyze"), std::string::npos);
  const CliRun command_help = run_cli("analyze --help");
  EXPECT_EQ(command_help.exit_code, 0);
  EXPECT_NE(command_help.out.find("--on-error"), std::string::npos);
  EXPECT_EQ(run_cli("").exit_code, 2);
  EXPECT_EQ(run_cli("analyze").exit_code, 2);
  EXPECT_EQ(run_cli("analyze --on-error=maybe x.jsonl").exit_code, 2);
  EXPECT_EQ(run_cli("frobnicate").exit_code, 2);
}

// Acceptance: the 2018 seed names each of these once, with a kind.
TEST(CliAnalyze, SeedArticleEntities) {
  const auto seeds = shared_dir() / "seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds << " (set STORYLINE_SHARED_DIR)";
  const CliRun run = run_cli("analyze " + seeds.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 2u);
  const auto& seed_2018 = lines[0];
  EXPECT_EQ(seed_2018["id"], "000_f337b9528f10e226");
  const std::map<std::string, std::string> expected = {
      {"Mike Pompeo", "person"}, {"Donald Trump", "person"}, {"Kim Jong-un", "person"},
      {"Moon Jae-in", "person"}, {"North Korea", "place"},   {"Pyongyang", "place"},
      {"Singapore", "place"},    {"Washington", "place"}};
  for (const auto& [name, kind] : expected) {
    int found = 0;
    for (const auto& entity : seed_2018["entities"]) {
      if (entity["name"] == name) {
        ++found;
        EXPECT_EQ(entity["kind"], kind) << name;
      }
    }
    EXPECT_EQ(found, 1) << name << " in " << seed_2018["entities"].dump();
  }
}

TEST(CliAnalyze, OverLimitRecordsAreNamedAndCountedAsTooLarge) {
  const TempDir dir;
  const auto input = dir.write("limits.jsonl", R"({"id":"small","text":"Short."})" "\n"
                                               R"({"id":"big","text":"A text of more than twenty bytes."})" "\n");
  const CliRun run = run_cli("analyze --max-article-bytes 20 " + input.string());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(json_lines(run.out).size(), 1U);
  EXPECT_NE(run.err.find(input.string() + ":2: article of 33 bytes (title + text) is over the limit of 20 bytes "
                         "(raise it with --max-article-bytes)"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("too large 1"), std::string::npos) << run.err;

  const CliRun lines = run_cli("analyze --max-line-bytes 40 " + input.string());
  EXPECT_NE(lines.err.find(input.string() + ":2: record of 55 bytes is over the line limit of 40 bytes "
                           "(raise it with --max-line-bytes)"),
            std::string::npos)
      << lines.err;

  // ingest takes its flags its own way, but the same limits.
  const CliRun ingest = run_cli("ingest --db " + (dir.path() / "store.db").string() + " --max-article-bytes 20 " +
                                input.string());
  EXPECT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_NE(ingest.err.find("(raise it with --max-article-bytes)"), std::string::npos) << ingest.err;
  EXPECT_NE(ingest.err.find("too large 1"), std::string::npos) << ingest.err;
}

}  // namespace
}  // namespace storyline::testing
