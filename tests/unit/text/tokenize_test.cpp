#include "storyline/text/tokenize.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "storyline/ingest/reader.hpp"
#include "storyline/text/unicode.hpp"
#include "text/ascii.hpp"
#include "text/word_break.hpp"

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

// --- The ASCII scanner against ICU -----------------------------------------------------------------
// Tokenizer cuts ASCII text with its own scanner of ICU's rules. Nothing downstream may notice: every
// token must have the same bytes, kind and sentence start as ICU's.

::testing::AssertionResult same_as_icu(std::string_view text) {
  if (!detail::is_ascii(text)) return ::testing::AssertionFailure() << "the scanner only takes ASCII";
  std::vector<Token> fast;
  std::vector<Token> icu;
  detail::tokenize_ascii(text, fast);
  detail::tokenize_with_icu(text, icu);
  const auto describe = [&](const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& token : tokens) {
      out += "[" + std::string(token.text) + (token.kind == TokenKind::kNumber ? "#" : "") +
             (token.sentence_start ? "^" : "") + "]";
    }
    return out;
  };
  bool same = fast.size() == icu.size();
  for (std::size_t i = 0; same && i < fast.size(); ++i) {
    same = fast[i].text.data() == icu[i].text.data() && fast[i].text.size() == icu[i].text.size() &&
           fast[i].offset == icu[i].offset && fast[i].kind == icu[i].kind &&
           fast[i].sentence_start == icu[i].sentence_start;
  }
  if (same) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "text '" << text << "': scanner " << describe(fast) << ", ICU " << describe(icu);
}

TEST(TokenizerAsciiPath, MatchesIcuOnTrickyText) {
  const char* const texts[] = {
      "U.S.",
      "the U.S. and U.K. said",
      "U.S.-led",
      "Mr. Moon met Dr. Kim.",
      "don't",
      "Don't stop",
      "rock'n'roll",
      "O'Neill's",
      "'quoted'",
      "\"quoted\"",
      "it's 5 o'clock",
      "28,500",
      "1,000,000",
      "3.5",
      "3.5%",
      "1.2.3",
      "v1.2.3",
      "3,5",
      "1;2",
      "a;b",
      "a,b",
      "a.b",
      "a:b",
      "12:30",
      "3:1",
      "e-mail",
      "E-Mail",
      "Jong-un",
      "Kim Jong-un's sister",
      "F-16s",
      "COVID-19",
      "10-year-old",
      "x-ray",
      "http://www.bbc.co.uk/news/world-123?id=4&x=y#top",
      "https://example.com/a_b/c.d",
      "www.cnn.com",
      "foo@bar.com",
      "first.last@mail.example.org",
      "#hashtags #MeToo",
      "@handles @BBCWorld",
      "@",
      "@@",
      "a@",
      "...",
      "wait...",
      "so... what",
      "a..b",
      "1..2",
      "Yes!No?Maybe.",
      "5km",
      "10kg",
      "3.5bn",
      "$3.5bn",
      "9/11",
      "24/7",
      "1990s",
      "the '90s",
      "A.B.C.",
      "a_b",
      "__init__",
      "_",
      "__",
      "x__",
      "1_",
      "1__",
      "_1_",
      "a_1",
      "1_a",
      "1_000",
      "snake_case_name",
      "C++",
      "C#",
      ".NET",
      "node.js",
      "line one\nline two",
      "para\r\n\r\nnext",
      "tab\tseparated",
      "form\ffeed",
      "vertical\vtab",
      "trailing.",
      ".leading",
      "'",
      "''",
      "1'2",
      "a'",
      "'a",
      "1.'2",
      "a.1",
      "1.a",
      "a1",
      "1a",
      "a1b2",
      "1a2b",
      "",
      " ",
      "\n\n",
      "Hello, world! How are you? Fine.",
      "He said: \"No.\" Then left.",
      "(Yonhap) -- North Korea",
  };
  for (const char* text : texts) EXPECT_TRUE(same_as_icu(text));
}

TEST(TokenizerAsciiPath, MatchesIcuOnEveryShortString) {
  // Every pair of ASCII characters, then every arrangement of up to five characters drawn from one of
  // each class ICU gives ASCII (letters, '@', digits, ',', ';', '.', '\'', '_') and from separators
  // that matter to sentence starts.
  std::string text(2, ' ');
  for (int a = 0; a < 128; ++a) {
    for (int b = 0; b < 128; ++b) {
      text[0] = static_cast<char>(a);
      text[1] = static_cast<char>(b);
      ASSERT_TRUE(same_as_icu(text));
    }
  }
  const std::string alphabet = "aZ@1,;.'_ :\n!?";
  for (std::size_t length = 1; length <= 5; ++length) {
    std::vector<std::size_t> digits(length, 0);
    text.assign(length, alphabet[0]);
    while (true) {
      for (std::size_t i = 0; i < length; ++i) text[i] = alphabet[digits[i]];
      ASSERT_TRUE(same_as_icu(text));
      std::size_t i = 0;
      while (i < length && ++digits[i] == alphabet.size()) digits[i++] = 0;
      if (i == length) break;
    }
  }
}

std::filesystem::path data_dir() {
  if (const char* dir = std::getenv("STORYLINE_DATA_DIR"); dir != nullptr && *dir != '\0') return dir;
  return std::filesystem::path(STORYLINE_SOURCE_DIR) / ".." / "shared" / "data";
}

TEST(TokenizerAsciiPath, MatchesIcuOnTheEvaluationCorpora) {
  const std::vector<std::filesystem::path> corpora = {data_dir() / "neardup-10k" / "docs.jsonl.gz",
                                                      data_dir() / "timeline17" / "articles.jsonl"};
  for (const auto& corpus : corpora) {
    if (!std::filesystem::exists(corpus)) GTEST_SKIP() << corpus << " not found (set STORYLINE_DATA_DIR)";
  }
  for (const auto& corpus : corpora) {
    std::size_t compared = 0;
    const std::vector<std::string> inputs = {corpus.string()};
    const auto read = read_articles(
        inputs, {},
        [&](Article&& article) -> Status {
          // The document as Analyzer builds it.
          const std::string text = normalize_nfkc(article.text);
          const std::string document =
              article.title.empty() ? text : normalize_nfkc(article.title) + "\n\n" + text;
          if (detail::is_ascii(document)) {
            EXPECT_TRUE(same_as_icu(document)) << "article " << article.id;
            ++compared;
          }
          return {};
        },
        [](const Error& error) { ADD_FAILURE() << error.message(); });
    ASSERT_TRUE(read) << read.error().message();
    EXPECT_GT(compared, 0u) << corpus;
  }
}

TEST(TokenizerAsciiPath, OtherTextTakesIcu) {
  // One non-ASCII character anywhere sends the whole text to ICU, whose dictionaries and Unicode rules
  // the scanner does not know.
  auto tokenizer = Tokenizer::create();
  ASSERT_TRUE(tokenizer);
  for (const char* text : {"Kim Jong\u2011un said \u201cno\u201d.", "caf\u00e9 don\u2019t",
                           "\u5317\u4eac is big", "na\u00efve U.S. 28,500"}) {
    std::vector<Token> tokens;
    std::vector<Token> icu;
    tokenizer->tokenize(text, tokens);
    detail::tokenize_with_icu(text, icu);
    ASSERT_EQ(tokens.size(), icu.size()) << text;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      EXPECT_EQ(tokens[i].text, icu[i].text);
      EXPECT_EQ(tokens[i].kind, icu[i].kind);
      EXPECT_EQ(tokens[i].sentence_start, icu[i].sentence_start);
    }
  }
}

TEST(AsciiLetterRun, CountsLettersEightAtATime) {
  // Every byte value at every position of two eight-byte blocks, after letters: the run must stop there
  // exactly when the byte is not a letter.
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t position = 0; position < 17; ++position) {
      for (const bool at_is_letter : {false, true}) {
        std::string text(19, 'q');
        text[position] = static_cast<char>(byte);
        const bool letter =
            (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (at_is_letter && byte == '@');
        const std::size_t expected = letter ? text.size() : position;
        ASSERT_EQ(detail::ascii_letter_run(text, at_is_letter), expected) << byte << " at " << position;
        ASSERT_EQ(detail::ascii_letter_run(std::string_view(text).substr(0, position), at_is_letter),
                  position);
      }
    }
  }
}

}  // namespace
}  // namespace storyline
