// The clusterer's story index (src/cluster/story_index.hpp): what it holds as stories open and retire.
#include "cluster/story_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace storyline::detail {
namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::uint32_t kSharedTerm = 7;

ArticleVector article(std::uint32_t term, std::int64_t time) {
  ArticleVector vector;
  vector.body = {{term, 1.0F}};
  vector.time = time;
  return vector;
}

// One story that keeps getting articles while thousands open after it and retire: the index must not
// keep a slot for each of those, and the long-lived story must stay reachable.
TEST(StoryIndex, ALongLivedStoryDoesNotKeepTheSlotsOfStoriesRetiredAfterIt) {
  StoryIndex index;
  const std::uint32_t lasting = index.open();
  index.join(lasting, article(kSharedTerm, 0), 1);
  constexpr std::uint32_t kStories = 5000;
  for (std::uint32_t i = 1; i <= kStories; ++i) {
    const std::int64_t now = static_cast<std::int64_t>(i) * kHour;
    index.join(index.open(), article(1000 + i, now), 1);
    index.join(lasting, article(kSharedTerm, now), 1);
    index.retire_before(now - 24 * kHour);
  }
  ASSERT_TRUE(index.live(lasting));
  EXPECT_LE(index.active(), 26U);  // the lasting story and a day of hourly ones
  EXPECT_LT(index.slots(), 1100U) << "empty slots kept for " << index.opened() << " opened stories";

  const auto found = index.candidates(article(kSharedTerm, kStories * kHour), 1, 10);
  EXPECT_NE(std::find(found.begin(), found.end(), lasting), found.end());
  index.set_group(lasting, 3);
  EXPECT_EQ(index.group(lasting), 3U);

  index.retire_before((kStories + 100) * kHour);
  EXPECT_FALSE(index.live(lasting));
  EXPECT_EQ(index.active(), 0U);
  EXPECT_EQ(index.slots(), 0U);
}

}  // namespace
}  // namespace storyline::detail
