#include "storyline/dedup/deduplicator.hpp"

#include <gtest/gtest.h>

#include "unit/dedup/made_up_words.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyline {
namespace {

const std::vector<std::string>& vocabulary() { return fixtures::made_up_words(); }

using Words = std::vector<std::string>;

Words random_words(std::mt19937& rng, std::size_t count) {
  Words words(count);
  for (auto& word : words) word = vocabulary()[rng() % vocabulary().size()];
  return words;
}

// Sentences of ten words; mt19937's output is the same on every platform.
std::string render(const Words& words) {
  std::string text;
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::string word = words[w];
    if (w % 10 == 0) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    text += word;
    text += w % 10 == 9 ? ". " : " ";
  }
  return text;
}

// The same words with other case and punctuation: an exact copy.
std::string render_shouting(const Words& words) {
  std::string text;
  for (const std::string& word : words) {
    for (const char c : word) text += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    text += ", ";
  }
  return text;
}

Words edited(Words words, std::mt19937& rng, std::size_t percent) {
  for (auto& word : words) {
    if (rng() % 100 < percent) word = vocabulary()[rng() % vocabulary().size()];
  }
  return words;
}

Article article(std::string id, std::string text, std::string published = {}) {
  Article a;
  a.id = std::move(id);
  a.text = std::move(text);
  a.published = std::move(published);
  if (!a.published.empty()) a.published_at = parse_iso8601(a.published);
  return a;
}

Deduplicator make_deduplicator(std::size_t threads = 1) {
  auto deduplicator = Deduplicator::create({}, threads);
  EXPECT_TRUE(deduplicator) << deduplicator.error().message();
  return std::move(deduplicator).value();
}

std::vector<CopyVerdict> verdicts_of(std::vector<Article> articles, std::size_t threads = 1) {
  Deduplicator deduplicator = make_deduplicator(threads);
  deduplicator.add(std::move(articles));
  return deduplicator.verdicts();
}

void expect_same_verdicts(const std::vector<CopyVerdict>& actual, const std::vector<CopyVerdict>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i].id, expected[i].id);
    EXPECT_EQ(actual[i].duplicate_of, expected[i].duplicate_of) << expected[i].id;
    EXPECT_EQ(actual[i].similarity, expected[i].similarity) << expected[i].id;
    EXPECT_EQ(actual[i].exact, expected[i].exact) << expected[i].id;
  }
}

TEST(Deduplicator, RejectsInvalidOptions) {
  DedupOptions options;
  options.threshold = 0.0;
  const auto deduplicator = Deduplicator::create(options, 1);
  ASSERT_FALSE(deduplicator);
  EXPECT_EQ(deduplicator.error().code, ErrorCode::kInvalidArgument);
}

TEST(Deduplicator, GivesOneVerdictPerArticleInInputOrder) {
  std::mt19937 rng(1);
  const Words story = random_words(rng, 200);
  const auto verdicts =
      verdicts_of({article("original", render(story)), article("other", render(random_words(rng, 200))),
                   article("copy", render_shouting(story))});
  ASSERT_EQ(verdicts.size(), 3u);
  EXPECT_EQ(verdicts[0].id, "original");
  EXPECT_EQ(verdicts[1].id, "other");
  EXPECT_EQ(verdicts[2].id, "copy");
  EXPECT_EQ(verdicts[0].duplicate_of, std::nullopt);
  EXPECT_EQ(verdicts[1].duplicate_of, std::nullopt);
  EXPECT_EQ(verdicts[2].duplicate_of, 0u);
  EXPECT_TRUE(verdicts[2].exact);
  EXPECT_EQ(verdicts[2].similarity, 1.0);
  EXPECT_EQ(verdicts[0].similarity, 0.0);  // not a copy: no similarity
  EXPECT_FALSE(verdicts[0].exact);
}

TEST(Deduplicator, ReportsNearCopiesWithTheirSimilarity) {
  std::mt19937 rng(2);
  const Words story = random_words(rng, 300);
  const auto verdicts =
      verdicts_of({article("original", render(story)), article("edited", render(edited(story, rng, 5)))});
  ASSERT_EQ(verdicts.size(), 2u);
  EXPECT_EQ(verdicts[1].duplicate_of, 0u);
  EXPECT_FALSE(verdicts[1].exact);
  EXPECT_GE(verdicts[1].similarity, 0.45);
  EXPECT_LT(verdicts[1].similarity, 1.0);
}

// A shares three quarters of its text with B, and B with C, but A and C share only half of theirs:
// A ~ B and B ~ C are copies, A and C on their own are not. Given in the order A, C, B, the group only
// forms when B arrives.
TEST(Deduplicator, GroupsTransitiveCopies) {
  std::mt19937 rng(3);
  std::vector<Words> parts;
  for (int part = 0; part < 6; ++part) parts.push_back(random_words(rng, 75));
  const auto join = [&](std::size_t first) {
    Words words;
    for (std::size_t part = first; part < first + 4; ++part)
      words.insert(words.end(), parts[part].begin(), parts[part].end());
    return render(words);
  };
  const std::string a = join(0);
  const std::string b = join(1);
  const std::string c = join(2);

  // The premise, on the index's own estimates.
  auto index = DedupIndex::create();
  ASSERT_TRUE(index);
  Sketcher sketcher(index->options());
  Sketch sketch;
  for (const std::string* text : {&a, &b, &c}) {
    sketcher.sketch(*text, sketch);
    index->insert(sketch);
  }
  ASSERT_GE(index->compare(0, 1).similarity, 0.45);
  ASSERT_GE(index->compare(1, 2).similarity, 0.45);
  ASSERT_LT(index->compare(0, 2).similarity, 0.45);

  const auto verdicts = verdicts_of({article("a", a), article("c", c), article("b", b)});
  ASSERT_EQ(verdicts.size(), 3u);
  EXPECT_EQ(verdicts[0].duplicate_of, std::nullopt);
  EXPECT_EQ(verdicts[1].duplicate_of, 0u);
  EXPECT_EQ(verdicts[2].duplicate_of, 0u);
  EXPECT_LT(verdicts[1].similarity, 0.45);  // measured against the representative, A
  EXPECT_GE(verdicts[2].similarity, 0.45);
}

TEST(Deduplicator, GroupsChainsOfCopies) {
  std::mt19937 rng(4);
  std::vector<Article> articles;
  Words words = random_words(rng, 300);
  for (int link = 0; link < 8; ++link) {
    articles.push_back(article("link-" + std::to_string(link), render(words)));
    words = edited(std::move(words), rng, 4);  // each copy edits the one before
  }
  const auto verdicts = verdicts_of(std::move(articles));
  ASSERT_EQ(verdicts.size(), 8u);
  EXPECT_EQ(verdicts[0].duplicate_of, std::nullopt);
  for (std::size_t i = 1; i < verdicts.size(); ++i) EXPECT_EQ(verdicts[i].duplicate_of, 0u) << verdicts[i].id;
}

TEST(Deduplicator, RepresentativeIsTheEarliestPublished) {
  std::mt19937 rng(5);
  const Words story = random_words(rng, 200);
  // The copy given second was published two days earlier: it is the original.
  const auto verdicts = verdicts_of({article("late", render(story), "2019-02-10"),
                                     article("early", render_shouting(story), "2019-02-08T09:00:00Z"),
                                     article("later", render(edited(story, rng, 5)), "2019-02-11")});
  ASSERT_EQ(verdicts.size(), 3u);
  EXPECT_EQ(verdicts[0].duplicate_of, 1u);
  EXPECT_EQ(verdicts[1].duplicate_of, std::nullopt);
  EXPECT_EQ(verdicts[2].duplicate_of, 1u);
  EXPECT_TRUE(verdicts[0].exact);
  EXPECT_EQ(verdicts[0].similarity, 1.0);
  EXPECT_FALSE(verdicts[2].exact);
}

TEST(Deduplicator, RepresentativeIsTheFirstGivenWhenDatesTie) {
  std::mt19937 rng(6);
  const Words story = random_words(rng, 200);
  const auto verdicts = verdicts_of({article("first", render(story), "2019-02-10T12:00:00Z"),
                                     article("second", render_shouting(story), "2019-02-10 12:00")});
  EXPECT_EQ(verdicts[0].duplicate_of, std::nullopt);
  EXPECT_EQ(verdicts[1].duplicate_of, 0u);
}

TEST(Deduplicator, RepresentativeIsTheFirstGivenWhenNoneHasADate) {
  std::mt19937 rng(7);
  const Words story = random_words(rng, 200);
  const auto verdicts =
      verdicts_of({article("first", render(story)), article("second", render_shouting(story))});
  EXPECT_EQ(verdicts[0].duplicate_of, std::nullopt);
  EXPECT_EQ(verdicts[1].duplicate_of, 0u);
}

TEST(Deduplicator, ArticlesWithoutADateComeAfterDatedOnes) {
  std::mt19937 rng(8);
  const Words story = random_words(rng, 200);
  const auto verdicts =
      verdicts_of({article("undated", render(story)), article("dated", render_shouting(story), "2030-01-01"),
                   article("undated-too", render(story))});
  EXPECT_EQ(verdicts[0].duplicate_of, 1u);
  EXPECT_EQ(verdicts[1].duplicate_of, std::nullopt);
  EXPECT_EQ(verdicts[2].duplicate_of, 1u);
}

TEST(Deduplicator, SummaryCountsGroupsCopiesAndExactCopies) {
  std::mt19937 rng(9);
  const Words first = random_words(rng, 200);
  const Words second = random_words(rng, 200);
  Deduplicator deduplicator = make_deduplicator();
  deduplicator.add({article("first", render(first)), article("first-exact", render_shouting(first)),
                    article("first-near", render(edited(first, rng, 5))),
                    article("alone", render(random_words(rng, 200))), article("second", render(second)),
                    article("second-exact", render_shouting(second))});
  const DedupSummary summary = deduplicator.summary();
  EXPECT_EQ(summary.articles, 6u);
  EXPECT_EQ(summary.groups, 2u);
  EXPECT_EQ(summary.copies, 3u);
  EXPECT_EQ(summary.exact_copies, 2u);
  EXPECT_EQ(summary.index_bytes, deduplicator.index().memory_bytes());
  EXPECT_EQ(deduplicator.index().size(), 6u);
}

// 300 articles, a third of them copies (exact, near, and copies of copies), some dated and some not.
std::vector<Article> mixed_articles() {
  std::mt19937 rng(20190210);
  std::vector<Words> stories;
  std::vector<Article> articles;
  for (std::size_t i = 0; i < 300; ++i) {
    const std::size_t kind = i < 10 ? 0 : rng() % 6;
    std::string text;
    if (kind <= 3) {
      const std::size_t length = 100 + rng() % 300;
      stories.push_back(random_words(rng, length));
      text = render(stories.back());
    } else if (kind == 4) {
      const std::size_t source = rng() % stories.size();
      stories.push_back(edited(stories[source], rng, 5));
      text = render(stories.back());
    } else {
      const Words copy = stories[rng() % stories.size()];
      stories.push_back(copy);
      text = render_shouting(stories.back());
    }
    std::string published;
    if (rng() % 3 != 0) published = "2019-02-" + std::to_string(10 + rng() % 10);
    articles.push_back(article("article-" + std::to_string(i), std::move(text), std::move(published)));
  }
  return articles;
}

TEST(Deduplicator, VerdictsDoNotDependOnThreadsOrBatches) {
  const auto articles = mixed_articles();
  const auto expected = verdicts_of(articles, 1);
  std::size_t copies = 0;
  for (const auto& verdict : expected) copies += verdict.duplicate_of ? 1U : 0U;
  ASSERT_GT(copies, 50u);  // the planted copies are found, so the comparisons below mean something

  for (const std::size_t threads : {2u, 4u}) {
    SCOPED_TRACE(testing::Message() << threads << " threads, one batch");
    expect_same_verdicts(verdicts_of(articles, threads), expected);
  }
  for (const std::size_t threads : {1u, 2u, 4u}) {
    SCOPED_TRACE(testing::Message() << threads << " threads, several batches");
    Deduplicator deduplicator = make_deduplicator(threads);
    std::size_t begin = 0;
    for (const std::size_t size : {1u, 0u, 70u, 150u, 79u}) {
      deduplicator.add(std::vector<Article>(articles.begin() + static_cast<std::ptrdiff_t>(begin),
                                            articles.begin() + static_cast<std::ptrdiff_t>(begin + size)));
      begin += size;
    }
    ASSERT_EQ(begin, articles.size());
    expect_same_verdicts(deduplicator.verdicts(), expected);
  }
}

}  // namespace
}  // namespace storyline
