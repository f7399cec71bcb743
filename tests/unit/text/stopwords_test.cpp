#include "storyline/text/stopwords.hpp"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(StopWords, KnowsFunctionWordsPerLanguage) {
  EXPECT_TRUE(is_stopword("en", "the"));
  EXPECT_TRUE(is_stopword("en", "between"));
  EXPECT_FALSE(is_stopword("en", "summit"));
  EXPECT_TRUE(is_stopword("de", "der"));
  EXPECT_FALSE(is_stopword("en", "der"));
  EXPECT_TRUE(is_stopword("fr", "le"));
  EXPECT_TRUE(is_stopword("pl", "się"));
  EXPECT_FALSE(is_stopword("pl", "szczyt"));
  EXPECT_TRUE(is_stopword("tr", "için"));
  EXPECT_FALSE(is_stopword("tr", "zirve"));
}

TEST(StopWords, ExpectsFoldedWords) { EXPECT_FALSE(is_stopword("en", "The")); }

TEST(StopWords, UnknownLanguagesHaveNone) {
  EXPECT_FALSE(has_stopwords("xx"));
  EXPECT_FALSE(is_stopword("xx", "the"));
  EXPECT_TRUE(has_stopwords("en"));
}

}  // namespace
}  // namespace storyline
