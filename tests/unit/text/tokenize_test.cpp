#include "storyline/text/tokenize.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  auto tokenizer = Tokenizer::create();
  EXPECT_TRUE(tokenizer);
  std::vector<Token> tokens;
  tokenizer->tokenize(text, tokens);
  std::vector<std::string> words;
  for (const Token& token : tokens) words.emplace_back(token.text);
  return words;
}

TEST(Tokenizer, SplitsWordsAndDropsPunctuation) {
  EXPECT_EQ(words_of("Pompeo voiced hope, \"before too long.\""),
            (std::vector<std::string>{"Pompeo", "voiced", "hope", "before", "too", "long"}));
}

TEST(Tokenizer, KeepsInnerApostrophesAndSplitsHyphens) {
  EXPECT_EQ(words_of("Kim Jong-un's sister didn't"),
            (std::vector<std::string>{"Kim", "Jong", "un's", "sister", "didn't"}));
}

TEST(Tokenizer, ReportsOffsetsAndKinds) {
  auto tokenizer = Tokenizer::create();
  ASSERT_TRUE(tokenizer);
  std::vector<Token> tokens;
  const std::string text = "In 2018, 28,500 troops";
  tokenizer->tokenize(text, tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].text, "2018");
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].offset, 3u);
  EXPECT_EQ(tokens[2].text, "28,500");
  EXPECT_EQ(tokens[3].kind, TokenKind::kWord);
  EXPECT_EQ(text.substr(tokens[3].offset, tokens[3].text.size()), "troops");
}

TEST(Tokenizer, SegmentsScriptsWithoutSpaces) {
  // ICU's dictionary splits Chinese text into words; a naive splitter would return one token.
  EXPECT_GT(words_of("北京是中国的首都").size(), 1u);
}

TEST(Tokenizer, MarksSentenceStarts) {
  auto tokenizer = Tokenizer::create();
  ASSERT_TRUE(tokenizer);
  std::vector<Token> tokens;
  tokenizer->tokenize("The talks ended. Both sides left.\nMr. Moon stayed in the U.S. Then", tokens);
  std::vector<std::string> starts;
  for (const Token& token : tokens) {
    if (token.sentence_start) starts.emplace_back(token.text);
  }
  // "Moon" after "Mr." and "Then" after "U.S." are not taken as sentence starts: abbreviations.
  EXPECT_EQ(starts, (std::vector<std::string>{"The", "Both", "Mr"}));
}

TEST(Tokenizer, HandlesEmptyText) {
  EXPECT_TRUE(words_of("").empty());
  EXPECT_TRUE(words_of(" ,.; ").empty());
}

}  // namespace
}  // namespace storyline
