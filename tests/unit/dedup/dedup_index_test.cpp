#include "storyline/dedup/dedup_index.hpp"

#include <gtest/gtest.h>

#include "unit/dedup/made_up_words.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {
namespace {

const std::vector<std::string>& vocabulary() { return fixtures::made_up_words(); }

using Sentence = std::vector<std::string>;
using Story = std::vector<Sentence>;

// About `words` words in sentences of 8 to 16 words. mt19937's output is the same on every platform.
Story generate_story(std::mt19937& rng, std::size_t words) {
  Story story;
  std::size_t total = 0;
  while (total < words) {
    Sentence sentence(8 + rng() % 9);
    for (auto& word : sentence) word = vocabulary()[rng() % vocabulary().size()];
    total += sentence.size();
    story.push_back(std::move(sentence));
  }
  return story;
}

std::string render(const Story& story) {
  std::string text;
  for (const Sentence& sentence : story) {
    for (std::size_t w = 0; w < sentence.size(); ++w) {
      std::string word = sentence[w];
      if (w == 0) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
      text += word;
      text += w + 1 < sentence.size() ? (w % 5 == 4 ? ", " : " ") : ". ";
    }
  }
  return text;
}

// The same words with other case, punctuation and spacing.
std::string render_shouting(const Story& story) {
  std::string text;
  for (const Sentence& sentence : story) {
    for (const std::string& word : sentence) {
      for (const char c : word) text += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      text += " -- ";
    }
    text += "!\n\n";
  }
  return text;
}

// A lightly edited copy: `percent` per cent of the words replaced, one sentence moved to the end, and a
// boilerplate line appended, as wire copies are.
Story edit_story(const Story& original, std::mt19937& rng, std::size_t percent) {
  Story copy = original;
  for (auto& sentence : copy) {
    for (auto& word : sentence) {
      if (rng() % 100 < percent) word = vocabulary()[rng() % vocabulary().size()];
    }
  }
  const Sentence moved = copy[1];
  copy.erase(copy.begin() + 1);
  copy.push_back(moved);
  copy.push_back({"copyright", "by", "the", "daily", "example", "all", "rights", "reserved"});
  return copy;
}

Sketch sketch_of(const DedupIndex& index, std::string_view text) {
  Sketcher sketcher(index.options());
  Sketch sketch;
  sketcher.sketch(text, sketch);
  return sketch;
}

DedupIndex make_index(DedupOptions options = {}) {
  auto index = DedupIndex::create(options);
  EXPECT_TRUE(index) << index.error().message();
  return std::move(index).value();
}

void expect_invalid(const DedupOptions& options, std::string_view reason) {
  const Status status = validate(options);
  ASSERT_FALSE(status) << "expected: " << reason;
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(status.error().reason.find(reason), std::string::npos) << status.error().reason;
  EXPECT_FALSE(DedupIndex::create(options));
}

TEST(ValidateDedupOptions, AcceptsTheDefaultsAndTheLimits) {
  EXPECT_TRUE(validate(DedupOptions{}));
  DedupOptions options;
  options.threshold = 1.0;
  options.permutations = 1024;
  options.banding = {256, 4};
  EXPECT_TRUE(validate(options));
  options.permutations = 1;
  options.banding = {1, 1};
  EXPECT_TRUE(validate(options));
}

TEST(ValidateDedupOptions, RejectsThresholdsOutsideZeroToOne) {
  for (const double threshold : {0.0, -0.5, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
    DedupOptions options;
    options.threshold = threshold;
    expect_invalid(options, "threshold must be in (0, 1]");
  }
}

TEST(ValidateDedupOptions, RejectsPermutationCounts) {
  for (const std::size_t permutations : {0u, 1025u, 2000u}) {
    DedupOptions options;
    options.permutations = permutations;
    expect_invalid(options, "permutations must be between 1 and 1024, got " + std::to_string(permutations));
  }
}

TEST(ValidateDedupOptions, RejectsShingleSizeZero) {
  DedupOptions options;
  options.shingles.size = 0;
  expect_invalid(options, "shingle size must be at least 1");
}

TEST(ValidateDedupOptions, RejectsBandsWithoutRowsAndRowsWithoutBands) {
  DedupOptions options;
  options.banding = {32, 0};
  expect_invalid(options, "give both bands and rows, or neither");
  options.banding = {0, 3};
  expect_invalid(options, "give both bands and rows, or neither");
}

TEST(ValidateDedupOptions, RejectsBandingsLargerThanTheSignature) {
  DedupOptions options;
  options.banding = {43, 3};
  expect_invalid(options, "bands x rows (129) exceeds permutations (128)");
}

// bands x rows must not wrap around: 2^32 bands of 2^32 rows multiply to 0 in 64 bits.
TEST(ValidateDedupOptions, RejectsBandingsWhoseProductOverflows) {
  DedupOptions options;
  options.banding = {std::size_t{1} << 32, std::size_t{1} << 32};
  EXPECT_FALSE(validate(options));
  options.banding = {(std::numeric_limits<std::size_t>::max() / 2) + 1, 2};
  EXPECT_FALSE(validate(options));
}

TEST(DedupIndex, CreateResolvesTheBanding) {
  const DedupIndex index = make_index();
  EXPECT_EQ(index.options().banding, choose_banding(0.45, 128));
  EXPECT_EQ(index.size(), 0u);

  DedupOptions options;
  options.threshold = 0.8;
  options.permutations = 64;
  EXPECT_EQ(make_index(options).options().banding, choose_banding(0.8, 64));

  options.banding = {16, 4};  // given explicitly: kept
  EXPECT_EQ(make_index(options).options().banding, (Banding{16, 4}));
}

TEST(DedupIndex, FindsAnExactCopyWithOtherCaseAndPunctuation) {
  std::mt19937 rng(1);
  const Story story = generate_story(rng, 300);
  DedupIndex index = make_index();
  EXPECT_EQ(index.insert(sketch_of(index, render(story))), 0u);
  const auto matches = index.query(sketch_of(index, render_shouting(story)));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].doc, 0u);
  EXPECT_TRUE(matches[0].exact);
  EXPECT_EQ(matches[0].similarity, 1.0);
}

TEST(DedupIndex, FindsANearCopy) {
  std::mt19937 rng(2);
  const Story story = generate_story(rng, 300);
  DedupIndex index = make_index();
  index.insert(sketch_of(index, render(story)));
  const auto matches = index.query(sketch_of(index, render(edit_story(story, rng, 5))));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].doc, 0u);
  EXPECT_FALSE(matches[0].exact);
  EXPECT_GE(matches[0].similarity, index.options().threshold);
  EXPECT_LT(matches[0].similarity, 1.0);
}

TEST(DedupIndex, DoesNotReportAnUnrelatedArticle) {
  std::mt19937 rng(3);
  DedupIndex index = make_index();
  index.insert(sketch_of(index, render(generate_story(rng, 300))));
  EXPECT_TRUE(index.query(sketch_of(index, render(generate_story(rng, 300)))).empty());
}

TEST(DedupIndex, DoesNotReportTheSketchItselfBeforeItIsInserted) {
  std::mt19937 rng(4);
  DedupIndex index = make_index();
  index.insert(sketch_of(index, render(generate_story(rng, 300))));
  const Sketch sketch = sketch_of(index, render(generate_story(rng, 300)));
  EXPECT_TRUE(index.query(sketch).empty());
  EXPECT_EQ(index.insert(sketch), 1u);
  const auto matches = index.query(sketch);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].doc, 1u);
  EXPECT_TRUE(matches[0].exact);
}

TEST(DedupIndex, ReportsTheMostSimilarFirstThenTheLowestNumber) {
  std::mt19937 rng(5);
  const Story story = generate_story(rng, 300);
  DedupIndex index = make_index();
  index.insert(sketch_of(index, render(story)));                      // 0: the original
  index.insert(sketch_of(index, render(edit_story(story, rng, 5))));  // 1: a near copy
  index.insert(sketch_of(index, render_shouting(story)));             // 2: an exact copy
  index.insert(sketch_of(index, render(generate_story(rng, 300))));   // 3: unrelated
  const auto matches = index.query(sketch_of(index, render(story)));
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].doc, 0u);
  EXPECT_EQ(matches[1].doc, 2u);
  EXPECT_EQ(matches[2].doc, 1u);
  EXPECT_TRUE(matches[0].exact && matches[1].exact);
  EXPECT_FALSE(matches[2].exact);

  const CopyMatch compared = index.compare(0, 1);
  EXPECT_EQ(compared.doc, 1u);
  EXPECT_EQ(compared.similarity, matches[2].similarity);
  EXPECT_TRUE(index.compare(0, 2).exact);
  EXPECT_LT(index.compare(0, 3).similarity, index.options().threshold);
}

TEST(DedupIndex, TextsWithoutWordsAreOnlyExactCopiesOfEachOther) {
  std::mt19937 rng(6);
  DedupIndex index = make_index();
  index.insert(sketch_of(index, "..."));
  index.insert(sketch_of(index, render(generate_story(rng, 300))));
  const auto matches = index.query(sketch_of(index, " -- !"));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].doc, 0u);
  EXPECT_TRUE(matches[0].exact);
}

// ~200 articles: originals, exact and near copies of earlier ones, and copies of copies.
std::vector<std::string> mixed_corpus() {
  std::mt19937 rng(20180922);
  std::vector<Story> stories;
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < 200; ++i) {
    const std::size_t kind = i < 10 ? 0 : rng() % 4;
    if (kind == 0 || kind == 1) {
      const std::size_t words = 150 + rng() % 250;
      stories.push_back(generate_story(rng, words));
      texts.push_back(render(stories.back()));
    } else if (kind == 2) {
      const std::size_t source = rng() % stories.size();
      const std::size_t percent = 3 + rng() % 5;
      stories.push_back(edit_story(stories[source], rng, percent));
      texts.push_back(render(stories.back()));
    } else {
      stories.push_back(stories[rng() % stories.size()]);
      texts.push_back(render_shouting(stories.back()));
    }
  }
  return texts;
}

void expect_same_matches(const std::vector<CopyMatch>& actual, const std::vector<CopyMatch>& expected,
                         std::size_t article) {
  ASSERT_EQ(actual.size(), expected.size()) << "article " << article;
  for (std::size_t m = 0; m < actual.size(); ++m) {
    EXPECT_EQ(actual[m].doc, expected[m].doc) << "article " << article;
    EXPECT_EQ(actual[m].similarity, expected[m].similarity) << "article " << article;
    EXPECT_EQ(actual[m].exact, expected[m].exact) << "article " << article;
  }
}

TEST(DedupIndex, InsertBatchMatchesSequentialQueryThenInsert) {
  const auto texts = mixed_corpus();
  DedupIndex sequential = make_index();
  std::vector<Sketch> sketches(texts.size());
  Sketcher sketcher(sequential.options());
  for (std::size_t i = 0; i < texts.size(); ++i) sketcher.sketch(texts[i], sketches[i]);

  std::vector<std::vector<CopyMatch>> expected;
  std::size_t copies = 0;
  std::size_t exact = 0;
  for (const Sketch& sketch : sketches) {
    expected.push_back(sequential.query(sketch));
    sequential.insert(sketch);
    copies += expected.back().empty() ? 0U : 1U;
    exact += !expected.back().empty() && expected.back().front().exact ? 1U : 0U;
  }
  ASSERT_GT(copies, 60u);  // the planted copies are found, so the comparison below means something
  ASSERT_GT(exact, 20u);

  const std::span<const Sketch> all(sketches);
  for (const std::size_t threads : {1u, 2u, 3u}) {
    for (const std::size_t split : {texts.size(), std::size_t{80}}) {
      DedupIndex batched = make_index();
      auto matches = batched.insert_batch(all.first(split), threads);
      const auto rest = batched.insert_batch(all.subspan(split), threads);
      matches.insert(matches.end(), rest.begin(), rest.end());
      ASSERT_EQ(matches.size(), expected.size());
      ASSERT_EQ(batched.size(), sequential.size());
      SCOPED_TRACE(testing::Message() << threads << " threads, first batch of " << split);
      for (std::size_t i = 0; i < expected.size(); ++i) expect_same_matches(matches[i], expected[i], i);
    }
  }
}

TEST(DedupIndex, MemoryGrowsWithSize) {
  std::mt19937 rng(7);
  DedupIndex index = make_index();
  Sketcher sketcher(index.options());
  Sketch sketch;
  const std::size_t empty = index.memory_bytes();
  std::vector<std::size_t> sizes;
  for (std::size_t i = 1; i <= 2000; ++i) {
    sketcher.sketch(render(generate_story(rng, 20)), sketch);
    index.insert(sketch);
    if (i == 10 || i == 200 || i == 2000) sizes.push_back(index.memory_bytes());
  }
  EXPECT_LT(empty, sizes[0]);
  EXPECT_LT(sizes[0], sizes[1]);
  EXPECT_LT(sizes[1], sizes[2]);
  EXPECT_GE(sizes[2], 2000u * index.options().permutations);  // at least the compressed signatures
}

}  // namespace
}  // namespace storyline
