#include "storyline/link/similarity_model.hpp"

#include <gtest/gtest.h>

#include <string>

namespace storyline {
namespace {

std::string model_json(const std::string& features, const std::string& weights, int version = 1) {
  return R"({"format_version": )" + std::to_string(version) + R"(, "features": )" + features + R"(, "weights": )" +
         weights + R"(, "bias": 3.5, "same_story_score": 2.0, "trained_on": "test"})";
}

const std::string kFeatures = R"(["cosine", "title_cosine", "jaccard", "entity_overlap", "key_term_overlap"])";

PairSignals all(double value) {
  PairSignals signals{};
  signals.fill(value);
  return signals;
}

TEST(SimilarityModel, ShippedModelParsesAndRanksSimilarPairsLower) {
  const SimilarityModel& model = default_similarity_model();
  EXPECT_FALSE(model.trained_on.empty());
  EXPECT_GT(model.same_story_score, kMostSimilarScore);
  EXPECT_LT(model.same_story_score, kLeastSimilarScore);
  // No signal may make a pair look less similar: the trainer holds every weight <= 0.
  for (double weight : model.weights) EXPECT_LE(weight, 0.0);
  EXPECT_LT(model.weights[static_cast<std::size_t>(PairSignal::kCosine)], 0.0);
  // Nothing shared: near the dissimilar end; an identical pair: the most similar score, and a same story.
  EXPECT_GT(model.score(all(0.0)), 3.0);
  EXPECT_DOUBLE_EQ(model.score(all(1.0)), kMostSimilarScore);
  EXPECT_LE(model.score(all(1.0)), model.same_story_score);
  EXPECT_GT(model.score(all(0.0)), model.same_story_score);
}

TEST(SimilarityModel, ParsesAValidFileAndClampsToTheScale) {
  const auto model = parse_similarity_model(model_json(kFeatures, "[-1, 0, 0, -0.5, -1]"));
  ASSERT_TRUE(model) << model.error().message();
  EXPECT_DOUBLE_EQ(model->bias, 3.5);
  EXPECT_DOUBLE_EQ(model->same_story_score, 2.0);
  EXPECT_EQ(model->trained_on, "test");
  EXPECT_DOUBLE_EQ(model->score(all(0.0)), 3.5);
  PairSignals cosine_only{};
  cosine_only[static_cast<std::size_t>(PairSignal::kCosine)] = 0.5;
  EXPECT_DOUBLE_EQ(model->score(cosine_only), 3.0);
  EXPECT_DOUBLE_EQ(model->score(all(1.0)), kMostSimilarScore);  // 3.5 - 2.5 = 1.0
  EXPECT_DOUBLE_EQ(model->score(all(5.0)), kMostSimilarScore);  // clamped
  const auto rising = parse_similarity_model(model_json(kFeatures, "[1, 0, 0, 0, 0]"));
  ASSERT_TRUE(rising);
  EXPECT_DOUBLE_EQ(rising->score(all(1.0)), kLeastSimilarScore);  // clamped
}

TEST(SimilarityModel, RejectsWrongFiles) {
  EXPECT_FALSE(parse_similarity_model("not json"));
  EXPECT_FALSE(parse_similarity_model(model_json(kFeatures, "[0, 0, 0, 0, 0]", 2)));
  EXPECT_FALSE(parse_similarity_model(model_json(kFeatures, "[0, 0, 0]")));
  EXPECT_FALSE(parse_similarity_model(
      model_json(R"(["cos", "title_cosine", "jaccard", "entity_overlap", "key_term_overlap"])", "[0, 0, 0, 0, 0]")));
  EXPECT_FALSE(parse_similarity_model(model_json(kFeatures, R"([0, 0, "x", 0, 0])")));
  EXPECT_FALSE(parse_similarity_model(
      R"({"format_version": 1, "features": )" + kFeatures + R"(, "weights": [0, 0, 0, 0, 0], "bias": 3})"));
}

TEST(PairSignal, Names) {
  EXPECT_EQ(pair_signal_name(PairSignal::kCosine), "cosine");
  EXPECT_EQ(pair_signal_name(PairSignal::kTitleCosine), "title_cosine");
  EXPECT_EQ(pair_signal_name(PairSignal::kJaccard), "jaccard");
  EXPECT_EQ(pair_signal_name(PairSignal::kEntityOverlap), "entity_overlap");
  EXPECT_EQ(pair_signal_name(PairSignal::kKeyTermOverlap), "key_term_overlap");
}

}  // namespace
}  // namespace storyline
