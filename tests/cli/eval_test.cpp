// End-to-end tests of `storyline eval`: the real binary on label files written for the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_runner.hpp"

namespace storyline::testing {
namespace {

// The one JSON line eval prints; fails the test when there is not exactly one.
nlohmann::json scores_of(const CliRun& run) {
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << run.out;
  return nlohmann::json::parse(run.out);
}

std::string eval(const std::filesystem::path& gold, const std::filesystem::path& predicted,
                 const std::string& options = "") {
  return "eval --gold " + gold.string() + " --pred " + predicted.string() +
         (options.empty() ? "" : " " + options);
}

TEST(CliEval, APerfectPredictionScoresOne) {
  const TempDir dir;
  const auto gold = dir.write("gold.jsonl", R"({"id":"a","story":"storm"})"
                                            "\n"
                                            R"({"id":"b","story":"storm"})"
                                            "\n"
                                            R"({"id":"c","story":"vote"})"
                                            "\n");
  // The same partition under other names, in another order.
  const auto predicted = dir.write("pred.jsonl", R"({"id":"c","story":"s2"})"
                                                 "\n"
                                                 R"({"id":"a","story":"s1"})"
                                                 "\n"
                                                 R"({"id":"b","story":"s1"})"
                                                 "\n");
  const CliRun run = run_cli(eval(gold, predicted));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto scores = scores_of(run);
  EXPECT_EQ(scores["items"], 3);
  EXPECT_EQ(scores["gold_clusters"], 2);
  EXPECT_EQ(scores["predicted_clusters"], 2);
  for (const char* metric : {"bcubed_precision", "bcubed_recall", "bcubed_f1", "nmi", "ari"}) {
    EXPECT_EQ(scores[metric], 1.0) << metric;
  }
  EXPECT_EQ(scores["missing_in_pred"], 0);
  EXPECT_EQ(scores["missing_in_gold"], 0);
  // The fields come in the documented order.
  EXPECT_EQ(
      run.out.rfind(R"({"items":3,"gold_clusters":2,"predicted_clusters":2,"bcubed_precision":1.0,)", 0), 0u)
      << run.out;
  EXPECT_NE(run.err.find("3 items, 2 gold clusters, 2 predicted"), std::string::npos) << run.err;
}

// The hand-computed example of tests/unit/cluster/metrics_test.cpp, rounded to 4 decimals.
TEST(CliEval, ScoresAnImperfectPrediction) {
  const TempDir dir;
  std::string gold_lines;
  std::string predicted_lines;
  const char* gold_labels[] = {"A", "A", "A", "B", "B", "B"};
  const char* predicted_labels[] = {"x", "x", "y", "y", "y", "y"};
  for (int i = 0; i < 6; ++i) {
    gold_lines += nlohmann::json({{"id", i}, {"story", gold_labels[i]}}).dump() + "\n";
    predicted_lines += nlohmann::json({{"id", i}, {"story", predicted_labels[i]}}).dump() + "\n";
  }
  const CliRun run =
      run_cli(eval(dir.write("gold.jsonl", gold_lines), dir.write("pred.jsonl", predicted_lines)));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto scores = scores_of(run);
  EXPECT_EQ(scores["bcubed_precision"], 0.75);
  EXPECT_EQ(scores["bcubed_recall"], 0.7778);  // 7/9
  EXPECT_EQ(scores["bcubed_f1"], 0.7636);      // 42/55
  EXPECT_EQ(scores["nmi"], 0.4787);
  EXPECT_EQ(scores["ari"], 0.3243);  // 12/37
}

TEST(CliEval, AnIntegerLabelIsItsDecimalString) {
  const TempDir dir;
  const auto gold = dir.write("gold.jsonl", R"({"id":1,"story":7})"
                                            "\n"
                                            R"({"id":2,"story":7})"
                                            "\n"
                                            R"({"id":3,"story":12})"
                                            "\n");
  const auto predicted = dir.write("pred.jsonl", R"({"id":"1","story":"7"})"
                                                 "\n"
                                                 R"({"id":"2","story":7})"
                                                 "\n"
                                                 R"({"id":"3","story":"12"})"
                                                 "\n");
  const CliRun run = run_cli(eval(gold, predicted));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto scores = scores_of(run);
  EXPECT_EQ(scores["items"], 3);
  EXPECT_EQ(scores["predicted_clusters"], 2);  // 7 and "7" are one story
  EXPECT_EQ(scores["ari"], 1.0);
}

TEST(CliEval, ANullLabelIsAStoryOfItsOwn) {
  const TempDir dir;
  const auto gold = dir.write("gold.jsonl", R"({"id":"a","story":null})"
                                            "\n"
                                            R"({"id":"b","story":null})"
                                            "\n"
                                            R"({"id":"c","story":"s"})"
                                            "\n");
  const auto predicted = dir.write("pred.jsonl", R"({"id":"a","story":"p1"})"
                                                 "\n"
                                                 R"({"id":"b","story":"p2"})"
                                                 "\n"
                                                 R"({"id":"c","story":null})"
                                                 "\n");
  const CliRun run = run_cli(eval(gold, predicted));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto scores = scores_of(run);
  EXPECT_EQ(scores["gold_clusters"], 3);
  EXPECT_EQ(scores["bcubed_f1"], 1.0);
}

TEST(CliEval, FieldOptionsNameTheLabel) {
  const TempDir dir;
  const auto gold = dir.write("gold.jsonl", R"({"id":"a","event":"e1","cluster":"k"})"
                                            "\n"
                                            R"({"id":"b","event":"e1","cluster":"k"})"
                                            "\n"
                                            R"({"id":"c","event":"e2","cluster":"k"})"
                                            "\n");
  const auto predicted = dir.write("pred.jsonl", R"({"id":"a","event":"e1","cluster":"k1"})"
                                                 "\n"
                                                 R"({"id":"b","event":"e1","cluster":"k1"})"
                                                 "\n"
                                                 R"({"id":"c","event":"e2","cluster":"k2"})"
                                                 "\n");
  const CliRun both = run_cli(eval(gold, predicted, "--field event"));
  ASSERT_EQ(both.exit_code, 0) << both.err;
  EXPECT_EQ(scores_of(both)["ari"], 1.0);

  // Gold clusters by event, predicted by cluster: the same partition.
  const CliRun split = run_cli(eval(gold, predicted, "--gold-field event --pred-field cluster"));
  ASSERT_EQ(split.exit_code, 0) << split.err;
  EXPECT_EQ(scores_of(split)["nmi"], 1.0);

  // --pred-field overrides --field for its side only: gold by cluster (one story), predicted by event.
  const CliRun mixed = run_cli(eval(gold, predicted, "--field cluster --pred-field event"));
  ASSERT_EQ(mixed.exit_code, 0) << mixed.err;
  EXPECT_EQ(scores_of(mixed)["gold_clusters"], 1);
  EXPECT_EQ(scores_of(mixed)["predicted_clusters"], 2);

  // The default field is `story`, which these files lack: every line is skipped, nothing is left to score.
  const CliRun missing = run_cli(eval(gold, predicted));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("gold.jsonl:1: missing field 'story'"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("nothing to score"), std::string::npos) << missing.err;
}

TEST(CliEval, ScoresSharedIdsAndWarnsAboutTheRest) {
  const TempDir dir;
  const auto gold = dir.write("gold.jsonl", R"({"id":"a","story":"s"})"
                                            "\n"
                                            R"({"id":"b","story":"s"})"
                                            "\n"
                                            R"({"id":"g1","story":"s"})"
                                            "\n"
                                            R"({"id":"g2","story":"t"})"
                                            "\n");
  const auto predicted = dir.write("pred.jsonl", R"({"id":"p1","story":"x"})"
                                                 "\n"
                                                 R"({"id":"b","story":"x"})"
                                                 "\n"
                                                 R"({"id":"a","story":"x"})"
                                                 "\n");
  const CliRun run = run_cli(eval(gold, predicted));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto scores = scores_of(run);
  EXPECT_EQ(scores["items"], 2);
  EXPECT_EQ(scores["missing_in_pred"], 2);
  EXPECT_EQ(scores["missing_in_gold"], 1);
  EXPECT_EQ(scores["bcubed_f1"], 1.0);
  EXPECT_NE(run.err.find("warning: 2 ids in " + gold.string() + " not in " + predicted.string() +
                         ", not scored: g1, g2"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("warning: 1 id in " + predicted.string() + " not in " + gold.string() +
                         ", not scored: p1"),
            std::string::npos)
      << run.err;
}

TEST(CliEval, SkipsAndCountsBadLinesOrFailsOnThem) {
  const TempDir dir;
  const auto gold = dir.write("gold.jsonl", R"({"id":"a","story":"s"})"
                                            "\n"
                                            "{broken\n"
                                            "\n"
                                            R"({"story":"s"})"
                                            "\n"
                                            R"({"id":"b","story":["s"]})"
                                            "\n"
                                            R"({"id":"c","story":"t"})"
                                            "\n");
  const auto predicted = dir.write("pred.jsonl", R"({"id":"a","story":"x"})"
                                                 "\n"
                                                 R"({"id":"c","story":"y"})"
                                                 "\n");
  const CliRun run = run_cli(eval(gold, predicted));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(scores_of(run)["items"], 2);
  EXPECT_NE(run.err.find("gold.jsonl:2: malformed JSON"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("gold.jsonl:4: missing field 'id'"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("gold.jsonl:5: field 'story' must be a string, an integer or null"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("read 2 labels; skipped 3: invalid field 1, malformed JSON 1, missing field 1"),
            std::string::npos)
      << run.err;

  const CliRun strict = run_cli(eval(gold, predicted, "--on-error=fail"));
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_TRUE(strict.out.empty()) << strict.out;
  EXPECT_NE(strict.err.find("gold.jsonl:2: malformed JSON"), std::string::npos) << strict.err;
}

TEST(CliEval, ADuplicateIdKeepsItsFirstLineOrFails) {
  const TempDir dir;
  const auto gold = dir.write("gold.jsonl", R"({"id":"a","story":"s"})"
                                            "\n"
                                            R"({"id":"b","story":"s"})"
                                            "\n"
                                            R"({"id":"a","story":"t"})"
                                            "\n");
  const auto predicted = dir.write("pred.jsonl", R"({"id":"a","story":"x"})"
                                                 "\n"
                                                 R"({"id":"b","story":"x"})"
                                                 "\n");
  const CliRun run = run_cli(eval(gold, predicted));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(scores_of(run)["ari"], 1.0);  // a stays in story s with b
  EXPECT_NE(run.err.find("gold.jsonl:3: duplicate id 'a' (first on line 1); kept the first"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("skipped 1: duplicate id 1"), std::string::npos) << run.err;

  const CliRun strict = run_cli(eval(gold, predicted, "--on-error=fail"));
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find("gold.jsonl:3: duplicate id 'a' (first on line 1)"), std::string::npos)
      << strict.err;
}

TEST(CliEval, WritesToAFileWithOutput) {
  const TempDir dir;
  const auto gold = dir.write("gold.jsonl", R"({"id":"a","story":"s"})"
                                            "\n");
  const auto output = dir.path() / "scores.json";
  const CliRun run = run_cli(eval(gold, gold, "--quiet -o " + output.string()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.empty());
  EXPECT_TRUE(run.err.empty()) << run.err;
  EXPECT_EQ(nlohmann::json::parse(read_file(output))["items"], 1);
}

TEST(CliEval, RejectsBadUsage) {
  const TempDir dir;
  const auto gold = dir.write("gold.jsonl", R"({"id":"a","story":"s"})"
                                            "\n");
  EXPECT_EQ(run_cli("eval --pred " + gold.string()).exit_code, 2);  // no --gold
  EXPECT_EQ(run_cli("eval --gold " + gold.string()).exit_code, 2);  // no --pred
  EXPECT_EQ(run_cli(eval(gold, gold, "--on-error=maybe")).exit_code, 2);
  const CliRun absent = run_cli(eval(dir.path() / "absent.jsonl", gold));
  EXPECT_EQ(absent.exit_code, 1);
  EXPECT_NE(absent.err.find("absent.jsonl: cannot open"), std::string::npos) << absent.err;
}

}  // namespace
}  // namespace storyline::testing
