#include "text/normalize.hpp"

#include <gtest/gtest.h>

#include <string>

namespace storyline::detail {
namespace {

std::string undone(std::string text, std::size_t from = 0) {
  undo_treebank_escapes(text, from);
  return text;
}

TEST(UndoTreebankEscapes, TurnsEachEscapeBackIntoItsBracket) {
  EXPECT_EQ(undone("LONDON , July 27 -LRB- Reuters -RRB- - BP plc -LRB- BP.L -RRB-"),
            "LONDON , July 27 ( Reuters ) - BP plc ( BP.L )");
  EXPECT_EQ(undone("-LSB-sic-RSB- and -LCB- x -RCB-"), "[sic] and { x }");
}

TEST(UndoTreebankEscapes, LeavesTextWithoutEscapesAsItIs) {
  for (const std::string text :
       {"", "-", "well-known", "-LRB", "LRB-", "-LRX-", "-XRB-", "-lrb-", "a -- b -"}) {
    EXPECT_EQ(undone(text), text);
  }
}

TEST(AppendNormalized, AppliesNfkcAndUndoesEscapesInWhatItAppends) {
  std::string out = "-LRB- kept -RRB- ";
  append_normalized("\xEF\xAC\x81rst -LRB- \xE2\x91\xA0 -RRB-", out);  // U+FB01 (fi), U+2460 (circled 1)
  EXPECT_EQ(out, "-LRB- kept -RRB- first ( 1 )");
}

TEST(UndoTreebankEscapes, StartsAtTheGivenByte) {
  EXPECT_EQ(undone("-LRB- title -RRB-\n\n-LRB- text -RRB-", 18), "-LRB- title -RRB-\n\n( text )");
}

}  // namespace
}  // namespace storyline::detail
