#include "storyline/store/store_timeline.hpp"

#include <utility>

namespace storyline {
namespace {

// The builder reads only where the article went; the clusterer's scores are not stored.
StoryAssignment replayed_assignment(const StoredAssignment& stored) {
  StoryAssignment assignment;
  assignment.story = stored.story;
  assignment.storyline = stored.storyline;
  assignment.duplicate_of = stored.duplicate_of;
  return assignment;
}

}  // namespace

Result<std::optional<Timeline>> storyline_timeline(Store& store, std::uint32_t storyline,
                                                   TimelineOptions options) {
  options.only_storyline = storyline;
  auto builder = TimelineBuilder::create(options);
  if (!builder) return builder.error();
  bool stored_any = false;
  auto status = store.for_each_storyline_article(storyline, [&](const StoredArticle& stored) -> Status {
    stored_any = true;
    return builder->add(stored.article, replayed_assignment(stored.assignment));
  });
  if (!status) return status.error();
  for (Timeline& timeline : builder->timelines()) {
    if (timeline.storyline == storyline) return std::optional<Timeline>(std::move(timeline));
  }
  // A stored storyline with no article in the window (TimelineOptions::since, until) is empty there.
  if (stored_any) {
    Timeline empty;
    empty.storyline = storyline;
    return std::optional<Timeline>(std::move(empty));
  }
  return std::optional<Timeline>();
}

Result<std::vector<Timeline>> store_timelines(Store& store, TimelineOptions options) {
  auto builder = TimelineBuilder::create(options);
  if (!builder) return builder.error();
  auto status = store.for_each_article([&](const StoredArticle& stored) -> Status {
    return builder->add(stored.article, replayed_assignment(stored.assignment));
  });
  if (!status) return status.error();
  return builder->timelines();
}

}  // namespace storyline
