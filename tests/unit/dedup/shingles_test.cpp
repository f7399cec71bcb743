#include "storyline/dedup/shingles.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline {
namespace {

std::vector<std::uint64_t> shingles_of(std::string_view text, ShingleOptions options = {}) {
  Shingler shingler(options);
  std::vector<std::uint64_t> shingles;
  shingler.shingle(text, shingles);
  return shingles;
}

ContentHash content_of(std::string_view text) {
  Shingler shingler;
  std::vector<std::uint64_t> shingles;
  return shingler.shingle(text, shingles);
}

TEST(Shingler, ContentHashIgnoresCasePunctuationAndSpacing) {
  EXPECT_EQ(content_of("The U.S. -- summit!"), content_of("the u s summit"));
  EXPECT_EQ(content_of("  Leaders\tmet,\n\nagain...  "), content_of("leaders met again"));
  EXPECT_EQ(shingles_of("The U.S. -- summit!"), shingles_of("the u s summit"));
}

TEST(Shingler, ContentHashDiffersForDifferentWords) {
  EXPECT_NE(content_of("the u s summit"), content_of("the u s summits"));
  EXPECT_NE(content_of("the u s summit"), content_of("the us summit"));  // word boundaries count
  EXPECT_NE(content_of("leaders met again"), content_of("again leaders met"));
}

TEST(Shingler, WordBigramsNumberOneFewerThanWords) {
  EXPECT_EQ(shingles_of("one two three four five").size(), 4u);
  EXPECT_EQ(shingles_of("One, two; three. Four - five!").size(), 4u);
  ShingleOptions trigrams;
  trigrams.size = 3;
  EXPECT_EQ(shingles_of("one two three four five", trigrams).size(), 3u);
}

TEST(Shingler, KeepsRepeatedShingles) {
  const auto shingles = shingles_of("talks resume talks resume talks");
  ASSERT_EQ(shingles.size(), 4u);
  EXPECT_EQ(shingles[0], shingles[2]);  // "talks resume"
  EXPECT_EQ(shingles[1], shingles[3]);  // "resume talks"
  EXPECT_NE(shingles[0], shingles[1]);  // word order matters within a shingle
}

TEST(Shingler, EqualBigramsHashEqualInAnyText) {
  const auto first = shingles_of("envoys met in Hanoi");
  const auto second = shingles_of("in Hanoi envoys met");
  ASSERT_EQ(first.size(), 3u);
  ASSERT_EQ(second.size(), 3u);
  EXPECT_EQ(first[0], second[2]);  // "envoys met"
  EXPECT_EQ(first[2], second[0]);  // "in hanoi"
}

TEST(Shingler, TextShorterThanOneShingleGivesOneShingle) {
  const auto single = shingles_of("Summit");
  ASSERT_EQ(single.size(), 1u);
  EXPECT_NE(single, shingles_of("talks"));

  ShingleOptions five;
  five.size = 5;
  EXPECT_EQ(shingles_of("three short words", five).size(), 1u);
  EXPECT_EQ(shingles_of("exactly five words right here", five).size(), 1u);
  EXPECT_EQ(shingles_of("now six words are right here", five).size(), 2u);
}

TEST(Shingler, TextWithoutWordsGivesNoShingles) {
  Shingler shingler;
  std::vector<std::uint64_t> shingles{1, 2, 3};  // replaced, not appended to
  const ContentHash empty = shingler.shingle("", shingles);
  EXPECT_TRUE(shingles.empty());
  shingles = {4, 5};
  const ContentHash punctuation = shingler.shingle(" ... -- !? ", shingles);
  EXPECT_TRUE(shingles.empty());
  EXPECT_EQ(empty, punctuation);
  EXPECT_NE(empty, content_of("words"));
}

TEST(Shingler, ReusesItsBuffersAcrossTexts) {
  Shingler shingler;
  std::vector<std::uint64_t> shingles;
  shingler.shingle("a much longer text than the one that comes after it, with many words", shingles);
  const ContentHash second = shingler.shingle("short text", shingles);
  EXPECT_EQ(second, content_of("short text"));
  EXPECT_EQ(shingles, shingles_of("short text"));
}

TEST(Shingler, FoldsNonAsciiCaseAndCompatibilityForms) {
  EXPECT_EQ(shingles_of("STRASSE gesperrt"), shingles_of("Straße gesperrt"));
  EXPECT_EQ(content_of("STRASSE gesperrt"), content_of("Straße gesperrt"));
  EXPECT_EQ(shingles_of("ＮＡＴＯ ＳＵＭＭＩＴ"), shingles_of("NATO summit"));  // full-width letters
  EXPECT_EQ(content_of("ＮＡＴＯ ＳＵＭＭＩＴ"), content_of("NATO summit"));
  EXPECT_EQ(shingles_of("ΣΟΦΙΑ Café"), shingles_of("σοφια CAFÉ"));
  EXPECT_EQ(shingles_of("Cafe\u0301 ﬁnal"), shingles_of("Café final"));  // combining accent, ligature
  EXPECT_NE(shingles_of("Café final"), shingles_of("Cafe final"));       // accents are not stripped
}

// The ContentHash contract says texts that differ only in punctuation and spacing hash equal; news text
// is full of typographic quotes, dashes and no-break spaces, which are non-ASCII.
TEST(Shingler, NonAsciiPunctuationAndSpacingAreNotWords) {
  EXPECT_EQ(content_of("Mr.\u00a0Smith left"), content_of("Mr. Smith left"));               // no-break space
  EXPECT_EQ(content_of("talks \u2014 again"), content_of("talks -- again"));                // em dash
  EXPECT_EQ(content_of("\u201cHello\u201d, she said"), content_of("\"Hello\", she said"));  // curly quotes
}

TEST(Shingler, CharacterShinglesReadTheNormalisedWordStream) {
  ShingleOptions characters;
  characters.kind = ShingleKind::kCharacters;
  characters.size = 3;
  // "ab, CD!" becomes the stream "ab cd": five bytes, three 3-byte shingles.
  const auto shingles = shingles_of("ab, CD!", characters);
  ASSERT_EQ(shingles.size(), 3u);
  EXPECT_EQ(shingles, shingles_of("AB cd", characters));
  EXPECT_NE(shingles, shingles_of("abc d", characters));  // the space is part of the stream
  EXPECT_EQ(shingles_of("abab", ShingleOptions{ShingleKind::kCharacters, 2}).size(), 3u);
  const auto repeated = shingles_of("abab", ShingleOptions{ShingleKind::kCharacters, 2});
  EXPECT_EQ(repeated[0], repeated[2]);                  // "ab" twice
  EXPECT_NE(repeated[0], repeated[1]);                  // "ab" vs "ba"
  EXPECT_EQ(shingles_of("ab", characters).size(), 1u);  // shorter than one shingle
  EXPECT_TRUE(shingles_of("!!", characters).empty());
  EXPECT_NE(shingles_of("ab", characters), shingles_of("ab", ShingleOptions{}));  // kinds differ
}

TEST(Shingler, TreatsSizeZeroAsOne) {
  const Shingler shingler(ShingleOptions{ShingleKind::kWords, 0});
  EXPECT_EQ(shingler.options().size, 1u);
  EXPECT_EQ(shingles_of("one two three", ShingleOptions{ShingleKind::kWords, 0}).size(), 3u);
}

// Golden values. Shingle hashes and content hashes are part of every stored signature and index: if
// they change, articles indexed before no longer match the same text indexed after. A change here must
// be deliberate and come with a new index format version.
TEST(Shingler, GoldenHashesOfDefaultOptions) {
  Shingler shingler;
  std::vector<std::uint64_t> shingles;
  const ContentHash content = shingler.shingle("storyline keeps copies apart", shingles);
  const std::vector<std::uint64_t> expected{0xBDF441DD2B067BA8ULL, 0x6DD3DE37EFB028D6ULL,
                                            0xC3D9F84F05E0F12DULL};
  EXPECT_EQ(shingles, expected);
  EXPECT_EQ(content.low, 0x060C1575E22BA8A0ULL);
  EXPECT_EQ(content.high, 0xCCEC1DC2A5FEEC9FULL);
}

}  // namespace
}  // namespace storyline
