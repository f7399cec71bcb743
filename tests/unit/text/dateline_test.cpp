#include "text/dateline.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace storyline::detail {
namespace {

// The text from where skip_dateline says the story starts, over all of `text` as one run of tokens.
std::string story_of(std::string_view text) {
  auto tokenizer = Tokenizer::create();
  EXPECT_TRUE(tokenizer);
  std::vector<Token> tokens;
  tokenizer->tokenize(text, tokens);
  const std::size_t start = skip_dateline(text, tokens, 0, tokens.size());
  return std::string(text.substr(tokens.at(start).offset));
}

TEST(SkipDateline, StartsAfterAnAgencyCredit) {
  EXPECT_EQ(story_of("BEIRUT (Reuters) - Syria's envoy walked out."), "Syria's envoy walked out.");
  EXPECT_EQ(story_of("KABUL ( AP ) \u2014 Two bridges reopened."), "Two bridges reopened.");
  EXPECT_EQ(story_of("PARIS, March 3 (Agence France-Presse) -- Strikes spread."), "Strikes spread.");
  EXPECT_EQ(story_of("SAN JUAN, Puerto Rico (AP) — Power returned."), "Power returned.");
  EXPECT_EQ(story_of("UNITED NATIONS | Wed Nov 9, 2011 12:47 pm EST UNITED NATIONS (Reuters) - More troops."),
            "More troops.");
}

TEST(SkipDateline, StartsAfterALeadingTimestamp) {
  EXPECT_EQ(story_of("Thursday 12 May 2005 12.21 BST Ferry services resumed at noon."),
            "Ferry services resumed at noon.");
  EXPECT_EQ(story_of("Page last updated at 08:14 GMT, Tuesday, 8 November 2011 The doctor was convicted."),
            "The doctor was convicted.");
}

TEST(SkipDateline, LeavesProseAsItIs) {
  for (const std::string_view text :
       {"The mayor (Labour) - who won in May - spoke.", "Syria's envoy walked out on Sunday.",
        "May 2005 was wet.", "Officials met on Friday (local time) to talk.",
        "At 3 pm on Friday 3 June the vote closed."}) {
    EXPECT_EQ(story_of(text), text);
  }
}

TEST(SkipDateline, KeepsASentenceThatIsAllDateline) {
  EXPECT_EQ(story_of("LONDON (Reuters) -"), "LONDON (Reuters) -");
  EXPECT_EQ(story_of("Friday 3 June 2011"), "Friday 3 June 2011");
}

}  // namespace
}  // namespace storyline::detail
