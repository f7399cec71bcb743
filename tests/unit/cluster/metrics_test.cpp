#include "storyline/cluster/metrics.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace storyline {
namespace {

using Labels = std::vector<std::uint32_t>;

ClusteringScores score(const Labels& gold, const Labels& predicted) {
  auto scores = score_clustering(gold, predicted);
  EXPECT_TRUE(scores.has_value()) << scores.error().message();
  return scores ? *scores : ClusteringScores{};
}

void expect_perfect(const ClusteringScores& scores) {
  EXPECT_EQ(scores.bcubed_precision, 1.0);
  EXPECT_EQ(scores.bcubed_recall, 1.0);
  EXPECT_EQ(scores.bcubed_f1, 1.0);
  EXPECT_EQ(scores.nmi, 1.0);
  EXPECT_EQ(scores.ari, 1.0);
}

TEST(ScoreClustering, IdenticalPartitionsScoreOneWhateverTheLabels) {
  // The same partition {0,1,2} {3,4} {5} under different label values.
  const ClusteringScores scores = score({7, 7, 7, 2, 2, 9}, {0, 0, 0, 1, 1, 2});
  EXPECT_EQ(scores.items, 6u);
  EXPECT_EQ(scores.gold_clusters, 3u);
  EXPECT_EQ(scores.predicted_clusters, 3u);
  expect_perfect(scores);
}

// Both 0/0 cases of NMI and ARI: one cluster on each side, and all singletons on each side.
TEST(ScoreClustering, DegenerateIdenticalPartitionsScoreOne) {
  expect_perfect(score({4, 4, 4, 4}, {1, 1, 1, 1}));
  expect_perfect(score({0, 1, 2, 3}, {3, 2, 1, 0}));
  expect_perfect(score({5}, {6}));
}

TEST(ScoreClustering, AllSingletonsAgainstOneCluster) {
  // Gold: 4 singletons; predicted: one cluster of 4. Each item's predicted cluster holds 4 items of which
  // 1 shares its gold cluster: precision 1/4. Each gold cluster is the item itself, found: recall 1.
  // F1 = 2 * 1/4 * 1 / (1/4 + 1) = 2/5. NMI: exactly one side has a single cluster, so 0 by definition.
  // ARI: no pair agrees in gold (index 0, gold pairs 0), so expected = 0 and ARI = 0 / (6/2) = 0.
  const ClusteringScores scores = score({0, 1, 2, 3}, {0, 0, 0, 0});
  EXPECT_EQ(scores.gold_clusters, 4u);
  EXPECT_EQ(scores.predicted_clusters, 1u);
  EXPECT_DOUBLE_EQ(scores.bcubed_precision, 0.25);
  EXPECT_DOUBLE_EQ(scores.bcubed_recall, 1.0);
  EXPECT_DOUBLE_EQ(scores.bcubed_f1, 0.4);
  EXPECT_EQ(scores.nmi, 0.0);
  EXPECT_DOUBLE_EQ(scores.ari, 0.0);
}

// Gold:      A = {0,1,2}, B = {3,4,5}
// Predicted: x = {0,1},   y = {2,3,4,5}
// Contingency (n_gp): (A,x) = 2, (A,y) = 1, (B,y) = 3; |A| = |B| = 3, |x| = 2, |y| = 4, N = 6.
constexpr std::array<std::uint32_t, 6> kGold = {0, 0, 0, 1, 1, 1};
constexpr std::array<std::uint32_t, 6> kPredicted = {0, 0, 1, 1, 1, 1};

ClusteringScores score_example() {
  return score(Labels(kGold.begin(), kGold.end()), Labels(kPredicted.begin(), kPredicted.end()));
}

TEST(ScoreClustering, BCubedOnAHandComputedExample) {
  // Precision per item: 0,1 -> 2/2; 2 -> 1/4 (only itself of y is in A); 3,4,5 -> 3/4.
  //   (1 + 1 + 1/4 + 3 * 3/4) / 6 = 4.5 / 6 = 3/4.
  // Recall per item: 0,1 -> 2/3; 2 -> 1/3; 3,4,5 -> 3/3.  (2/3 + 2/3 + 1/3 + 3) / 6 = (14/3) / 6 = 7/9.
  // F1 = 2 * 3/4 * 7/9 / (3/4 + 7/9) = (7/6) / (55/36) = 42/55.
  const ClusteringScores scores = score_example();
  EXPECT_EQ(scores.items, 6u);
  EXPECT_EQ(scores.gold_clusters, 2u);
  EXPECT_EQ(scores.predicted_clusters, 2u);
  EXPECT_DOUBLE_EQ(scores.bcubed_precision, 3.0 / 4.0);
  EXPECT_DOUBLE_EQ(scores.bcubed_recall, 7.0 / 9.0);
  EXPECT_DOUBLE_EQ(scores.bcubed_f1, 42.0 / 55.0);
}

TEST(ScoreClustering, NmiOnAHandComputedExample) {
  // H(G) = ln 2 (two clusters of 3).
  // H(P) = -(1/3 ln 1/3 + 2/3 ln 2/3) = ln 3 - 2/3 ln 2.
  // I = sum n/N ln(N n / (|g| |p|)):
  //   (A,x): 2/6 ln(12/6)  = 1/3 ln 2
  //   (A,y): 1/6 ln(6/12)  = -1/6 ln 2
  //   (B,y): 3/6 ln(18/12) = 1/2 ln 3 - 1/2 ln 2
  //   I = 1/2 ln 3 - 1/3 ln 2.
  // NMI = 2I / (H(G) + H(P)) = (ln 3 - 2/3 ln 2) / (ln 3 + 1/3 ln 2) ~= 0.4787.
  const double ln2 = std::log(2.0);
  const double ln3 = std::log(3.0);
  const double expected = (ln3 - 2.0 / 3.0 * ln2) / (ln3 + 1.0 / 3.0 * ln2);
  EXPECT_NEAR(score_example().nmi, expected, 1e-12);
  EXPECT_NEAR(expected, 0.4787, 1e-4);
}

TEST(ScoreClustering, AriOnAHandComputedExample) {
  // Agreeing pairs: C(2,2) + C(1,2) + C(3,2) = 1 + 0 + 3 = 4.
  // Gold pairs: C(3,2) + C(3,2) = 6. Predicted pairs: C(2,2) + C(4,2) = 1 + 6 = 7. All pairs: C(6,2) = 15.
  // Expected = 6 * 7 / 15 = 2.8; max = (6 + 7) / 2 = 6.5. ARI = (4 - 2.8) / (6.5 - 2.8) = 1.2 / 3.7 = 12/37.
  EXPECT_NEAR(score_example().ari, 12.0 / 37.0, 1e-12);
}

TEST(ScoreClustering, AriIsNegativeBelowChance) {
  // Gold {0,1} {2,3}; predicted {0,2} {1,3}: no pair agrees. Index 0, gold pairs 2, predicted pairs 2,
  // all pairs 6: expected 4/6 = 2/3, max 2. ARI = (0 - 2/3) / (2 - 2/3) = -1/2.
  const ClusteringScores scores = score({0, 0, 1, 1}, {0, 1, 0, 1});
  EXPECT_NEAR(scores.ari, -0.5, 1e-12);
  EXPECT_NEAR(scores.nmi, 0.0, 1e-12);  // knowing one labeling says nothing about the other
}

TEST(ScoreClustering, RelabelingEitherSideChangesNothing) {
  const Labels gold = {3, 3, 8, 8, 8, 1, 1, 5, 3, 5};
  const Labels predicted = {0, 0, 0, 2, 2, 2, 4, 4, 4, 6};
  Labels gold_renamed;
  Labels predicted_renamed;
  for (const std::uint32_t label : gold) gold_renamed.push_back(1000 - label * 7);
  for (const std::uint32_t label : predicted)
    predicted_renamed.push_back(label == 0 ? 6 : label == 6 ? 0 : label + 11);
  const ClusteringScores a = score(gold, predicted);
  const ClusteringScores b = score(gold_renamed, predicted_renamed);
  EXPECT_EQ(a.gold_clusters, b.gold_clusters);
  EXPECT_EQ(a.predicted_clusters, b.predicted_clusters);
  EXPECT_EQ(a.bcubed_precision, b.bcubed_precision);
  EXPECT_EQ(a.bcubed_recall, b.bcubed_recall);
  EXPECT_EQ(a.bcubed_f1, b.bcubed_f1);
  EXPECT_EQ(a.nmi, b.nmi);
  EXPECT_EQ(a.ari, b.ari);
}

TEST(ScoreClustering, SwappingSidesKeepsNmiAndAriAndSwapsPrecisionAndRecall) {
  const Labels gold = {3, 3, 8, 8, 8, 1, 1, 5, 3, 5, 9, 9};
  const Labels predicted = {0, 0, 0, 2, 2, 2, 4, 4, 4, 6, 6, 7};
  const ClusteringScores forward = score(gold, predicted);
  const ClusteringScores backward = score(predicted, gold);
  EXPECT_EQ(forward.gold_clusters, backward.predicted_clusters);
  EXPECT_NEAR(forward.nmi, backward.nmi, 1e-12);
  EXPECT_NEAR(forward.ari, backward.ari, 1e-12);
  EXPECT_NEAR(forward.bcubed_precision, backward.bcubed_recall, 1e-12);
  EXPECT_NEAR(forward.bcubed_recall, backward.bcubed_precision, 1e-12);
  EXPECT_NEAR(forward.bcubed_f1, backward.bcubed_f1, 1e-12);
  EXPECT_GT(forward.nmi, 0.0);
  EXPECT_LT(forward.nmi, 1.0);
}

TEST(ScoreClustering, EmptyInputScoresNothing) {
  const ClusteringScores scores = score({}, {});
  EXPECT_EQ(scores.items, 0u);
  EXPECT_EQ(scores.gold_clusters, 0u);
  EXPECT_EQ(scores.bcubed_f1, 0.0);
}

TEST(ScoreClustering, RejectsLabelingsOfDifferentLengths) {
  const Labels gold = {0, 0, 1};
  const Labels predicted = {0, 0};
  const auto scores = score_clustering(gold, predicted);
  ASSERT_FALSE(scores.has_value());
  EXPECT_EQ(scores.error().code, ErrorCode::kInvalidArgument);
}

// A million items: pair counts reach 5 * 10^11 and their products 10^23, past 64 bits.
TEST(ScoreClustering, AMillionItemsNeitherOverflowNorLeaveTheRange) {
  constexpr std::uint32_t kItems = 1'000'000;
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::uint32_t> cluster(0, 999);
  std::uniform_int_distribution<int> percent(0, 99);
  Labels gold(kItems);
  Labels predicted(kItems);
  for (std::uint32_t i = 0; i < kItems; ++i) {
    gold[i] = i / 1000;                                         // 1000 clusters of 1000
    predicted[i] = percent(rng) < 80 ? gold[i] : cluster(rng);  // 20% of items moved at random
  }
  const ClusteringScores scores = score(gold, predicted);
  EXPECT_EQ(scores.items, kItems);
  EXPECT_EQ(scores.gold_clusters, 1000u);
  EXPECT_GE(scores.ari, -1.0);
  EXPECT_LE(scores.ari, 1.0);
  EXPECT_GT(scores.ari, 0.5);  // mostly right
  EXPECT_LT(scores.ari, 1.0);
  EXPECT_GT(scores.nmi, 0.5);
  EXPECT_LT(scores.nmi, 1.0);
  EXPECT_GT(scores.bcubed_f1, 0.5);
  EXPECT_LT(scores.bcubed_f1, 1.0);

  // One cluster against two halves: ARI is exactly 0 (the index equals its expectation), which a 64-bit
  // product of pair counts (5 * 10^11 squared) would get wrong.
  const Labels one(kItems, 0);
  Labels halves(kItems);
  for (std::uint32_t i = 0; i < kItems; ++i) halves[i] = i < kItems / 2 ? 0 : 1;
  EXPECT_NEAR(score(halves, one).ari, 0.0, 1e-9);
  expect_perfect(score(one, one));
}

TEST(AlignLabelings, JoinsOnIdAndListsTheRest) {
  const std::vector<ItemLabel> gold = {
      {"a", "s1"}, {"b", "s1"}, {"c", "s2"}, {"gold-only", "s2"}, {"d", std::nullopt}};
  const std::vector<ItemLabel> predicted = {
      {"d", "p"}, {"pred-only", "p"}, {"c", "p"}, {"b", "q"}, {"a", "q"}};
  const auto aligned = align_labelings(gold, predicted);
  ASSERT_TRUE(aligned.has_value()) << aligned.error().message();
  // In gold order: a, b, c, d. Gold numbering s1 -> 0, s2 -> 1, d (no label) -> its own 2.
  EXPECT_EQ(aligned->gold, (Labels{0, 0, 1, 2}));
  // Predicted labels of a, b, c, d: q, q, p, p.
  EXPECT_EQ(aligned->predicted, (Labels{0, 0, 1, 1}));
  EXPECT_EQ(aligned->missing_in_predicted, (std::vector<std::string>{"gold-only"}));
  EXPECT_EQ(aligned->missing_in_gold, (std::vector<std::string>{"pred-only"}));
}

TEST(AlignLabelings, EveryUnlabelledItemIsItsOwnCluster) {
  const std::vector<ItemLabel> gold = {{"a", std::nullopt}, {"b", std::nullopt}, {"c", "x"}};
  const std::vector<ItemLabel> predicted = {{"a", std::nullopt}, {"b", std::nullopt}, {"c", std::nullopt}};
  const auto aligned = align_labelings(gold, predicted);
  ASSERT_TRUE(aligned.has_value());
  EXPECT_EQ(aligned->gold, (Labels{0, 1, 2}));
  EXPECT_EQ(aligned->predicted, (Labels{0, 1, 2}));
  expect_perfect(score(aligned->gold, aligned->predicted));
}

TEST(AlignLabelings, RejectsADuplicateIdOnEitherSide) {
  const std::vector<ItemLabel> once = {{"a", "x"}, {"b", "x"}};
  const std::vector<ItemLabel> twice = {{"a", "x"}, {"b", "y"}, {"a", "y"}};
  for (const auto& aligned : {align_labelings(twice, once), align_labelings(once, twice)}) {
    ASSERT_FALSE(aligned.has_value());
    EXPECT_EQ(aligned.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(aligned.error().reason.find("'a'"), std::string::npos) << aligned.error().reason;
  }
}

}  // namespace
}  // namespace storyline
