#include "storyline/text/language.hpp"

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

TEST(DetectLanguage, SaysUndeterminedForNoText) {
  EXPECT_EQ(detect_language("").code, "und");
  EXPECT_FALSE(detect_language("").reliable);
}

}  // namespace
}  // namespace storyline
