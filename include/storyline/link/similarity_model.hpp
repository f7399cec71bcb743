// The learned model behind a pair's similarity score: a linear regression from a few pair signals onto
// SemEval-2022 Task 8's "Overall" scale (1 = very similar ... 4 = very dissimilar), fitted on that task's
// training set only (bench/pairs/train_similarity_model.py) and shipped as a small versioned JSON file
// (models/similarity-model.json) compiled into the library.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "storyline/common/result.hpp"

namespace storyline {

// The signals measured for a pair of articles, each in [0, 1] and symmetric in the two articles. Order
// and names are part of the model file format (its "features" list must match these names).
enum class PairSignal : std::uint8_t {
  kCosine,          // cosine of the two term-weight vectors (title and text, all terms)
  kTitleCosine,     // the same over the titles' terms; 0 when either article has no title
  kJaccard,         // Jaccard similarity of the two texts' word-bigram sets (the copy-detection shingles)
  kEntityOverlap,   // shared people, places and organisations over the smaller article's count of them
  kKeyTermOverlap,  // shared key terms over the smaller article's count of key terms
  kCount,
};
inline constexpr std::size_t kPairSignalCount = static_cast<std::size_t>(PairSignal::kCount);
using PairSignals = std::array<double, kPairSignalCount>;

[[nodiscard]] std::string_view pair_signal_name(PairSignal signal) noexcept;  // "cosine", "jaccard", ...

// The ends of the score scale, as in SemEval-2022 Task 8.
inline constexpr double kMostSimilarScore = 1.0;
inline constexpr double kLeastSimilarScore = 4.0;

struct SimilarityModel {
  static constexpr int kFormatVersion = 1;
  std::array<double, kPairSignalCount> weights{};
  double bias = kLeastSimilarScore;
  // Pairs scoring at or below this count as "very similar content" for the same-story verdict. Chosen on
  // the training set as the score that best separates pairs rated 1-1.5 (same event) from the rest.
  double same_story_score = 1.5;
  std::string trained_on;  // provenance, for humans

  // bias + weights . signals, clamped to [kMostSimilarScore, kLeastSimilarScore]. Thread-safe.
  [[nodiscard]] double score(const PairSignals& signals) const noexcept;
};

// Parses a model file. Errors: kInvalidArgument for malformed JSON, another format version, a feature
// list that does not match PairSignal, or a missing number.
[[nodiscard]] Result<SimilarityModel> parse_similarity_model(std::string_view json);

// The model shipped with this build (models/similarity-model.json). Thread-safe.
[[nodiscard]] const SimilarityModel& default_similarity_model();

}  // namespace storyline
