#include "storyline/text/stemmer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace storyline {
namespace {

TEST(Stemmer, ConflatesEnglishWordForms) {
  auto stemmer = Stemmer::create("en");
  ASSERT_TRUE(stemmer);
  const std::string a(stemmer->stem("negotiations"));
  const std::string b(stemmer->stem("negotiating"));
  EXPECT_EQ(a, b);
  EXPECT_EQ(stemmer->stem("summits"), "summit");
}

TEST(Stemmer, AcceptsSnowballNamesAndOtherLanguages) {
  auto german = Stemmer::create("german");
  ASSERT_TRUE(german);
  EXPECT_EQ(german->stem("verhandlungen"), german->stem("verhandlung"));
  auto french = Stemmer::create("fr");
  ASSERT_TRUE(french);
  EXPECT_EQ(french->stem("négociations"), french->stem("négociation"));
}

TEST(Stemmer, RejectsUnknownLanguages) {
  const auto stemmer = Stemmer::create("xx");
  ASSERT_FALSE(stemmer);
  EXPECT_EQ(stemmer.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(stemmer.error().reason.find("xx"), std::string::npos);
}

}  // namespace
}  // namespace storyline
