#include "storyline/json/codec.hpp"

#include <gtest/gtest.h>

namespace storyline::json {
namespace {

TEST(CodecTest, StoryRecordHasNullDatesWhenUndated) {
  StoryRecord story;
  story.story = 4;
  story.storyline = 2;
  story.articles = 3;
  story.first_article_id = "a1";
  story.title = "Quay reopens";
  const Json out = story_json(story);
  EXPECT_EQ(out["story"], 4);
  EXPECT_EQ(out["storyline"], 2);
  EXPECT_TRUE(out["first_published"].is_null());
  EXPECT_EQ(out["first_article"], "a1");
}

TEST(CodecTest, ArticleCarriesTextAndExtraFieldsOnlyWhenAsked) {
  StoredArticle stored;
  stored.position = 7;
  stored.article.id = "x";
  stored.article.text = "Body.";
  stored.article.extra.push_back(ExtraField{"tags", R"(["port","harbour"])"});
  stored.assignment.story = 1;

  const Json brief = article_json(stored, "", false);
  EXPECT_FALSE(brief.contains("text"));
  EXPECT_TRUE(brief["duplicate_of"].is_null());
  EXPECT_TRUE(brief["title"].is_null());

  const Json full = article_json(stored, "orig", true);
  EXPECT_EQ(full["text"], "Body.");
  EXPECT_EQ(full["duplicate_of"], "orig");
  EXPECT_EQ(full["extra"]["tags"][1], "harbour");  // re-parsed, not a string of JSON
}

TEST(CodecTest, ComparisonRoundsAndNamesTheVerdict) {
  Comparison comparison;
  comparison.verdict = Relation::kSameStoryline;
  comparison.score = 2.123456789;
  comparison.evidence.shared_entities.people = {"Mike Pompeo"};
  comparison.evidence.time_gap_days = 655.1234;
  const Json out = comparison_json(comparison);
  EXPECT_EQ(out["verdict"], "same_storyline");
  EXPECT_DOUBLE_EQ(out["score"].get<double>(), 2.1235);
  EXPECT_DOUBLE_EQ(out["evidence"]["time_gap_days"].get<double>(), 655.12);
  EXPECT_EQ(out["evidence"]["shared_entities"]["people"][0], "Mike Pompeo");
  EXPECT_EQ(out["signals"].size(), kPairSignalCount);
}

TEST(CodecTest, DumpReplacesInvalidUtf8InsteadOfThrowing) {
  const std::string text = dump(error_json("bad \xff byte"));
  EXPECT_NE(text.find("bad"), std::string::npos);
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

}  // namespace
}  // namespace storyline::json
