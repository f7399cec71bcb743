// TimelineBuilder on articles written for these tests: story dates and ranges, labels, key sentences,
// defining entities, key dates, and the order of storylines and stories.
#include "storyline/cluster/timeline.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace storyline {
namespace {

Article article(const std::string& id, const std::string& published, const std::string& title,
                const std::string& text, const std::string& source = "") {
  Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.source = source;
  a.lang = "en";
  a.published = published;
  a.published_at = parse_iso8601(published);
  return a;
}

StoryAssignment in(std::uint32_t story, std::uint32_t storyline) {
  StoryAssignment assignment;
  assignment.story = story;
  assignment.storyline = storyline;
  return assignment;
}

TimelineBuilder builder(TimelineOptions options = {}) {
  auto created = TimelineBuilder::create(options);
  EXPECT_TRUE(created) << created.error().message();
  return std::move(created).value();
}

void add(TimelineBuilder& timeline, const Article& a, const StoryAssignment& assignment) {
  const Status status = timeline.add(a, assignment);
  ASSERT_TRUE(status) << status.error().message();
}

const Timeline* find_storyline(const std::vector<Timeline>& timelines, std::uint32_t number) {
  const auto it = std::find_if(timelines.begin(), timelines.end(),
                               [&](const Timeline& t) { return t.storyline == number; });
  return it == timelines.end() ? nullptr : &*it;
}

const std::string kFerry =
    "The harbour ferry between Tavira and the island stopped after its engine failed in the channel. "
    "Passengers on the harbour ferry waited for hours before a tug towed the ferry back to Tavira.";

TEST(TimelineBuilder, DatesAStoryByItsBusiestDayWithItsRange) {
  TimelineBuilder timeline = builder();
  add(timeline, article("a", "2021-05-03T09:00:00Z", "Ferry stops", kFerry), in(0, 0));
  add(timeline, article("b", "2021-05-04T08:00:00Z", "Ferry towed", kFerry), in(0, 0));
  add(timeline, article("c", "2021-05-04T18:00:00Z", "Ferry repairs", kFerry), in(0, 0));
  add(timeline, article("d", "2021-05-06T07:00:00Z", "Ferry back", kFerry), in(0, 0));
  const auto timelines = timeline.timelines();
  ASSERT_EQ(timelines.size(), 1u);
  ASSERT_EQ(timelines[0].stories.size(), 1u);
  const TimelineStory& story = timelines[0].stories[0];
  EXPECT_EQ(format_iso8601_date(*story.date), "2021-05-04");
  EXPECT_EQ(format_iso8601_date(*story.first_day), "2021-05-03");
  EXPECT_EQ(format_iso8601_date(*story.last_day), "2021-05-06");
  EXPECT_EQ(story.articles, 4u);
  EXPECT_EQ(story.article_ids, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(format_iso8601_date(*timelines[0].first_day), "2021-05-03");
  EXPECT_EQ(format_iso8601_date(*timelines[0].last_day), "2021-05-06");
}

// The reports came the days after the ferry stopped on Monday and said so: the story is dated by the day
// they point at, its range by the days they came out. A lone article recalling an earlier day keeps its
// own day: that day is named as often, and it was published on it.
TEST(TimelineBuilder, DatesAStoryByTheDayItsArticlesPointAt) {
  TimelineBuilder timeline = builder();
  add(timeline,
      article("a", "2021-05-04T08:00:00Z", "Ferry towed", "The ferry that stopped on Monday was towed."),
      in(0, 0));
  add(timeline,
      article("b", "2021-05-05T08:00:00Z", "Ferry inquiry", "An inquiry opened into Monday's breakdown."),
      in(0, 0));
  add(timeline,
      article("c", "2021-05-20T08:00:00Z", "Ferry fined",
              "The owner of the ferry that stopped on May 3 was fined."),
      in(1, 0));
  const auto stories = timeline.timelines()[0].stories;
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].story, 0u);
  EXPECT_EQ(format_iso8601_date(*stories[0].date), "2021-05-03");
  EXPECT_EQ(format_iso8601_date(*stories[0].first_day), "2021-05-04");
  EXPECT_EQ(format_iso8601_date(*stories[0].last_day), "2021-05-05");
  EXPECT_EQ(stories[1].story, 1u);
  EXPECT_EQ(format_iso8601_date(*stories[1].date), "2021-05-20");
}

TEST(TimelineBuilder, TiedDaysDateAStoryByTheEarlier) {
  TimelineBuilder timeline = builder();
  add(timeline, article("a", "2021-05-03", "", kFerry), in(0, 0));
  add(timeline, article("b", "2021-05-05", "", kFerry), in(0, 0));
  const auto story = timeline.timelines()[0].stories[0];
  EXPECT_EQ(format_iso8601_date(*story.date), "2021-05-03");
}

TEST(TimelineBuilder, UndatedStoriesHaveNoDateAndComeLast) {
  TimelineBuilder timeline = builder();
  add(timeline, article("a", "", "Undated", kFerry), in(0, 0));
  add(timeline, article("b", "2021-05-03", "Dated", kFerry), in(1, 0));
  const auto stories = timeline.timelines()[0].stories;
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].story, 1u);
  EXPECT_EQ(stories[1].story, 0u);
  EXPECT_FALSE(stories[1].date.has_value());
}

TEST(TimelineBuilder, LabelIsTheTitleOfTheMostCentralArticle) {
  TimelineBuilder timeline = builder();
  // Two articles about the ferry, and one that only mentions it among a market's news.
  add(timeline,
      article("market", "2021-05-03", "Fish market opens early",
              "The fish market in Olhao opened early for the tuna season. Traders sold sardines and tuna. "
              "Some said the ferry was late."),
      in(0, 0));
  add(timeline, article("ferry1", "2021-05-03", "Tavira ferry engine fails in the channel", kFerry),
      in(0, 0));
  add(timeline,
      article("ferry2", "2021-05-04", "Harbour ferry towed back to Tavira", kFerry + " The tug crew helped."),
      in(0, 0));
  const TimelineStory story = timeline.timelines()[0].stories[0];
  EXPECT_TRUE(story.label == "Tavira ferry engine fails in the channel" ||
              story.label == "Harbour ferry towed back to Tavira")
      << story.label;
}

TEST(TimelineBuilder, LabelIsATitleWhoseOwnWordsFitTheStory) {
  TimelineBuilder timeline = builder();
  // The two most central articles carry a page's headline, not their own; the third names the ferry.
  add(timeline, article("a", "2021-05-03", "Latest headlines from the Algarve", kFerry), in(0, 0));
  add(timeline, article("b", "2021-05-03", "Latest headlines from the Algarve today", kFerry), in(0, 0));
  add(timeline,
      article("c", "2021-05-04", "Harbour ferry towed back to Tavira",
              "A tug towed the harbour ferry back to Tavira. The market in Olhao sold sardines and tuna."),
      in(0, 0));
  EXPECT_EQ(timeline.timelines()[0].stories[0].label, "Harbour ferry towed back to Tavira");
}

TEST(TimelineBuilder, UntitledArticlesAreLabelledByTheirFirstSentence) {
  TimelineBuilder timeline = builder();
  add(timeline,
      article("a", "2021-05-03", "",
              "The harbour ferry stopped in the channel.\nIt was towed back to Tavira."),
      in(0, 0));
  EXPECT_EQ(timeline.timelines()[0].stories[0].label, "The harbour ferry stopped in the channel.");
}

TEST(TimelineBuilder, LabelsAndKeySentencesStartAfterAWireDateline) {
  TimelineBuilder timeline = builder();
  add(timeline,
      article("a", "2021-05-03", "",
              "FARO, May 3 (Reuters) - The harbour ferry to the island stopped in the channel near Tavira."),
      in(0, 0));
  const TimelineStory story = timeline.timelines()[0].stories[0];
  EXPECT_EQ(story.label, "The harbour ferry to the island stopped in the channel near Tavira.");
  EXPECT_EQ(story.key_sentence, story.label);
}

TEST(TimelineBuilder, KeySentenceIsTheSentenceClosestToTheCentroid) {
  TimelineBuilder timeline = builder();
  const std::string text =
      "Ferry stops. "  // too short to be a key sentence
      "The weather in the Algarve was warm and sunny for most of the holiday weekend, said forecasters. "
      "The harbour ferry to the island stopped in the channel after its engine failed near Tavira. "
      "A local bakery on the main square sold more bread than usual that morning to many visitors.";
  add(timeline, article("a", "2021-05-03", "Ferry engine fails", text), in(0, 0));
  add(timeline, article("b", "2021-05-03", "Ferry towed", kFerry), in(0, 0));
  const TimelineStory story = timeline.timelines()[0].stories[0];
  EXPECT_NE(story.key_sentence.find("ferry"), std::string::npos) << story.key_sentence;
  EXPECT_NE(story.key_sentence, "Ferry stops.");
  EXPECT_EQ(story.key_sentence.find("bakery"), std::string::npos);
  EXPECT_EQ(story.key_sentence.find("weather"), std::string::npos);
}

TEST(TimelineBuilder, LongAndShortSentencesAreNotKeySentences) {
  TimelineOptions options;
  options.min_sentence_words = 3;
  options.max_sentence_words = 5;
  TimelineBuilder timeline = builder(options);
  add(timeline,
      article("a", "2021-05-03", "",
              "Ferry stops. The harbour ferry engine failed. "
              "The harbour ferry to the island stopped in the channel after its engine failed near Tavira."),
      in(0, 0));
  EXPECT_EQ(timeline.timelines()[0].stories[0].key_sentence, "The harbour ferry engine failed.");
}

TEST(TimelineBuilder, LabelsAndKeySentencesShowTreebankEscapesAsBrackets) {
  TimelineOptions options;
  options.min_sentence_words = 3;
  TimelineBuilder timeline = builder(options);
  add(timeline,
      article("a", "2021-05-03", "Ferry -LRB- Tavira -RRB- stops",
              "The harbour ferry -LRB- the Tavira boat -RRB- lost its engine."),
      in(0, 0));
  const TimelineStory story = timeline.timelines()[0].stories[0];
  EXPECT_EQ(story.label, "Ferry ( Tavira ) stops");
  EXPECT_EQ(story.key_sentence, "The harbour ferry ( the Tavira boat ) lost its engine.");
}

TEST(TimelineBuilder, DefiningEntitiesAreThoseNamedInMostArticles) {
  TimelineBuilder timeline = builder();
  add(timeline,
      article(
          "a", "2018-09-22", "",
          "Secretary of State Mike Pompeo said talks with North Korea would go on. North Korean leader Kim "
          "Jong-un met him in Pyongyang."),
      in(0, 0));
  add(timeline,
      article("b", "2019-02-28", "",
              "Secretary of State Mike Pompeo said the summit in Hanoi ended early. North Korean leader Kim "
              "Jong-un "
              "left Hanoi by train."),
      in(1, 0));
  add(timeline,
      article("c", "2020-07-08", "",
              "Secretary of State Mike Pompeo said another summit was unlikely this year."),
      in(2, 0));
  const auto timelines = timeline.timelines();
  ASSERT_EQ(timelines.size(), 1u);
  std::vector<DefiningEntity> people;
  for (const DefiningEntity& entity : timelines[0].entities) {
    if (entity.kind == EntityKind::kPerson) people.push_back(entity);
  }
  ASSERT_GE(people.size(), 2u);
  EXPECT_EQ(people[0].name, "Mike Pompeo");
  EXPECT_EQ(people[0].articles, 3u);
  EXPECT_EQ(people[1].name, "Kim Jong-un");
  EXPECT_EQ(people[1].articles, 2u);
  // Hanoi is named in one article of three: an aside, not what defines the storyline.
  for (const DefiningEntity& entity : timelines[0].entities) EXPECT_NE(entity.name, "Hanoi");
  ASSERT_EQ(timelines[0].stories.size(), 3u);
  EXPECT_EQ(format_iso8601_date(*timelines[0].first_day), "2018-09-22");
  EXPECT_EQ(format_iso8601_date(*timelines[0].last_day), "2020-07-08");
}

TEST(TimelineBuilder, StorylinesLargestFirstAndStoriesInDateOrder) {
  TimelineBuilder timeline = builder();
  add(timeline, article("s0", "2021-05-01", "", kFerry), in(0, 0));
  add(timeline, article("t0", "2021-05-02", "", kFerry), in(1, 1));
  add(timeline, article("t1", "2021-05-03", "", kFerry), in(1, 1));
  // Story 3 opens later in the stream but its only dated article is earlier than story 2's.
  add(timeline, article("u0", "", "", kFerry), in(2, 1));
  add(timeline, article("u1", "2021-05-20", "", kFerry), in(2, 1));
  add(timeline, article("v0", "2021-05-04", "", kFerry), in(3, 1));
  const auto timelines = timeline.timelines();
  ASSERT_EQ(timelines.size(), 2u);
  EXPECT_EQ(timelines[0].storyline, 1u);
  EXPECT_EQ(timelines[0].articles, 5u);
  EXPECT_EQ(timelines[1].storyline, 0u);
  std::vector<std::uint32_t> order;
  for (const TimelineStory& story : timelines[0].stories) order.push_back(story.story);
  EXPECT_EQ(order, (std::vector<std::uint32_t>{1, 3, 2}));
}

TEST(TimelineBuilder, KeepTopKeepsTheStoriesOfTheMostPointedAtDaysInDateOrder) {
  TimelineBuilder timeline = builder();
  add(timeline, article("a0", "2021-05-01", "", kFerry), in(0, 0));
  add(timeline, article("b0", "2021-05-10", "", kFerry), in(1, 0));
  add(timeline, article("b1", "2021-05-10", "", kFerry), in(1, 0));
  add(timeline, article("c0", "2021-05-20", "", kFerry), in(2, 0));
  add(timeline, article("c1", "2021-05-20", "", kFerry), in(2, 0));
  add(timeline, article("c2", "2021-05-21", "", kFerry), in(2, 0));
  Timeline top = timeline.timelines()[0];
  keep_top(top, 2);
  ASSERT_EQ(top.stories.size(), 2u);
  EXPECT_EQ(top.stories[0].story, 1u);
  EXPECT_EQ(top.stories[1].story, 2u);
  EXPECT_EQ(top.articles, 6u);  // the storyline's count is not the stories kept
}

// The ferry sank on May 3 and one article reported it; a timetable story had three; a month later two
// reports of the divers named the day it sank. The sinking's day is pointed at as often as the timetable's,
// so its one-article story is kept before the divers' two.
TEST(TimelineBuilder, KeepTopWeighsAStoryByTheArticlesPointingAtItsDay) {
  TimelineBuilder timeline = builder();
  add(timeline, article("a", "2021-05-03T20:00:00Z", "Ferry sinks", "The harbour ferry sank in the channel."),
      in(0, 0));
  for (const char* id : {"b0", "b1", "b2"}) {
    add(timeline, article(id, "2021-05-20T08:00:00Z", "Timetable", "The summer ferry timetable starts."),
        in(1, 0));
  }
  for (const char* id : {"c0", "c1"}) {
    add(timeline,
        article(id, "2021-06-01T08:00:00Z", "Divers",
                "Divers reached the wreck on Tuesday, four weeks after the ferry sank on May 3."),
        in(2, 0));
  }
  Timeline top = timeline.timelines()[0];
  ASSERT_EQ(top.stories.size(), 3u);
  EXPECT_EQ(format_iso8601_date(*top.stories[2].date), "2021-06-01");  // its own day, named as often
  keep_top(top, 2);
  ASSERT_EQ(top.stories.size(), 2u);
  EXPECT_EQ(top.stories[0].story, 0u);
  EXPECT_EQ(top.stories[1].story, 1u);
}

// Two stories of the same day are one entry of a timeline too many while another day goes unshown; the
// second comes back only when no other day is left.
TEST(TimelineBuilder, KeepTopTakesOneStoryADayBeforeASecond) {
  TimelineBuilder timeline = builder();
  add(timeline, article("a0", "2021-05-10", "", kFerry), in(0, 0));
  add(timeline, article("a1", "2021-05-10", "", kFerry), in(0, 0));
  add(timeline, article("b0", "2021-05-10", "", kFerry), in(1, 0));
  add(timeline, article("c0", "2021-05-12", "", kFerry), in(2, 0));
  add(timeline, article("d0", "2021-05-12", "", kFerry), in(3, 0));
  const Timeline all = timeline.timelines()[0];
  const auto kept = [&](std::size_t count) {
    Timeline top = all;
    keep_top(top, count);
    std::vector<std::uint32_t> stories;
    for (const TimelineStory& story : top.stories) stories.push_back(story.story);
    return stories;
  };
  EXPECT_EQ(kept(2),
            (std::vector<std::uint32_t>{0, 2}));  // story 1 is as pointed at, but shares story 0's day
  EXPECT_EQ(kept(3), (std::vector<std::uint32_t>{0, 1, 2}));  // then the best of the rest
}

// A week of coverage of one event is one story, but its days are the timeline's entries: each with the
// label and key sentence of that day's own reports.
TEST(TimelineBuilder, KeepTopShowsAStoryOnEachKeyDayItReportsWithThatDaysLabel) {
  TimelineBuilder timeline = builder();
  add(timeline, article("a0", "2021-05-03T09:00:00Z", "Ferry stops in the channel", kFerry), in(0, 0));
  add(timeline, article("a1", "2021-05-03T10:00:00Z", "Ferry stops in the channel", kFerry), in(0, 0));
  add(timeline, article("b0", "2021-05-05T09:00:00Z", "Ferry towed back to Tavira", kFerry), in(0, 0));
  add(timeline, article("b1", "2021-05-05T10:00:00Z", "Ferry towed back to Tavira", kFerry), in(0, 0));
  add(timeline, article("c0", "2021-05-20T09:00:00Z", "Summer timetable", kFerry), in(1, 0));
  Timeline top = timeline.timelines()[0];
  keep_top(top, 2);
  ASSERT_EQ(top.stories.size(), 2u);
  EXPECT_EQ(top.stories[0].story, 0u);
  EXPECT_EQ(top.stories[1].story, 0u);
  EXPECT_EQ(format_iso8601_date(*top.stories[0].date), "2021-05-03");
  EXPECT_EQ(format_iso8601_date(*top.stories[1].date), "2021-05-05");
  EXPECT_EQ(top.stories[0].label, "Ferry stops in the channel");
  EXPECT_EQ(top.stories[1].label, "Ferry towed back to Tavira");
  EXPECT_EQ(top.stories[0].articles, 4u);  // still the whole story
}

// The harbour's history names 1910, the year the first ferry ran: a day nobody reported in this stream
// is no entry, however the counts fall. Nor is a second entry of a story with no report of its own that
// day (the day before the reports, which they name): it would repeat the first.
TEST(TimelineBuilder, KeepTopLeavesOutDaysNoStoryReportedAndRepeats) {
  TimelineBuilder timeline = builder();
  add(timeline,
      article("a", "2021-05-04T09:00:00Z", "Ferry stops",
              "The harbour ferry stopped on Monday. The first ferry ran on June 1, 1910."),
      in(0, 0));
  add(timeline,
      article("b", "2021-05-04T10:00:00Z", "Ferry stops",
              "The harbour ferry stopped on Monday. The first ferry ran on June 1, 1910."),
      in(0, 0));
  add(timeline, article("c", "2021-05-20T09:00:00Z", "Summer timetable", kFerry), in(1, 0));
  const Timeline all = timeline.timelines()[0];
  ASSERT_GE(all.key_dates.size(), 3u);
  Timeline top = all;
  keep_top(top, 3);
  std::vector<std::string> dates;
  for (const TimelineStory& story : top.stories) dates.push_back(format_iso8601_date(*story.date));
  // May 3 (named by both) and May 4 (published) are story 0's; one entry says it all. 1910 is out.
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[1], "2021-05-20");
  EXPECT_EQ(top.stories[0].story, 0u);
}

// A report in June that recalls the day the ferry stopped does not make the June story the one that
// reported it.
TEST(TimelineBuilder, AKeyDateBelongsToTheStoryPublishedOnIt) {
  TimelineBuilder timeline = builder();
  add(timeline,
      article("a", "2021-05-03T20:00:00Z", "Ferry stops", "The harbour ferry stopped in the channel."),
      in(0, 0));
  for (const char* id : {"b0", "b1"}) {
    add(timeline,
        article(id, "2021-06-01T08:00:00Z", "Divers",
                "Divers reached the wreck, four weeks after the ferry stopped on May 3."),
        in(1, 0));
  }
  const Timeline all = timeline.timelines()[0];
  const auto may3 = std::find_if(all.key_dates.begin(), all.key_dates.end(),
                                 [](const KeyDate& k) { return format_iso8601_date(k.day) == "2021-05-03"; });
  ASSERT_NE(may3, all.key_dates.end());
  EXPECT_EQ(may3->articles, 3u);
  EXPECT_EQ(may3->story, 0u);  // two of the three articles are story 1's, but story 0 reported the day
}

// The ferry stopped on Monday 3 May; the reports came over the following days and said when. The day
// they point at comes first, though only one article was published on it. A day named ahead of time
// ("repairs start on May 10") is a plan, not an event, and counts only once a report looks back on it.
TEST(TimelineBuilder, KeyDatesAreTheDaysMostArticlesArePublishedOnOrLookBackTo) {
  TimelineBuilder timeline = builder();
  add(timeline,
      article("a", "2021-05-03T21:00:00Z", "Ferry stops", "The harbour ferry stopped in the channel."),
      in(0, 0));
  add(timeline,
      article("b", "2021-05-04T08:00:00Z", "Ferry towed",
              "The ferry that stopped on Monday was towed back to Tavira. Repairs start on May 10, 2021."),
      in(0, 0));
  add(timeline,
      article("e", "2021-05-04T09:00:00Z", "Passengers home",
              "Passengers stranded on Monday's ferry reached home."),
      in(1, 0));
  add(timeline,
      article("c", "2021-05-05T08:00:00Z", "Ferry inquiry",
              "An inquiry opened into Monday's ferry breakdown."),
      in(0, 0));
  add(timeline,
      article("d", "2021-05-11T08:00:00Z", "Ferry repairs",
              "Repairs on the ferry began yesterday, a week after it stopped on May 3."),
      in(1, 0));
  const auto timelines = timeline.timelines();
  ASSERT_EQ(timelines.size(), 1U);
  const std::vector<KeyDate>& key_dates = timelines[0].key_dates;
  ASSERT_EQ(key_dates.size(), 5U);
  EXPECT_EQ(format_iso8601_date(key_dates[0].day), "2021-05-03");  // published by a, named by the rest
  EXPECT_EQ(key_dates[0].articles, 5U);
  EXPECT_EQ(key_dates[0].story, 0U);                               // three of the five are story 0's
  EXPECT_EQ(format_iso8601_date(key_dates[1].day), "2021-05-04");  // published by b and e
  EXPECT_EQ(key_dates[1].articles, 2U);
  EXPECT_EQ(key_dates[1].story, 0U);  // one article each: the lower story number
  const std::vector<std::string> rest{"2021-05-05", "2021-05-10", "2021-05-11"};  // equal counts: date order
  for (std::size_t i = 0; i < rest.size(); ++i) {
    EXPECT_EQ(format_iso8601_date(key_dates[2 + i].day), rest[i]);
    EXPECT_EQ(key_dates[2 + i].articles, 1U);
  }
  EXPECT_EQ(key_dates[3].story, 1U)
      << "May 10 counts for d, which looks back on it, not for b, which announced it";

  Timeline top = timelines[0];
  keep_top(top, 1);
  ASSERT_EQ(top.key_dates.size(), 1U);
  EXPECT_EQ(format_iso8601_date(top.key_dates[0].day), "2021-05-03");
}

TEST(TimelineBuilder, SourcesAreDistinctAndCopiesCount) {
  TimelineBuilder timeline = builder();
  add(timeline, article("a", "2021-05-03", "Ferry stops", kFerry, "Algarve Daily"), in(0, 0));
  StoryAssignment copy = in(0, 0);
  copy.duplicate_of = 0;
  add(timeline, article("b", "2021-05-03", "Ferry stops", kFerry, "Wire"), copy);
  add(timeline, article("c", "2021-05-04", "Ferry towed", kFerry, "Algarve Daily"), in(0, 0));
  const TimelineStory story = timeline.timelines()[0].stories[0];
  EXPECT_EQ(story.articles, 3u);
  EXPECT_EQ(story.sources, (std::vector<std::string>{"Algarve Daily", "Wire"}));
}

TEST(TimelineBuilder, OnlyTheChosenStorylineIsKept) {
  TimelineOptions options;
  options.only_storyline = 1;
  TimelineBuilder timeline = builder(options);
  add(timeline, article("a", "2021-05-03", "", kFerry), in(0, 0));
  add(timeline, article("b", "2021-05-04", "", kFerry), in(1, 1));
  const auto timelines = timeline.timelines();
  ASSERT_EQ(timelines.size(), 1u);
  EXPECT_EQ(timelines[0].storyline, 1u);
  EXPECT_EQ(find_storyline(timelines, 0), nullptr);
}

TEST(TimelineBuilder, AWindowLaysOutOnlyItsDays) {
  TimelineOptions options;
  options.since = parse_iso8601_day("2021-05-04");
  options.until = parse_iso8601_day("2021-05-10");
  TimelineBuilder timeline = builder(options);
  add(timeline, article("before", "2021-05-03", "Ferry stops", kFerry), in(0, 0));
  add(timeline,
      article("inside", "2021-05-05T08:00:00Z", "Ferry inquiry",
              "An inquiry opened into Monday's ferry breakdown, which stranded passengers on May 3, 2021."),
      in(0, 0));
  add(timeline, article("undated", "", "Ferry rules", "New rules for harbour ferries were written."),
      in(0, 0));
  add(timeline, article("after", "2021-05-11", "Ferry repairs", kFerry), in(1, 0));
  add(timeline, article("elsewhere", "2021-05-20", "Market opens", "The fish market opened early."),
      in(2, 1));
  const auto timelines = timeline.timelines();
  ASSERT_EQ(timelines.size(), 1U) << "a storyline with no article in the window is not laid out";
  const Timeline& ferry = timelines[0];
  EXPECT_EQ(ferry.articles, 1U);
  ASSERT_EQ(ferry.stories.size(), 1U);
  EXPECT_EQ(ferry.stories[0].article_ids, (std::vector<std::string>{"inside"}));
  ASSERT_TRUE(ferry.stories[0].date);
  EXPECT_EQ(format_iso8601_date(*ferry.stories[0].date), "2021-05-05")
      << "May 3, named by the article, lies before the window";
  ASSERT_EQ(ferry.key_dates.size(), 1U);
  EXPECT_EQ(format_iso8601_date(ferry.key_dates[0].day), "2021-05-05");
}

TEST(TimelineBuilder, AnOpenEndedWindowKeepsEverythingOnItsOpenSide) {
  TimelineOptions options;
  options.until = parse_iso8601_day("2021-05-04");
  TimelineBuilder timeline = builder(options);
  add(timeline, article("old", "1999-01-01", "Ferry launched", kFerry), in(0, 0));
  add(timeline, article("a", "2021-05-04T23:59:59Z", "Ferry stops", kFerry), in(1, 0));
  add(timeline, article("b", "2021-05-05T00:00:00Z", "Ferry towed", kFerry), in(1, 0));
  const auto timelines = timeline.timelines();
  ASSERT_EQ(timelines.size(), 1U);
  EXPECT_EQ(timelines[0].articles, 2U);
  EXPECT_EQ(format_iso8601_date(*timelines[0].last_day), "2021-05-04");
}

TEST(TimelineBuilder, FinishedStoriesKeepTheirLabelAndStillCountLateCopies) {
  TimelineOptions options;
  options.finish_after_seconds = 24 * 3600;
  TimelineBuilder timeline = builder(options);
  add(timeline, article("a", "2021-05-03", "Ferry stops", kFerry), in(0, 0));
  add(timeline, article("later", "2021-05-10", "Market opens", "The fish market in Olhao opened early."),
      in(1, 1));
  StoryAssignment copy = in(0, 0);
  copy.duplicate_of = 0;
  add(timeline, article("copy", "2021-05-11", "Ferry stops again", kFerry), copy);
  const auto timelines = timeline.timelines();
  const Timeline* ferry = find_storyline(timelines, 0);
  ASSERT_NE(ferry, nullptr);
  EXPECT_EQ(ferry->stories[0].label, "Ferry stops");
  EXPECT_EQ(ferry->stories[0].articles, 2u);
  EXPECT_EQ(format_iso8601_date(*ferry->stories[0].last_day), "2021-05-11");
  EXPECT_FALSE(ferry->stories[0].key_sentence.empty());
}

TEST(TimelineBuilder, RejectsInconsistentOptions) {
  TimelineOptions options;
  options.min_sentence_words = 10;
  options.max_sentence_words = 5;
  EXPECT_FALSE(TimelineBuilder::create(options));
  options = {};
  options.sentence_candidates = 0;
  EXPECT_FALSE(TimelineBuilder::create(options));
  options = {};
  options.since = parse_iso8601_day("2021-05-04");
  options.until = parse_iso8601_day("2021-05-03");
  EXPECT_FALSE(TimelineBuilder::create(options)) << "a window that ends before it starts";
}

}  // namespace
}  // namespace storyline
