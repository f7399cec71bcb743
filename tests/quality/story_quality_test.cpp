// Story clustering quality on the public gold sets, diffed against tests/quality/expected/stories.json:
// a change that makes clustering better or worse shows up here and must update the expected figures on
// purpose. Skipped when ../shared/data is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <limits>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "cli/cli_runner.hpp"
#include "storyline/cluster/clusterer.hpp"
#include "storyline/cluster/metrics.hpp"
#include "storyline/cluster/stream_order.hpp"
#include "storyline/ingest/reader.hpp"

namespace storyline::testing {
namespace {

std::filesystem::path data_dir() {
  if (const char* dir = std::getenv("STORYLINE_DATA_DIR")) return dir;
  return shared_dir() / "data";
}

nlohmann::json expected() {
  std::ifstream in(std::filesystem::path(STORYLINE_SOURCE_DIR) / "tests/quality/expected/stories.json");
  return nlohmann::json::parse(in);
}

// Clusters a whole gold set with the shipped models and compares the figures at the level of `field`:
// "story" (the story model) or "storyline" (both models).
void check_set(const std::string& name, const std::string& field) {
  const auto dir = data_dir() / name;
  if (!std::filesystem::exists(dir / "gold.jsonl")) GTEST_SKIP() << "no " << dir << " (set STORYLINE_DATA_DIR)";

  // The whole set fits in the buffer, so it is processed fully in publication order, as the CLI does.
  StreamOrder order(std::numeric_limits<std::size_t>::max());
  const std::vector<std::string> inputs = {(dir / "articles.jsonl").string()};
  const auto read = read_articles(inputs, {}, [&](Article&& a) -> Status {
    EXPECT_FALSE(order.push(std::move(a)));
    return {};
  }, [](const Error& e) { ADD_FAILURE() << e.message(); });
  ASSERT_TRUE(read);
  std::vector<Article> articles;
  while (auto article = order.pop()) articles.push_back(std::move(*article));

  auto clusterer = StoryClusterer::create();
  ASSERT_TRUE(clusterer);
  std::vector<ItemLabel> predicted;
  for (const Article& article : articles) {
    const auto assignment = clusterer->add(article);
    ASSERT_TRUE(assignment);
    predicted.push_back(
        {article.id, std::to_string(field == "storyline" ? assignment->storyline : assignment->story)});
  }
  std::vector<ItemLabel> gold;
  std::ifstream in(dir / "gold.jsonl");
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line);
    const auto& label = record[field];
    gold.push_back({record["id"].get<std::string>(), label.is_string() ? label.get<std::string>() : label.dump()});
  }
  const auto aligned = align_labelings(gold, predicted);
  ASSERT_TRUE(aligned);
  const auto scores = score_clustering(aligned->gold, aligned->predicted);
  ASSERT_TRUE(scores);
  std::cout << name << ": " << scores->items << " articles, " << scores->predicted_clusters << " " << field
            << "s (gold "
            << scores->gold_clusters << "), B3 P " << scores->bcubed_precision << " R " << scores->bcubed_recall
            << " F1 " << scores->bcubed_f1 << ", NMI " << scores->nmi << ", ARI " << scores->ari << '\n';

  const nlohmann::json want = expected();
  const double tolerance = want["tolerance"].get<double>();
  EXPECT_NEAR(scores->bcubed_f1, want[name]["bcubed_f1"].get<double>(), tolerance);
  EXPECT_NEAR(scores->nmi, want[name]["nmi"].get<double>(), tolerance);
  EXPECT_NEAR(scores->ari, want[name]["ari"].get<double>(), tolerance);
}

TEST(StoryQuality, GoogleNewsTs) { check_set("googlenews-ts", "story"); }
TEST(StoryQuality, UciNewsSubset) { check_set("uci-news-subset", "story"); }
TEST(StorylineQuality, Timeline17) { check_set("timeline17", "storyline"); }

}  // namespace
}  // namespace storyline::testing
