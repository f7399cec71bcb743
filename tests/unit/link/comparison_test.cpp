#include "storyline/link/comparison.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "storyline/common/timestamp.hpp"
#include "unit/link/article_pairs.hpp"

namespace storyline {
namespace {

namespace pairs = testing::pairs;

Article make(const pairs::Text& text, bool dated = true) {
  Article article;
  article.id = text.id;
  article.title = text.title;
  article.text = text.text;
  if (dated) {
    article.published = text.published;
    article.published_at = parse_iso8601(text.published);
  }
  return article;
}

Comparison compare(const Article& a, const Article& b, ComparisonOptions options = {}) {
  auto comparer = ArticleComparer::create(std::move(options));
  EXPECT_TRUE(comparer) << comparer.error().message();
  auto result = comparer->compare(a, b);
  EXPECT_TRUE(result) << result.error().message();
  return std::move(result).value();
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

TEST(ArticleComparer, CopyIsDuplicate) {
  const Comparison result = compare(make(pairs::kFire), make(pairs::kFireCopy));
  EXPECT_EQ(result.verdict, Relation::kDuplicate);
  EXPECT_GE(result.evidence.jaccard, DedupOptions{}.threshold);
  EXPECT_LT(result.evidence.jaccard, 1.0);
  EXPECT_GT(result.evidence.cosine, 0.9);
  EXPECT_LT(result.score, 1.5);
  ASSERT_TRUE(result.evidence.time_gap_days);
  EXPECT_DOUBLE_EQ(*result.evidence.time_gap_days, 0.0);
}

TEST(ArticleComparer, CopyStaysDuplicateWhenRepublishedLater) {
  Article late = make(pairs::kFireCopy);
  late.published_at = parse_iso8601("2023-01-01");
  EXPECT_EQ(compare(make(pairs::kFire), late).verdict, Relation::kDuplicate);
}

TEST(ArticleComparer, RetoldEventIsSameStory) {
  const Comparison result = compare(make(pairs::kFire), make(pairs::kFireRetold));
  EXPECT_EQ(result.verdict, Relation::kSameStory);
  EXPECT_LT(result.evidence.jaccard, DedupOptions{}.threshold);
  EXPECT_LE(result.score, default_similarity_model().same_story_score);
  ASSERT_TRUE(result.evidence.time_gap_days);
  EXPECT_DOUBLE_EQ(*result.evidence.time_gap_days, 1.0);
  EXPECT_TRUE(contains(result.evidence.shared_entities.people, "Alda Brennan"));
  // A made-up town is not in the gazetteer, so its kind is the analyzer's guess; it is shared either way.
  const SharedEntities& shared = result.evidence.shared_entities;
  EXPECT_TRUE(contains(shared.places, "Port Ellery") || contains(shared.people, "Port Ellery") ||
              contains(shared.other, "Port Ellery"));
  EXPECT_TRUE(contains(result.evidence.shared_terms, "warehouses"));
}

TEST(ArticleComparer, SameEventMonthsApartIsSameStoryline) {
  // Content alone says one event; the dates say a later chapter.
  Article later = make(pairs::kFireRetold);
  later.published_at = parse_iso8601("2021-09-04");
  const Comparison result = compare(make(pairs::kFire), later);
  EXPECT_LE(result.score, default_similarity_model().same_story_score);
  EXPECT_EQ(result.verdict, Relation::kSameStoryline);
}

TEST(ArticleComparer, SameStoryDayLimitIsAnOption) {
  Article later = make(pairs::kFireRetold);
  later.published_at = parse_iso8601("2021-05-10");  // a week after kFire
  EXPECT_EQ(compare(make(pairs::kFire), later).verdict, Relation::kSameStoryline);
  ComparisonOptions patient;
  patient.same_story_max_days = 10.0;
  EXPECT_EQ(compare(make(pairs::kFire), later, patient).verdict, Relation::kSameStory);
}

TEST(ArticleComparer, FollowUpAYearLaterIsSameStoryline) {
  const Comparison result = compare(make(pairs::kFire), make(pairs::kHarbourReopens));
  EXPECT_EQ(result.verdict, Relation::kSameStoryline);
  ASSERT_TRUE(result.evidence.time_gap_days);
  EXPECT_DOUBLE_EQ(*result.evidence.time_gap_days, 403.0);
  EXPECT_GE(result.evidence.shared_entities.defining(), ComparisonOptions{}.storyline_min_entities);
  EXPECT_GE(result.evidence.shared_key_terms, ComparisonOptions{}.storyline_min_key_terms);
  EXPECT_TRUE(contains(result.evidence.shared_entities.people, "Alda Brennan"));
  EXPECT_GT(result.score, compare(make(pairs::kFire), make(pairs::kFireRetold)).score);
}

TEST(ArticleComparer, DifferentSubjectsAreUnrelated) {
  const Comparison result = compare(make(pairs::kFire), make(pairs::kFootball));
  EXPECT_EQ(result.verdict, Relation::kUnrelated);
  EXPECT_EQ(result.evidence.shared_entities.defining(), 0u);
  EXPECT_LT(result.evidence.cosine, 0.2);
  EXPECT_GT(result.score, 3.0);
}

TEST(ArticleComparer, ArticlesInTwoLanguagesAreOneStorylineOnSharedNamesAlone) {
  const Article english = make(pairs::kQuotasEnglish);
  const Article spanish = make(pairs::kQuotasSpanish);
  const ComparisonOptions defaults;
  const Comparison result = compare(english, spanish);
  EXPECT_EQ(result.evidence.language_a, "en");
  EXPECT_EQ(result.evidence.language_b, "es");
  // Too few key terms for the rule within one language, but enough names for the rule across two.
  EXPECT_LT(result.evidence.shared_key_terms, defaults.storyline_min_key_terms);
  const std::size_t names = result.evidence.shared_entities.defining();
  EXPECT_GE(names, defaults.storyline_min_entities_across_languages);
  EXPECT_TRUE(contains(result.evidence.shared_entities.people, "Marta Quiroga"));
  EXPECT_TRUE(contains(result.evidence.shared_entities.places, "Spain"));  // "España"
  EXPECT_GT(result.score, defaults.model.same_story_score);
  EXPECT_EQ(result.verdict, Relation::kSameStoryline);

  ComparisonOptions stricter;
  stricter.storyline_min_entities_across_languages = names + 1;
  EXPECT_EQ(compare(english, spanish, stricter).verdict, Relation::kUnrelated);

  // The same texts said to be in one language: the rule within a language applies, and the terms fail it.
  Article said_english = spanish;
  said_english.lang = "en";
  const Comparison one_language = compare(english, said_english);
  EXPECT_EQ(one_language.evidence.language_b, "en");
  EXPECT_EQ(one_language.verdict, Relation::kUnrelated);
}

TEST(ArticleComparer, UndatedPairsHaveNoTimeGap) {
  const Comparison result = compare(make(pairs::kFire, false), make(pairs::kFireRetold));
  EXPECT_FALSE(result.evidence.time_gap_days);
  EXPECT_EQ(result.verdict, Relation::kSameStory);
}

TEST(ArticleComparer, IsSymmetricAndForgetsEarlierPairs) {
  auto comparer = ArticleComparer::create();
  ASSERT_TRUE(comparer);
  const Article fire = make(pairs::kFire);
  const Article later = make(pairs::kHarbourReopens);
  const auto first = comparer->compare(fire, later);
  ASSERT_TRUE(first);
  // Other articles in between must not change the weights (no document frequencies carry over).
  ASSERT_TRUE(comparer->compare(make(pairs::kFootball), make(pairs::kFireRetold)));
  const auto again = comparer->compare(fire, later);
  const auto swapped = comparer->compare(later, fire);
  ASSERT_TRUE(again);
  ASSERT_TRUE(swapped);
  EXPECT_EQ(again->verdict, first->verdict);
  EXPECT_DOUBLE_EQ(again->score, first->score);
  EXPECT_EQ(again->evidence.shared_terms, first->evidence.shared_terms);
  EXPECT_EQ(swapped->verdict, first->verdict);
  EXPECT_NEAR(swapped->score, first->score, 1e-12);
  EXPECT_NEAR(swapped->evidence.cosine, first->evidence.cosine, 1e-12);
  EXPECT_DOUBLE_EQ(swapped->evidence.jaccard, first->evidence.jaccard);
  EXPECT_EQ(swapped->evidence.shared_key_terms, first->evidence.shared_key_terms);
  EXPECT_EQ(swapped->evidence.time_gap_days, first->evidence.time_gap_days);
}

TEST(ArticleComparer, MatchesSurnamesAcrossArticlesButNotPartsOfPlaces) {
  Article a;
  a.id = "a";
  a.title = "Minister Petra Lindqvist visits North Korea";
  a.text = "Foreign Minister Petra Lindqvist arrived in North Korea on Monday for talks on trade.";
  Article b;
  b.id = "b";
  b.title = "Talks in South Korea";
  b.text = "The talks in South Korea went well, Lindqvist said on Tuesday. Later, minister Lindqvist flew home.";
  const Comparison result = compare(a, b);
  EXPECT_TRUE(contains(result.evidence.shared_entities.people, "Petra Lindqvist"));
  EXPECT_FALSE(contains(result.evidence.shared_entities.places, "North Korea"));
  EXPECT_FALSE(contains(result.evidence.shared_entities.places, "South Korea"));
}

TEST(ArticleComparer, SharedTermsLeaveOutNamesAndAreCapped) {
  ComparisonOptions options;
  options.max_shared_terms = 2;
  const Comparison result = compare(make(pairs::kFire), make(pairs::kFireRetold), options);
  EXPECT_EQ(result.evidence.shared_terms.size(), 2u);
  EXPECT_GT(result.evidence.shared_key_terms, 2u);
  const Comparison all = compare(make(pairs::kFire), make(pairs::kFireRetold));
  EXPECT_FALSE(contains(all.evidence.shared_terms, "brennan"));
  EXPECT_FALSE(contains(all.evidence.shared_terms, "ellery"));
}

TEST(ArticleComparer, SignalsFeedTheScore) {
  const Comparison result = compare(make(pairs::kFire), make(pairs::kFireRetold));
  EXPECT_DOUBLE_EQ(result.signals[static_cast<std::size_t>(PairSignal::kCosine)], result.evidence.cosine);
  EXPECT_DOUBLE_EQ(result.signals[static_cast<std::size_t>(PairSignal::kJaccard)], result.evidence.jaccard);
  EXPECT_DOUBLE_EQ(result.score, default_similarity_model().score(result.signals));
  for (double signal : result.signals) {
    EXPECT_GE(signal, 0.0);
    EXPECT_LE(signal, 1.0);
  }
}

TEST(ArticleComparer, RejectsBadOptionsAndText) {
  ComparisonOptions options;
  options.duplicate_jaccard = 0.0;
  EXPECT_FALSE(ArticleComparer::create(options));
  options = {};
  options.same_story_max_days = -1.0;
  EXPECT_FALSE(ArticleComparer::create(options));
  options = {};
  options.key_terms = 0;
  EXPECT_FALSE(ArticleComparer::create(options));
  options = {};
  options.storyline_min_entities_across_languages = 0;
  EXPECT_FALSE(ArticleComparer::create(options));

  auto comparer = ArticleComparer::create();
  ASSERT_TRUE(comparer);
  Article bad = make(pairs::kFire);
  bad.text = "broken \xff byte";
  const auto result = comparer->compare(make(pairs::kFire), bad);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidUtf8);
}

TEST(Relation, Names) {
  EXPECT_EQ(relation_name(Relation::kDuplicate), "duplicate");
  EXPECT_EQ(relation_name(Relation::kSameStory), "same_story");
  EXPECT_EQ(relation_name(Relation::kSameStoryline), "same_storyline");
  EXPECT_EQ(relation_name(Relation::kUnrelated), "unrelated");
}

}  // namespace
}  // namespace storyline
