#include "storyline/dedup/lsh.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace storyline {
namespace {

TEST(LshCandidateProbability, IsZeroAtZeroAndOneAtOne) {
  for (const Banding banding : {Banding{1, 1}, Banding{32, 3}, Banding{16, 8}, Banding{128, 1}}) {
    EXPECT_EQ(candidate_probability(banding, 0.0), 0.0);
    EXPECT_EQ(candidate_probability(banding, 1.0), 1.0);
  }
}

TEST(LshCandidateProbability, GrowsWithJaccard) {
  for (const Banding banding : {Banding{1, 1}, Banding{32, 3}, Banding{16, 8}, Banding{10, 12}}) {
    double previous = 0.0;
    for (int step = 1; step <= 100; ++step) {
      const double probability = candidate_probability(banding, step / 100.0);
      EXPECT_GE(probability, previous) << banding.bands << "x" << banding.rows << " at " << step / 100.0;
      previous = probability;
    }
  }
}

TEST(LshCandidateProbability, FollowsTheBandingFormula) {
  EXPECT_DOUBLE_EQ(candidate_probability(Banding{1, 1}, 0.3), 0.3);
  EXPECT_DOUBLE_EQ(candidate_probability(Banding{1, 2}, 0.5), 0.25);  // both rows agree
  EXPECT_DOUBLE_EQ(candidate_probability(Banding{2, 1}, 0.5), 0.75);  // either band agrees
  EXPECT_DOUBLE_EQ(candidate_probability(Banding{2, 2}, 0.5), 1.0 - 0.75 * 0.75);
}

// The documented default: threshold 0.45 at 128 permutations. Changing it changes which pairs are
// found, so it moves only with the measurements in docs/dedup.md.
TEST(ChooseBanding, DefaultThresholdGives32BandsOf3Rows) {
  const Banding banding = choose_banding(0.45, 128);
  EXPECT_EQ(banding, (Banding{32, 3}));
  EXPECT_LE(banding.bands * banding.rows, 128u);
  EXPECT_GE(candidate_probability(banding, 0.45), 0.95);
}

TEST(ChooseBanding, FindsPairsAtTheThresholdWithinThePermutations) {
  for (const std::size_t permutations : {64u, 100u, 128u, 256u}) {
    for (int percent = 10; percent <= 100; percent += 5) {
      const double threshold = percent / 100.0;
      const Banding banding = choose_banding(threshold, permutations);
      EXPECT_GE(banding.bands, 1u);
      EXPECT_GE(banding.rows, 1u);
      EXPECT_LE(banding.bands * banding.rows, permutations) << threshold;
      EXPECT_GE(candidate_probability(banding, threshold), 0.95) << threshold << " at " << permutations;
    }
  }
}

TEST(ChooseBanding, HigherThresholdsGiveMoreRows) {
  std::size_t previous_rows = 0;
  for (const double threshold : {0.3, 0.45, 0.6, 0.7, 0.8, 0.9}) {
    const Banding banding = choose_banding(threshold, 128);
    EXPECT_GT(banding.rows, previous_rows) << threshold;
    previous_rows = banding.rows;
  }
  for (int percent = 10; percent < 100; ++percent) {
    EXPECT_LE(choose_banding(percent / 100.0, 128).rows, choose_banding((percent + 1) / 100.0, 128).rows)
        << percent;
  }
}

TEST(ChooseBanding, FallsBackToOneRowPerBandWhenNothingReachesTheRecall) {
  // At J = 0.01, even 128 single-row bands find a pair only with probability 1 - 0.99^128 = 0.72.
  EXPECT_EQ(choose_banding(0.01, 128), (Banding{128, 1}));
}

std::vector<std::uint32_t> fixed_signature() {
  std::vector<std::uint32_t> signature(12);
  for (std::uint32_t i = 0; i < signature.size(); ++i) signature[i] = i * 1000003U + 7U;
  return signature;
}

// Golden values. Band keys are stored in every index's band tables: if they change, stored articles are
// no longer candidates for new ones. A change here must be deliberate and come with a new index format
// version.
TEST(BandKey, GoldenKeysOfFixedSignature) {
  const auto signature = fixed_signature();
  const Banding banding{4, 3};
  EXPECT_EQ(band_key(signature, banding, 0), 0x64D9270AU);
  EXPECT_EQ(band_key(signature, banding, 1), 0x88E2326DU);
  EXPECT_EQ(band_key(signature, banding, 2), 0xBD4EBCB8U);
  EXPECT_EQ(band_key(signature, banding, 3), 0x29C1EFCDU);
}

TEST(BandKey, DiffersPerBandForEqualRows) {
  const std::vector<std::uint32_t> signature(12, 0xABCDEFU);
  const Banding banding{4, 3};
  for (std::size_t a = 0; a < banding.bands; ++a) {
    for (std::size_t b = a + 1; b < banding.bands; ++b) {
      EXPECT_NE(band_key(signature, banding, a), band_key(signature, banding, b)) << a << " vs " << b;
    }
  }
}

TEST(BandKey, DependsOnlyOnItsOwnRows) {
  const Banding banding{4, 3};
  const auto original = fixed_signature();
  auto edited = original;
  edited[7] += 1;  // band 2 holds rows 6, 7, 8
  for (std::size_t band = 0; band < banding.bands; ++band) {
    if (band == 2) {
      EXPECT_NE(band_key(edited, banding, band), band_key(original, banding, band));
    } else {
      EXPECT_EQ(band_key(edited, banding, band), band_key(original, banding, band)) << band;
    }
  }
}

}  // namespace
}  // namespace storyline
