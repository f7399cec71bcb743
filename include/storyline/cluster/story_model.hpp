// The learned model that decides whether an article joins a story: a logistic regression over a few
// similarity signals, trained on the training parts of the gold sets (bench/stories/train_story_model.py)
// and shipped as a small versioned JSON file (models/story-model.json) compiled into the library.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "storyline/common/result.hpp"

namespace storyline {

// The signals scored for one (article, candidate story) pair. Order and meaning are part of the model
// file format (its "features" list must match these names).
enum class StorySignal : std::uint8_t {
  kBodyCosine,      // TF-IDF cosine of the article's terms with the story's centroid
  kTitleCosine,     // the same for titles (0 when either has none)
  kPersonOverlap,   // share of the article's people already in the story (0 when it names none)
  kPlaceOverlap,    // the same for places
  kOrgOverlap,      // the same for organisations
  kSharedEntities,  // ln(1 + number of the article's entities already in the story)
  kHoursApart,      // ln(1 + hours between the article and the story's latest article); 0 when unknown
  kTimeKnown,       // 1 when both times are known
  kStorySize,       // ln(1 + articles in the story)
  kPersonCosine,    // cosine of the article's people with the story's, each weighted by its rarity (IDF)
  kPlaceCosine,     // the same for places
  kOrgCosine,       // the same for organisations
  kCount,
};
inline constexpr std::size_t kStorySignalCount = static_cast<std::size_t>(StorySignal::kCount);
using StorySignals = std::array<double, kStorySignalCount>;

[[nodiscard]] std::string_view story_signal_name(StorySignal signal) noexcept;

struct StoryModel {
  static constexpr int kFormatVersion = 2;
  std::array<double, kStorySignalCount> weights{};
  double bias = 0.0;
  double join_threshold = 0.5;  // join the best candidate when its probability reaches this
  std::string trained_on;       // provenance, for humans

  // Probability that the article belongs to the story. Thread-safe.
  [[nodiscard]] double probability(const StorySignals& signals) const noexcept;
};

// Parses a model file. Errors: kInvalidArgument for malformed JSON, another format version, or a feature
// list that does not match StorySignal.
[[nodiscard]] Result<StoryModel> parse_story_model(std::string_view json);

// The model shipped with this build (models/story-model.json).
[[nodiscard]] const StoryModel& default_story_model();

// The model that decides whether a new story continues a storyline, over the same signals measured
// against the storyline's articles (models/storyline-model.json).
[[nodiscard]] const StoryModel& default_storyline_model();

}  // namespace storyline
