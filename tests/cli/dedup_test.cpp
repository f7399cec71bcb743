// End-to-end tests of `storyline dedup`: the real binary on articles written for the test.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_runner.hpp"

namespace storyline::testing {
namespace {

std::map<std::string, nlohmann::json> verdicts_by_id(const std::string& out) {
  std::map<std::string, nlohmann::json> verdicts;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    auto verdict = nlohmann::json::parse(line);
    verdicts[verdict["id"].get<std::string>()] = verdict;
  }
  return verdicts;
}

const std::string kStory =
    "The regional council approved a plan on Tuesday to rebuild the harbour wall that collapsed during the "
    "winter storms, after months of debate over who should pay for the repairs. Engineers said the work "
    "would take two years and cost about forty million euros, most of it from the national government. "
    "Fishermen who lost moorings in the collapse welcomed the decision but asked for compensation for the "
    "season they missed. The council will publish the tender in the spring and hopes to sign a contract "
    "before the summer holidays begin.";

// The same story lightly edited: a few words changed and a boilerplate line added, as a rewrite desk does.
const std::string kRewrite =
    "The regional council approved a plan on Tuesday to rebuild the harbour wall that collapsed during the "
    "winter storms, after months of argument over who should pay for the repairs. Engineers said the work "
    "would take two years and cost about forty million euros, most of it from the central government. "
    "Fishermen who lost moorings in the collapse welcomed the decision but asked for compensation for the "
    "season they lost. The council will publish the tender in the spring and hopes to sign a contract "
    "before the summer holidays begin. Follow us for more local news.";

const std::string kOther =
    "A new exhibition of early photographs opened at the city museum, drawing long queues on its first "
    "weekend. The curators spent three years tracing the collection, which had been stored in a private "
    "attic for decades, and restored more than two hundred glass plates.";

std::string line(const std::string& id, const std::string& text, const std::string& published) {
  nlohmann::json article = {{"id", id}, {"text", text}};
  if (!published.empty()) article["published"] = published;
  return article.dump() + "\n";
}

TEST(CliDedup, GroupsCopiesUnderTheEarliestArticle) {
  const TempDir dir;
  std::string upper = kStory;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto input = dir.write("news.jsonl", line("rewrite", kRewrite, "2021-02-03") +
                                                 line("museum", kOther, "2021-02-02") +
                                                 line("wire", kStory, "2021-02-02T08:00:00Z") +
                                                 line("shouting", upper, "2021-02-04"));
  const CliRun run = run_cli("dedup " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto verdicts = verdicts_by_id(run.out);
  ASSERT_EQ(verdicts.size(), 4u);
  // The wire story was published first, so it represents the group although it came third.
  EXPECT_TRUE(verdicts.at("wire")["duplicate_of"].is_null());
  EXPECT_TRUE(verdicts.at("wire")["similarity"].is_null());
  EXPECT_EQ(verdicts.at("rewrite")["duplicate_of"], "wire");
  EXPECT_FALSE(verdicts.at("rewrite")["exact"].get<bool>());
  EXPECT_GE(verdicts.at("rewrite")["similarity"].get<double>(), 0.45);
  EXPECT_LT(verdicts.at("rewrite")["similarity"].get<double>(), 1.0);
  EXPECT_EQ(verdicts.at("shouting")["duplicate_of"], "wire");
  EXPECT_TRUE(verdicts.at("shouting")["exact"].get<bool>());  // only the case differs
  EXPECT_EQ(verdicts.at("shouting")["similarity"], 1.0);
  EXPECT_TRUE(verdicts.at("museum")["duplicate_of"].is_null());
  EXPECT_NE(run.err.find("1 groups, 2 copies (1 exact)"), std::string::npos) << run.err;
}

TEST(CliDedup, WritesOneLinePerArticleInInputOrder) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", line("b", kOther, "") + line("a", kStory, "") + line("c", kStory, ""));
  const auto output = dir.path() / "verdicts.jsonl";
  const CliRun run = run_cli("dedup --quiet -o " + output.string() + " " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.err.empty()) << run.err;
  std::istringstream in(read_file(output));
  std::vector<std::string> ids;
  for (std::string text; std::getline(in, text);) ids.push_back(nlohmann::json::parse(text)["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"b", "a", "c"}));
}

TEST(CliDedup, AHigherThresholdSeparatesALightRewrite) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", line("wire", kStory, "") + line("rewrite", kRewrite, ""));
  const CliRun run = run_cli("dedup --threshold 0.99 " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(verdicts_by_id(run.out).at("rewrite")["duplicate_of"].is_null());
}

TEST(CliDedup, KeepsTheSpinesBadInputBehaviour) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", line("wire", kStory, "") + "{broken\n" + line("copy", kStory, ""));
  const CliRun run = run_cli("dedup " + input.string());
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(verdicts_by_id(run.out).size(), 2u);
  EXPECT_NE(run.err.find("news.jsonl:2: malformed JSON"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("skipped 1"), std::string::npos) << run.err;
  EXPECT_EQ(run_cli("dedup --on-error=fail " + input.string()).exit_code, 2);
}

TEST(CliDedup, RejectsBadOptions) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", line("wire", kStory, ""));
  EXPECT_EQ(run_cli("dedup --threshold 1.5 " + input.string()).exit_code, 2);
  const CliRun bands = run_cli("dedup --bands 100 --rows 3 " + input.string());
  EXPECT_EQ(bands.exit_code, 2);
  EXPECT_NE(bands.err.find("exceeds permutations"), std::string::npos) << bands.err;
}

}  // namespace
}  // namespace storyline::testing
