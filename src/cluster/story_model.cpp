#include "storyline/cluster/story_model.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "cluster/story_model_data.hpp"
#include "cluster/storyline_model_data.hpp"

namespace storyline {

std::string_view story_signal_name(StorySignal signal) noexcept {
  switch (signal) {
    case StorySignal::kBodyCosine: return "body_cosine";
    case StorySignal::kTitleCosine: return "title_cosine";
    case StorySignal::kPersonOverlap: return "person_overlap";
    case StorySignal::kPlaceOverlap: return "place_overlap";
    case StorySignal::kOrgOverlap: return "org_overlap";
    case StorySignal::kSharedEntities: return "shared_entities";
    case StorySignal::kHoursApart: return "hours_apart";
    case StorySignal::kTimeKnown: return "time_known";
    case StorySignal::kStorySize: return "story_size";
    case StorySignal::kPersonCosine: return "person_cosine";
    case StorySignal::kPlaceCosine: return "place_cosine";
    case StorySignal::kOrgCosine: return "org_cosine";
    case StorySignal::kCount: break;
  }
  return "unknown";
}

double StoryModel::probability(const StorySignals& signals) const noexcept {
  double z = bias;
  for (std::size_t i = 0; i < kStorySignalCount; ++i) z += weights[i] * signals[i];
  return 1.0 / (1.0 + std::exp(-z));
}

Result<StoryModel> parse_story_model(std::string_view json) {
  const auto invalid = [](const std::string& reason) {
    return Error{ErrorCode::kInvalidArgument, "story model: " + reason};
  };
  const nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return invalid("not a JSON object");
  if (doc.value("format_version", 0) != StoryModel::kFormatVersion) {
    return invalid("format_version must be " + std::to_string(StoryModel::kFormatVersion));
  }
  const auto features = doc.find("features");
  const auto weights = doc.find("weights");
  if (features == doc.end() || weights == doc.end() || !features->is_array() || !weights->is_array() ||
      features->size() != kStorySignalCount || weights->size() != kStorySignalCount) {
    return invalid("needs 'features' and 'weights' arrays of " + std::to_string(kStorySignalCount) + " entries");
  }
  StoryModel model;
  for (std::size_t i = 0; i < kStorySignalCount; ++i) {
    const std::string_view expected = story_signal_name(static_cast<StorySignal>(i));
    if (!(*features)[i].is_string() || (*features)[i].get<std::string>() != expected) {
      return invalid("feature " + std::to_string(i) + " must be '" + std::string(expected) + "'");
    }
    if (!(*weights)[i].is_number()) return invalid("weight " + std::to_string(i) + " is not a number");
    model.weights[i] = (*weights)[i].get<double>();
  }
  if (!doc.contains("bias") || !doc["bias"].is_number()) return invalid("needs a numeric 'bias'");
  model.bias = doc["bias"].get<double>();
  model.join_threshold = doc.value("join_threshold", 0.5);
  model.trained_on = doc.value("trained_on", "");
  return model;
}

const StoryModel& default_story_model() {
  // The shipped file is checked by a test, so a failure here means a broken build.
  static const StoryModel kModel = [] {
    auto model = parse_story_model(detail::kShippedStoryModel);
    return model ? std::move(model).value() : StoryModel{};
  }();
  return kModel;
}

const StoryModel& default_storyline_model() {
  static const StoryModel kModel = [] {
    auto model = parse_story_model(detail::kShippedStorylineModel);
    return model ? std::move(model).value() : StoryModel{};
  }();
  return kModel;
}

}  // namespace storyline
