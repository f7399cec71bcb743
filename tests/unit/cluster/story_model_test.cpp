#include "storyline/cluster/story_model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace storyline {
namespace {

std::string model_json(const std::string& features, const std::string& weights, int version = StoryModel::kFormatVersion) {
  return R"({"format_version": )" + std::to_string(version) + R"(, "features": )" + features + R"(, "weights": )" +
         weights + R"(, "bias": -1.5, "join_threshold": 0.3, "trained_on": "test"})";
}

const std::string kFeatures =
    R"(["body_cosine", "title_cosine", "person_overlap", "place_overlap", "org_overlap", "shared_entities",
        "hours_apart", "time_known", "story_size", "person_cosine", "place_cosine", "org_cosine"])";

TEST(StoryModel, ShippedModelParsesAndFavoursSimilarStories) {
  const StoryModel& model = default_story_model();
  EXPECT_FALSE(model.trained_on.empty());
  EXPECT_GT(model.join_threshold, 0.0);
  EXPECT_LT(model.join_threshold, 1.0);
  StorySignals unrelated{};
  StorySignals similar{};
  similar[static_cast<std::size_t>(StorySignal::kBodyCosine)] = 0.8;
  EXPECT_GT(model.probability(similar), model.probability(unrelated));
  EXPECT_GE(model.probability(similar), model.join_threshold);
  EXPECT_LT(model.probability(unrelated), model.join_threshold);
}

TEST(StoryModel, ShippedModelPrefersRecentStories) {
  const StoryModel& model = default_story_model();
  StorySignals recent{};
  recent[static_cast<std::size_t>(StorySignal::kBodyCosine)] = 0.6;
  recent[static_cast<std::size_t>(StorySignal::kTimeKnown)] = 1.0;
  StorySignals old = recent;
  recent[static_cast<std::size_t>(StorySignal::kHoursApart)] = std::log1p(2.0);
  old[static_cast<std::size_t>(StorySignal::kHoursApart)] = std::log1p(24.0 * 365.0);
  EXPECT_GT(model.probability(recent), model.probability(old));
}

TEST(StoryModel, ShippedStorylineModelValuesSharedEntitiesOverTime) {
  const StoryModel& model = default_storyline_model();
  EXPECT_FALSE(model.trained_on.empty());
  StorySignals unrelated{};
  unrelated[static_cast<std::size_t>(StorySignal::kTimeKnown)] = 1.0;
  StorySignals same_matter = unrelated;
  same_matter[static_cast<std::size_t>(StorySignal::kPlaceCosine)] = 0.6;
  same_matter[static_cast<std::size_t>(StorySignal::kBodyCosine)] = 0.3;
  // Two years apart, a story of the same people and places still continues its storyline.
  same_matter[static_cast<std::size_t>(StorySignal::kHoursApart)] = std::log1p(2.0 * 365 * 24);
  EXPECT_GE(model.probability(same_matter), model.join_threshold);
  EXPECT_LT(model.probability(unrelated), model.join_threshold);
}

TEST(StoryModel, ParsesAValidFile) {
  const auto model = parse_story_model(model_json(kFeatures, "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"));
  ASSERT_TRUE(model) << model.error().message();
  EXPECT_DOUBLE_EQ(model->weights[11], 12.0);
  EXPECT_DOUBLE_EQ(model->bias, -1.5);
  EXPECT_DOUBLE_EQ(model->join_threshold, 0.3);
  StorySignals zero{};
  EXPECT_NEAR(model->probability(zero), 1.0 / (1.0 + std::exp(1.5)), 1e-12);
}

TEST(StoryModel, RejectsWrongFiles) {
  EXPECT_FALSE(parse_story_model("not json"));
  EXPECT_FALSE(parse_story_model(model_json(kFeatures, "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]", 1)));
  EXPECT_FALSE(parse_story_model(model_json(kFeatures, "[1, 2, 3]")));
  const auto renamed = parse_story_model(model_json(
      R"(["cosine", "title_cosine", "person_overlap", "place_overlap", "org_overlap", "shared_entities",
          "hours_apart", "time_known", "story_size", "person_cosine", "place_cosine", "org_cosine"])",
      "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"));
  ASSERT_FALSE(renamed);
  EXPECT_NE(renamed.error().reason.find("body_cosine"), std::string::npos);
}

}  // namespace
}  // namespace storyline
