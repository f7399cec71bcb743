#include "storyline/link/similarity_model.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "link/similarity_model_data.hpp"

namespace storyline {

std::string_view pair_signal_name(PairSignal signal) noexcept {
  switch (signal) {
    case PairSignal::kCosine: return "cosine";
    case PairSignal::kTitleCosine: return "title_cosine";
    case PairSignal::kJaccard: return "jaccard";
    case PairSignal::kEntityOverlap: return "entity_overlap";
    case PairSignal::kKeyTermOverlap: return "key_term_overlap";
    case PairSignal::kCount: break;
  }
  return "unknown";
}

double SimilarityModel::score(const PairSignals& signals) const noexcept {
  double value = bias;
  for (std::size_t i = 0; i < kPairSignalCount; ++i) value += weights[i] * signals[i];
  // A linear fit runs past the scale's ends for extreme pairs (an exact copy); the scale itself does not.
  return std::clamp(value, kMostSimilarScore, kLeastSimilarScore);
}

Result<SimilarityModel> parse_similarity_model(std::string_view json) {
  const auto invalid = [](const std::string& reason) {
    return Error{ErrorCode::kInvalidArgument, "similarity model: " + reason};
  };
  const nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return invalid("not a JSON object");
  if (doc.value("format_version", 0) != SimilarityModel::kFormatVersion) {
    return invalid("format_version must be " + std::to_string(SimilarityModel::kFormatVersion));
  }
  const auto features = doc.find("features");
  const auto weights = doc.find("weights");
  if (features == doc.end() || weights == doc.end() || !features->is_array() || !weights->is_array() ||
      features->size() != kPairSignalCount || weights->size() != kPairSignalCount) {
    return invalid("needs 'features' and 'weights' arrays of " + std::to_string(kPairSignalCount) + " entries");
  }
  SimilarityModel model;
  for (std::size_t i = 0; i < kPairSignalCount; ++i) {
    const std::string_view expected = pair_signal_name(static_cast<PairSignal>(i));
    if (!(*features)[i].is_string() || (*features)[i].get<std::string>() != expected) {
      return invalid("feature " + std::to_string(i) + " must be '" + std::string(expected) + "'");
    }
    if (!(*weights)[i].is_number()) return invalid("weight " + std::to_string(i) + " is not a number");
    model.weights[i] = (*weights)[i].get<double>();
  }
  for (const char* name : {"bias", "same_story_score"}) {
    if (!doc.contains(name) || !doc[name].is_number()) return invalid(std::string("needs a numeric '") + name + "'");
  }
  model.bias = doc["bias"].get<double>();
  model.same_story_score = doc["same_story_score"].get<double>();
  model.trained_on = doc.value("trained_on", "");
  return model;
}

const SimilarityModel& default_similarity_model() {
  // The shipped file is checked by a test, so a failure here means a broken build.
  static const SimilarityModel kModel = [] {
    auto model = parse_similarity_model(detail::kShippedSimilarityModel);
    return model ? std::move(model).value() : SimilarityModel{};
  }();
  return kModel;
}

}  // namespace storyline
