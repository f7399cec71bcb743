#include "storyline/text/unicode.hpp"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(FindInvalidUtf8, AcceptsWellFormedText) {
  EXPECT_EQ(find_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("Moon Jae-in met Kim in Pyongyang"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("Zürich, 東京, Москва"), std::nullopt);
}

TEST(FindInvalidUtf8, ReportsTheOffsetOfTheFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8("abc\xff" "def"), 3u);
  EXPECT_EQ(find_invalid_utf8("ok \xc3"), 3u);               // truncated two-byte sequence
  EXPECT_EQ(find_invalid_utf8("\xed\xa0\x80 surrogate"), 0u);  // encoded UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("\xc0\xaf"), 0u);               // overlong encoding of '/'
}

TEST(NormalizeNfkc, FoldsCompatibilityCharacters) {
  EXPECT_EQ(normalize_nfkc("ﬁnal"), "final");              // ligature
  EXPECT_EQ(normalize_nfkc("ＮＡＴＯ"), "NATO");            // full-width letters
  EXPECT_EQ(normalize_nfkc("a\u00a0b"), "a b");             // no-break space
  EXPECT_EQ(normalize_nfkc("Cafe\u0301"), "Caf\u00e9");     // combining accent composed
  EXPECT_EQ(normalize_nfkc("plain ASCII stays"), "plain ASCII stays");
}

TEST(CaseFold, FoldsAnyScript) {
  EXPECT_EQ(case_fold("Pompeo"), "pompeo");
  EXPECT_EQ(case_fold("STRASSE"), case_fold("Straße"));
  EXPECT_EQ(case_fold("ΣΟΦΙΑ"), "σοφια");
}

TEST(StartsWithCapital, LooksAtTheFirstCodePoint) {
  EXPECT_TRUE(starts_with_capital("Pyongyang"));
  EXPECT_TRUE(starts_with_capital("Ölbaum"));
  EXPECT_FALSE(starts_with_capital("summit"));
  EXPECT_FALSE(starts_with_capital("2018"));
  EXPECT_FALSE(starts_with_capital(""));
}

}  // namespace
}  // namespace storyline
