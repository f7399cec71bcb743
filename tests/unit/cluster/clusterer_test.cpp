#include "storyline/cluster/clusterer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline {
namespace {

Article article(const std::string& id, const std::string& title, const std::string& text, const std::string& published) {
  Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.published = published;
  a.published_at = parse_iso8601(published);
  return a;
}

// Two unrelated events reported several times each, in publication order.
std::vector<Article> two_events() {
  return {
      article("storm-1", "Storm Brigid batters Brittany coast",
              "Storm Brigid hit the coast of Brittany overnight with winds of 150 km/h, cutting power to 80,000 "
              "homes near Brest and Lorient, the regional prefecture said.",
              "2020-11-09T06:00:00Z"),
      article("tram-1", "Lisbon council approves tram line extension",
              "Lisbon city council voted to extend the number 15 tram line to the western suburbs, a project "
              "expected to cost 120 million euros, Mayor Rui Tavares said.",
              "2020-11-09T09:00:00Z"),
      article("storm-2", "Thousands in Brittany still without power after Storm Brigid",
              "About 30,000 homes in Brittany were still without power a day after Storm Brigid hit Brest and "
              "Lorient, the prefecture said, as engineers restored lines.",
              "2020-11-10T08:00:00Z"),
      article("tram-2", "Lisbon tram extension faces budget questions",
              "Opposition members of Lisbon city council questioned the budget of the number 15 tram line "
              "extension approved by Mayor Rui Tavares.",
              "2020-11-10T12:00:00Z"),
      article("storm-3", "Brittany counts the cost of Storm Brigid",
              "Insurers said Storm Brigid caused 200 million euros of damage in Brittany, where power was restored "
              "to all homes near Brest and Lorient.",
              "2020-11-12T10:00:00Z"),
  };
}

std::vector<std::uint32_t> cluster(const std::vector<Article>& articles, ClusterOptions options = {}) {
  auto clusterer = StoryClusterer::create(std::move(options));
  EXPECT_TRUE(clusterer);
  std::vector<std::uint32_t> stories;
  for (const Article& a : articles) {
    auto assignment = clusterer->add(a);
    EXPECT_TRUE(assignment);
    stories.push_back(assignment->story);
  }
  return stories;
}

// Follow-ups come hours to days later: the set time decay (bench/stories/train_story_model.py, FIXED) must
// not split them, which the decay learned from uci-news-subset's contiguous blocks did.
TEST(StoryClusterer, SeparatesEventsAndJoinsFollowUps) {
  const auto stories = cluster(two_events());
  ASSERT_EQ(stories.size(), 5u);
  EXPECT_EQ(stories[0], stories[2]);  // storm reports
  EXPECT_EQ(stories[0], stories[4]);
  EXPECT_EQ(stories[1], stories[3]);  // tram reports
  EXPECT_NE(stories[0], stories[1]);
}

TEST(StoryClusterer, IsDeterministic) {
  EXPECT_EQ(cluster(two_events()), cluster(two_events()));
}

TEST(StoryClusterer, ExplainsItsCandidates) {
  auto clusterer = StoryClusterer::create();
  ASSERT_TRUE(clusterer);
  const auto articles = two_events();
  ASSERT_TRUE(clusterer->add(articles[0]));
  ASSERT_TRUE(clusterer->add(articles[1]));
  const auto assignment = clusterer->add(articles[2]);
  ASSERT_TRUE(assignment);
  ASSERT_FALSE(assignment->candidates.empty());
  const CandidateScore& best = assignment->candidates.front();
  EXPECT_EQ(best.story, assignment->story);
  EXPECT_GT(best.signals[static_cast<std::size_t>(StorySignal::kBodyCosine)], 0.2);
  EXPECT_GT(best.signals[static_cast<std::size_t>(StorySignal::kSharedEntities)], 0.0);  // Storm Brigid, Brest
  EXPECT_EQ(best.signals[static_cast<std::size_t>(StorySignal::kTimeKnown)], 1.0);
  for (std::size_t i = 1; i < assignment->candidates.size(); ++i) {
    EXPECT_GE(assignment->candidates[i - 1].probability, assignment->candidates[i].probability);
  }
}

TEST(StoryClusterer, CopiesJoinTheirOriginalsStory) {
  auto articles = two_events();
  Article copy = articles[0];
  copy.id = "storm-1-copy";
  copy.published = "2020-11-12T11:00:00Z";
  copy.published_at = parse_iso8601(copy.published);
  articles.push_back(copy);
  auto clusterer = StoryClusterer::create();
  ASSERT_TRUE(clusterer);
  std::vector<StoryAssignment> assignments;
  for (const Article& a : articles) assignments.push_back(clusterer->add(a).value());
  EXPECT_EQ(assignments.back().duplicate_of, std::optional<std::uint32_t>(0));
  EXPECT_EQ(assignments.back().duplicate_of_id, std::optional<std::string>("storm-1"));
  EXPECT_EQ(assignments.back().story, assignments[0].story);
}

TEST(StoryClusterer, RetiresQuietStories) {
  auto articles = two_events();
  Article late = articles[2];
  late.id = "storm-much-later";
  late.published = "2021-03-01T08:00:00Z";
  late.published_at = parse_iso8601(late.published);
  auto clusterer = StoryClusterer::create();
  ASSERT_TRUE(clusterer);
  for (const Article& a : articles) ASSERT_TRUE(clusterer->add(a));
  EXPECT_EQ(clusterer->active_stories(), 2u);
  const auto assignment = clusterer->add(late);
  ASSERT_TRUE(assignment);
  EXPECT_TRUE(assignment->opened);            // the storm story had been quiet for months
  EXPECT_TRUE(assignment->candidates.empty());
  EXPECT_EQ(clusterer->active_stories(), 1u);  // only the new story is left
  EXPECT_EQ(clusterer->stories_opened(), 3u);
}

TEST(StoryClusterer, ForcedAssignmentsFollowTheCaller) {
  auto clusterer = StoryClusterer::create();
  ASSERT_TRUE(clusterer);
  const auto articles = two_events();
  const auto first = clusterer->add_forced(articles[0], std::nullopt);
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->opened);
  // Put the tram report into the storm story: the model would not, the caller does.
  const auto second = clusterer->add_forced(articles[1], first->story);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->story, first->story);
  EXPECT_FALSE(second->opened);
}

// A later chapter of a matter: the same storm's insurance claims settled months on. Another event, so
// another story; the same people, places and organisations, so the same storyline.
Article storm_months_later() {
  return article("storm-claims", "Storm Brigid claims settled in Brittany",
                 "Insurers have settled most claims from Storm Brigid, which hit Brest and Lorient in Brittany "
                 "last November, the regional prefecture said, and power lines were buried underground.",
                 "2021-04-20T09:00:00Z");
}

TEST(StoryClusterer, LinksLaterStoriesOfOneMatterIntoItsStoryline) {
  auto clusterer = StoryClusterer::create();
  ASSERT_TRUE(clusterer);
  std::vector<StoryAssignment> assignments;
  auto articles = two_events();
  articles.push_back(storm_months_later());
  for (const Article& a : articles) assignments.push_back(clusterer->add(a).value());
  const StoryAssignment& storm = assignments[0];
  const StoryAssignment& tram = assignments[1];
  const StoryAssignment& later = assignments.back();
  EXPECT_TRUE(later.opened);                           // a new event...
  EXPECT_NE(later.story, storm.story);
  EXPECT_FALSE(later.storyline_opened);                // ...of the storm's storyline
  EXPECT_EQ(later.storyline, storm.storyline);
  ASSERT_FALSE(later.storyline_candidates.empty());
  EXPECT_EQ(later.storyline_candidates.front().story, storm.storyline);
  EXPECT_NE(tram.storyline, storm.storyline);          // unrelated matters stay apart
  EXPECT_EQ(assignments[2].storyline, storm.storyline);  // a story's articles share its storyline
  EXPECT_EQ(clusterer->storylines_opened(), 2u);
}

TEST(StoryClusterer, AStoryTakesNoArticlesOnceItIsOlderThanTheLimit) {
  auto articles = two_events();
  Article week_later = articles[4];
  week_later.id = "storm-9-days-on";
  week_later.published = "2020-11-18T10:00:00Z";  // 9 days after the storm's first report
  week_later.published_at = parse_iso8601(week_later.published);
  articles.push_back(week_later);
  ClusterOptions options;
  options.join_duplicates = false;
  options.retire_after_seconds = 30 * 24 * 3600;  // still live, but closed by its age
  auto with_limit = cluster(articles, options);
  EXPECT_NE(with_limit.back(), with_limit[0]);
  options.max_story_seconds = 0;  // no limit: the report joins the storm story
  auto without_limit = cluster(articles, options);
  EXPECT_EQ(without_limit.back(), without_limit[0]);
}

TEST(StoryClusterer, ForcedStorylinesFollowTheCaller) {
  auto clusterer = StoryClusterer::create();
  ASSERT_TRUE(clusterer);
  const auto articles = two_events();
  const auto storm = clusterer->add_forced_storyline(articles[0], std::nullopt);
  ASSERT_TRUE(storm);
  EXPECT_TRUE(storm->storyline_opened);
  const auto tram = clusterer->add_forced_storyline(articles[1], storm->storyline);
  ASSERT_TRUE(tram);
  EXPECT_TRUE(tram->opened);  // its story is the model's choice: a new one
  EXPECT_EQ(tram->storyline, storm->storyline);
  EXPECT_FALSE(tram->storyline_opened);
}

TEST(StoryClusterer, AThresholdOfOneNeverJoins) {
  ClusterOptions options;
  options.join_threshold = 1.0;
  options.join_duplicates = false;
  const auto stories = cluster(two_events(), options);
  EXPECT_EQ(stories, (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
}

}  // namespace
}  // namespace storyline
