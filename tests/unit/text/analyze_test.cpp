#include "storyline/text/analyze.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace storyline {
namespace {

Article summit_article() {
  Article article;
  article.id = "summit-1";
  article.title = "Envoys prepare a second summit in Hanoi";
  article.text =
      "Secretary of State Mike Pompeo said on Friday that envoys were preparing a second summit between "
      "President Donald Trump and North Korean leader Kim Jong-un. Pompeo said the summit would follow the "
      "first one, held in Singapore in June 2018. Negotiators met in Hanoi three days ago.";
  article.published = "2019-02-10";
  article.published_at = parse_iso8601(article.published);
  return article;
}

bool has_entity(const Analysis& analysis, std::string_view name, EntityKind kind) {
  return std::any_of(analysis.entities.begin(), analysis.entities.end(),
                     [&](const Entity& e) { return e.name == name && e.kind == kind; });
}

TEST(Analyzer, ProducesLanguageTermsEntitiesAndDates) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer);
  const auto analysis = analyzer->analyze(summit_article());
  ASSERT_TRUE(analysis) << analysis.error().message();
  EXPECT_EQ(analysis->id, "summit-1");
  EXPECT_EQ(analysis->lang, "en");
  EXPECT_TRUE(analysis->lang_detected);
  EXPECT_GT(analysis->words, 40u);

  ASSERT_FALSE(analysis->terms.empty());
  EXPECT_EQ(analysis->terms.front().term, "summit");  // the most repeated content word
  for (const auto& term : analysis->terms) EXPECT_NE(term.term, "the");  // stop words never weigh

  EXPECT_TRUE(has_entity(*analysis, "Mike Pompeo", EntityKind::kPerson));
  EXPECT_TRUE(has_entity(*analysis, "Donald Trump", EntityKind::kPerson));
  EXPECT_TRUE(has_entity(*analysis, "Kim Jong-un", EntityKind::kPerson));
  EXPECT_TRUE(has_entity(*analysis, "Hanoi", EntityKind::kPlace));
  EXPECT_TRUE(has_entity(*analysis, "Singapore", EntityKind::kPlace));

  ASSERT_TRUE(analysis->published);
  EXPECT_EQ(format_iso8601_date(*analysis->published), "2019-02-10");
  const auto has_date = [&](std::string_view date) {
    return std::any_of(analysis->dates.begin(), analysis->dates.end(),
                       [&](const DateMention& d) { return format_iso8601_date(d.date) == date; });
  };
  EXPECT_TRUE(has_date("2019-02-08"));  // "Friday" before Sunday 10 February 2019
  EXPECT_TRUE(has_date("2018-06-01"));  // "June 2018", month precision
  EXPECT_TRUE(has_date("2019-02-07"));  // "three days ago"
}

TEST(Analyzer, UsesTheGivenLanguageAndItsStemmer) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer);
  Article article;
  article.id = "de-1";
  article.lang = "de";
  article.text = "Die Verhandlungen über den Gipfel gehen weiter. Die Verhandlung dauert an.";
  const auto analysis = analyzer->analyze(article);
  ASSERT_TRUE(analysis);
  EXPECT_EQ(analysis->lang, "de");
  EXPECT_FALSE(analysis->lang_detected);
  EXPECT_EQ(analysis->terms.front().display, "verhandlungen");  // both forms counted under one stem
  for (const auto& term : analysis->terms) EXPECT_NE(term.display, "die");
}

TEST(Analyzer, DocumentFrequenciesGrowWithTheStream) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer);
  Article first = summit_article();
  Article second = summit_article();
  second.id = "summit-2";
  second.text = "A summit about trade tariffs opened in Geneva.";
  ASSERT_TRUE(analyzer->analyze(first));
  EXPECT_EQ(analyzer->document_frequencies().documents(), 1u);
  ASSERT_TRUE(analyzer->analyze(second));
  EXPECT_EQ(analyzer->document_frequencies().documents(), 2u);
  EXPECT_EQ(analyzer->document_frequencies().frequency("summit"), 2u);
  EXPECT_EQ(analyzer->document_frequencies().frequency("tariff"), 1u);
}

TEST(Analyzer, TakesEntitiesFromTheBodyWhenTheHeadlineIsTitleCased) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer);
  Article article;
  article.id = "headline";
  article.title = "Leaders Gather For Another Round Of Talks";
  article.text = "Leaders of several nations met in Geneva for talks.";
  const auto analysis = analyzer->analyze(article);
  ASSERT_TRUE(analysis);
  ASSERT_EQ(analysis->entities.size(), 1u);
  EXPECT_EQ(analysis->entities.front().name, "Geneva");
}

TEST(Analyzer, RejectsInvalidUtf8) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer);
  Article article;
  article.id = "bad";
  article.text = "valid start \xff invalid";
  const auto analysis = analyzer->analyze(article);
  ASSERT_FALSE(analysis);
  EXPECT_EQ(analysis.error().code, ErrorCode::kInvalidUtf8);
}

}  // namespace
}  // namespace storyline
