#include "storyline/text/term_weights.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

namespace storyline {
namespace {

TEST(DocumentFrequencies, CountEachDocumentOnce) {
  DocumentFrequencies df;
  const std::vector<std::string_view> first = {"summit", "korea"};
  const std::vector<std::string_view> second = {"summit", "vote"};
  df.add_document(first);
  df.add_document(second);
  EXPECT_EQ(df.documents(), 2u);
  EXPECT_EQ(df.frequency("summit"), 2u);
  EXPECT_EQ(df.frequency("vote"), 1u);
  EXPECT_EQ(df.frequency("unseen"), 0u);
}

TEST(DocumentFrequencies, RareTermsWeighMore) {
  DocumentFrequencies df;
  const std::vector<std::string_view> common = {"said"};
  const std::vector<std::string_view> both = {"said", "pyongyang"};
  for (int i = 0; i < 9; ++i) df.add_document(common);
  df.add_document(both);
  EXPECT_GT(df.idf("pyongyang"), df.idf("said"));
  EXPECT_GT(df.idf("unseen"), df.idf("pyongyang"));
  EXPECT_DOUBLE_EQ(df.idf("said"), 1.0);  // in every document: smoothed, still counts a little
}

TEST(WeighTerms, RanksByTfIdfAndNormalises) {
  DocumentFrequencies df;
  const std::vector<std::string_view> other = {"said", "vote"};
  const std::vector<std::string_view> mine = {"said", "summit"};
  df.add_document(other);
  df.add_document(mine);
  std::unordered_map<std::string, TermCount> counts;
  counts["said"] = {3, "said"};
  counts["summit"] = {3, "summits"};
  const auto terms = weigh_terms(counts, df, 0);
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[0].term, "summit");
  EXPECT_EQ(terms[0].display, "summits");
  double norm = 0;
  for (const auto& term : terms) norm += term.weight * term.weight;
  EXPECT_NEAR(norm, 1.0, 1e-9);
  EXPECT_EQ(weigh_terms(counts, df, 1).size(), 1u);
}

TEST(WeighTerms, BreaksTiesByTermForDeterministicOutput) {
  DocumentFrequencies df;
  std::unordered_map<std::string, TermCount> counts;
  for (const char* term : {"delta", "alpha", "charlie", "bravo"}) counts[term] = {1, term};
  const auto terms = weigh_terms(counts, df, 0);
  ASSERT_EQ(terms.size(), 4u);
  EXPECT_EQ(terms[0].term, "alpha");
  EXPECT_EQ(terms[3].term, "delta");
}

}  // namespace
}  // namespace storyline
