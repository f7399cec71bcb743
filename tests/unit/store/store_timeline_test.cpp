#include "storyline/store/store_timeline.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "storyline/store/ingester.hpp"

namespace storyline {
namespace {

using testing::TempDir;

Article article(const std::string& id, const std::string& title, const std::string& text,
                const std::string& published) {
  Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.published = published;
  a.published_at = parse_iso8601(published);
  return a;
}

// Two matters a year apart each, and a copy: enough for storylines of several stories and articles.
std::vector<Article> stream() {
  const std::string quay =
      "Fishermen in Kilkeel harbour protested on Tuesday against the new Irish Sea cod quota, blocking the "
      "quay with twenty trawlers. Skipper Dermot Quinn said the quota would ruin the County Down fleet.";
  const std::string quay_again =
      "Trawlers blocked Kilkeel harbour for a second day as County Down fishermen protested the Irish Sea "
      "cod quota. Skipper Dermot Quinn said the fleet would stay in port until the quota was reviewed.";
  const std::string quay_year =
      "A year after the Kilkeel harbour blockade, County Down fishermen say the Irish Sea cod quota has "
      "halved their catch. Skipper Dermot Quinn said the review promised to the fleet never came.";
  const std::string gallery =
      "The Belfast maritime museum reopened its shipyard gallery after a two-year restoration of the "
      "original Harland and Wolff drawings, curator Aoife Byrne said on Tuesday.";
  return {
      article("quay-1", "Kilkeel fishermen blockade harbour over cod quota", quay, "2021-03-02T09:00:00Z"),
      article("gallery-1", "Belfast museum reopens shipyard gallery", gallery, "2021-03-02T11:00:00Z"),
      article("quay-copy", "Kilkeel fishermen blockade harbour", quay, "2021-03-02T15:00:00Z"),
      article("quay-2", "Kilkeel blockade enters second day", quay_again, "2021-03-03T08:00:00Z"),
      article("quay-3", "Kilkeel fishermen a year after the blockade", quay_year, "2022-03-02T08:00:00Z")};
}

TEST(StoreTimeline, MatchesAFullRunInEverythingButTermStatistics) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  auto clusterer = StoryClusterer::create();
  auto full = TimelineBuilder::create();
  ASSERT_TRUE(clusterer && full);
  {
    auto ingester = StoreIngester::open(path);
    ASSERT_TRUE(ingester);
    for (const Article& a : stream()) {
      ASSERT_TRUE(ingester->add(a));
      auto assignment = clusterer->add(a);
      ASSERT_TRUE(assignment);
      ASSERT_TRUE(full->add(a, *assignment));
    }
    ASSERT_TRUE(ingester->finish(5, 0));
  }
  auto store = Store::open(path, StoreMode::kReadOnly);
  ASSERT_TRUE(store);
  const std::vector<Timeline> expected = full->timelines();
  ASSERT_FALSE(expected.empty());
  for (const Timeline& want : expected) {
    auto got = storyline_timeline(*store, want.storyline);
    ASSERT_TRUE(got) << got.error().message();
    ASSERT_TRUE(got->has_value()) << want.storyline;
    const Timeline& timeline = **got;
    EXPECT_EQ(timeline.articles, want.articles);
    EXPECT_EQ(timeline.first_day, want.first_day);
    EXPECT_EQ(timeline.last_day, want.last_day);
    ASSERT_EQ(timeline.entities.size(), want.entities.size());
    for (std::size_t i = 0; i < want.entities.size(); ++i)
      EXPECT_EQ(timeline.entities[i].name, want.entities[i].name);
    ASSERT_EQ(timeline.stories.size(), want.stories.size());
    for (std::size_t i = 0; i < want.stories.size(); ++i) {
      EXPECT_EQ(timeline.stories[i].story, want.stories[i].story);
      EXPECT_EQ(timeline.stories[i].date, want.stories[i].date);
      EXPECT_EQ(timeline.stories[i].articles, want.stories[i].articles);
      EXPECT_EQ(timeline.stories[i].article_ids, want.stories[i].article_ids);
      EXPECT_FALSE(timeline.stories[i].label.empty());
    }
  }
  auto missing = storyline_timeline(*store, 99);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
}

TEST(StoreTimeline, AWindowKeepsItsDaysAndAStorylineOutsideItIsEmpty) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  {
    auto ingester = StoreIngester::open(path);
    ASSERT_TRUE(ingester);
    for (const Article& a : stream()) ASSERT_TRUE(ingester->add(a));
    ASSERT_TRUE(ingester->finish(5, 0));
  }
  auto store = Store::open(path, StoreMode::kReadOnly);
  ASSERT_TRUE(store);
  auto whole = store_timelines(*store);
  ASSERT_TRUE(whole);
  const Timeline* quay = nullptr;
  for (const Timeline& timeline : *whole) {
    for (const TimelineStory& story : timeline.stories) {
      if (story.article_ids.front() == "quay-1") quay = &timeline;
    }
  }
  ASSERT_NE(quay, nullptr);
  ASSERT_EQ(quay->articles, 4U) << "the quay's four articles, the gallery apart";

  TimelineOptions options;
  options.since = parse_iso8601_day("2022-01-01");
  auto later = storyline_timeline(*store, quay->storyline, options);
  ASSERT_TRUE(later) << later.error().message();
  ASSERT_TRUE(later->has_value());
  EXPECT_EQ((*later)->articles, 1U);
  ASSERT_EQ((*later)->stories.size(), 1U);
  EXPECT_EQ((*later)->stories[0].article_ids, (std::vector<std::string>{"quay-3"}));

  options.since = parse_iso8601_day("2023-01-01");
  auto none = storyline_timeline(*store, quay->storyline, options);
  ASSERT_TRUE(none);
  ASSERT_TRUE(none->has_value()) << "the storyline is stored; it has no article in the window";
  EXPECT_EQ((*none)->storyline, quay->storyline);
  EXPECT_EQ((*none)->articles, 0U);
  EXPECT_TRUE((*none)->stories.empty());
}

}  // namespace
}  // namespace storyline
