#include "storyline/store/store_timeline.hpp"

#include <utility>

namespace storyline {

Result<std::optional<Timeline>> storyline_timeline(Store& store, std::uint32_t storyline,
                                                   TimelineOptions options) {
  options.only_storyline = storyline;
  auto builder = TimelineBuilder::create(options);
  if (!builder) return builder.error();
  auto status = store.for_each_storyline_article(storyline, [&](const StoredArticle& stored) -> Status {
    // The builder reads only where the article went; the clusterer's scores are not stored.
    StoryAssignment assignment;
    assignment.story = stored.assignment.story;
    assignment.storyline = stored.assignment.storyline;
    assignment.duplicate_of = stored.assignment.duplicate_of;
    return builder->add(stored.article, assignment);
  });
  if (!status) return status.error();
  for (Timeline& timeline : builder->timelines()) {
    if (timeline.storyline == storyline) return std::optional<Timeline>(std::move(timeline));
  }
  return std::optional<Timeline>();
}

}  // namespace storyline
