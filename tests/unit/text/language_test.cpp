#include "storyline/text/language.hpp"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(DetectLanguage, RecognisesCommonNewsLanguages) {
  EXPECT_EQ(detect_language("The Secretary of State said on Friday that talks with the North would resume "
                            "before the end of the year, after a summit in Singapore.")
                .code,
            "en");
  EXPECT_EQ(detect_language("Der Außenminister sagte am Freitag, dass die Gespräche mit dem Norden noch vor "
                            "Ende des Jahres wieder aufgenommen werden sollen.")
                .code,
            "de");
  EXPECT_EQ(detect_language("Le secrétaire d'État a déclaré vendredi que les négociations avec le Nord "
                            "reprendraient avant la fin de l'année.")
                .code,
            "fr");
}

std::string repeat(std::string_view text, std::size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += text;
  return out;
}

constexpr std::string_view kGerman =
    "Der Außenminister sagte am Freitag, dass die Gespräche mit dem Norden noch vor Ende des Jahres wieder "
    "aufgenommen werden sollen, und die Regierung hofft auf ein weiteres Treffen im Frühjahr. ";
constexpr std::string_view kEnglish =
    "The Secretary of State said on Friday that talks with the North would resume before the end of the "
    "year, and the government hopes for another meeting in the spring. ";

// A clear lead decides: what follows it is not read.
TEST(DetectLanguage, AClearLeadDecides) {
  EXPECT_EQ(detect_language(repeat(kEnglish, 1200) + repeat(kGerman, 3000)).code, "en");
}

// A lead cld2 is not sure of (here a table of figures) makes it read on.
TEST(DetectLanguage, ReadsOnWhenTheLeadIsUnclear) {
  const std::string text = repeat("2014 -- 3.5 / 17.25 % 1,200 ", 1100) + repeat(kGerman, 2000);
  const LanguageGuess guess = detect_language(text);
  EXPECT_EQ(guess.code, "de");
  EXPECT_TRUE(guess.reliable);
}

TEST(DetectLanguage, SaysUndeterminedForNoText) {
  EXPECT_EQ(detect_language("").code, "und");
  EXPECT_FALSE(detect_language("").reliable);
}

}  // namespace
}  // namespace storyline
