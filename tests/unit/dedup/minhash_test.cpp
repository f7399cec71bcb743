#include "storyline/dedup/minhash.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <unordered_set>
#include <vector>

namespace storyline {
namespace {

const std::vector<std::uint64_t> kFixedShingles{1, 2, 3, 42, 0x0123456789ABCDEFULL, 0xFEDCBA9876543210ULL};

std::vector<std::uint32_t> sign(const MinHasher& hasher, const std::vector<std::uint64_t>& shingles) {
  std::vector<std::uint32_t> signature(hasher.permutations());
  hasher.sign(shingles, signature);
  return signature;
}

std::vector<std::uint8_t> compressed(const std::vector<std::uint32_t>& signature) {
  std::vector<std::uint8_t> bytes(signature.size());
  std::transform(signature.begin(), signature.end(), bytes.begin(), compress_min_hash);
  return bytes;
}

double estimate(const MinHasher& hasher, const std::vector<std::uint64_t>& a,
                const std::vector<std::uint64_t>& b) {
  return estimate_jaccard(compressed(sign(hasher, a)), compressed(sign(hasher, b)));
}

// Two sets of distinct random shingles with exactly `shared` common elements and `only_a`, `only_b`
// elements of their own: Jaccard similarity shared / (shared + only_a + only_b). The 32-bit folds the
// hasher reads are distinct too, so the similarity it sees is exact.
struct SetPair {
  std::vector<std::uint64_t> a;
  std::vector<std::uint64_t> b;
};

SetPair make_sets(std::size_t shared, std::size_t only_a, std::size_t only_b, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::unordered_set<std::uint32_t> folds;
  const auto fresh = [&] {
    for (;;) {
      const std::uint64_t value = rng();
      if (folds.insert(static_cast<std::uint32_t>(value ^ (value >> 32))).second) return value;
    }
  };
  SetPair sets;
  for (std::size_t i = 0; i < shared; ++i) {
    const std::uint64_t value = fresh();
    sets.a.push_back(value);
    sets.b.push_back(value);
  }
  for (std::size_t i = 0; i < only_a; ++i) sets.a.push_back(fresh());
  for (std::size_t i = 0; i < only_b; ++i) sets.b.push_back(fresh());
  std::shuffle(sets.b.begin(), sets.b.end(), rng);
  return sets;
}

// Union of 1000 elements for each similarity.
struct Overlap {
  double jaccard;
  std::size_t shared;
  std::size_t own;  // elements of each set outside the intersection
};
constexpr Overlap kOverlaps[] = {{0.3, 300, 350}, {0.5, 500, 250}, {0.8, 800, 100}};

// Golden values. MinHash values are stored in every index (compressed) and feed the band keys: if the
// permutation family, its seeding or the 32-bit fold of shingles changes, stored articles stop matching
// new ones. A change here must be deliberate and come with a new index format version.
TEST(MinHasher, GoldenSignatureOfFixedShingles) {
  const MinHasher hasher(128);
  const auto signature = sign(hasher, kFixedShingles);
  const std::vector<std::uint32_t> first_eight(signature.begin(), signature.begin() + 8);
  const std::vector<std::uint32_t> expected{0x638C1038U, 0x3C9AF755U, 0x4C0A6BBEU, 0x106D0A35U,
                                            0x4706DBC9U, 0x2AE0AA11U, 0x22A2DC6FU, 0x2A120D91U};
  EXPECT_EQ(first_eight, expected);
}

TEST(MinHasher, EmptySetGivesAllOnes) {
  const MinHasher hasher(128);
  std::vector<std::uint32_t> signature(128, 7);
  hasher.sign({}, signature);
  EXPECT_TRUE(
      std::all_of(signature.begin(), signature.end(), [](std::uint32_t v) { return v == 0xFFFFFFFFU; }));
}

TEST(MinHasher, SigningIsDeterministic) {
  const MinHasher first(128);
  const MinHasher second(128);
  EXPECT_EQ(sign(first, kFixedShingles), sign(first, kFixedShingles));
  EXPECT_EQ(sign(first, kFixedShingles), sign(second, kFixedShingles));
  EXPECT_EQ(first.permutations(), 128u);
}

TEST(MinHasher, IgnoresShingleOrderAndDuplicates) {
  const MinHasher hasher(128);
  std::vector<std::uint64_t> reordered(kFixedShingles.rbegin(), kFixedShingles.rend());
  EXPECT_EQ(sign(hasher, reordered), sign(hasher, kFixedShingles));
  std::vector<std::uint64_t> duplicated = kFixedShingles;
  duplicated.insert(duplicated.end(), kFixedShingles.begin(), kFixedShingles.begin() + 3);
  EXPECT_EQ(sign(hasher, duplicated), sign(hasher, kFixedShingles));
}

TEST(MinHasher, DifferentSetsAndSeedsGiveDifferentSignatures) {
  const MinHasher hasher(128);
  const std::vector<std::uint64_t> other{1, 2, 3, 43};
  EXPECT_NE(sign(hasher, other), sign(hasher, kFixedShingles));
  EXPECT_NE(sign(MinHasher(128, 1), kFixedShingles), sign(hasher, kFixedShingles));
}

// Each signature value is the minimum of its own permutation, so adding a shingle can only lower it.
TEST(MinHasher, ValuesAreMinimaOverTheSet) {
  const MinHasher hasher(64);
  const auto whole = sign(hasher, kFixedShingles);
  std::vector<std::uint32_t> minima(64, 0xFFFFFFFFU);
  for (const std::uint64_t shingle : kFixedShingles) {
    const auto single = sign(hasher, {shingle});
    for (std::size_t p = 0; p < minima.size(); ++p) minima[p] = std::min(minima[p], single[p]);
  }
  EXPECT_EQ(whole, minima);
}

// The permutations are drawn in order from one splitmix64 stream, so a shorter signature is a prefix of
// a longer one. This also checks the 32-wide vector blocks against the scalar tail that handles the
// permutations past the last full block.
TEST(MinHasher, PermutationsNotAMultipleOf32AreAPrefixOfLongerSignatures) {
  const auto full = sign(MinHasher(128), kFixedShingles);
  for (const std::size_t permutations : {1u, 5u, 31u, 33u, 100u}) {
    const MinHasher hasher(permutations);
    ASSERT_EQ(hasher.permutations(), permutations);
    const auto signature = sign(hasher, kFixedShingles);
    EXPECT_TRUE(std::equal(signature.begin(), signature.end(), full.begin()))
        << permutations << " permutations";
  }
  const auto sets = make_sets(500, 250, 250, 11);
  const auto long_signature = sign(MinHasher(128), sets.a);
  const auto short_signature = sign(MinHasher(100), sets.a);
  EXPECT_TRUE(std::equal(short_signature.begin(), short_signature.end(), long_signature.begin()));
}

TEST(CompressMinHash, SpreadsSmallMinima) {
  // Minima of large sets are small numbers; their compressed bytes still take many values.
  std::unordered_set<std::uint8_t> bytes;
  for (std::uint32_t value = 0; value < 1024; ++value) bytes.insert(compress_min_hash(value));
  EXPECT_GT(bytes.size(), 200u);
  EXPECT_EQ(compress_min_hash(12345), compress_min_hash(12345));
}

TEST(MinHashEstimateJaccard, IdenticalSignaturesGiveOne) {
  const MinHasher hasher(128);
  const auto sets = make_sets(1000, 0, 0, 1);
  EXPECT_EQ(estimate(hasher, sets.a, sets.b), 1.0);
}

TEST(MinHashEstimateJaccard, EmptySignaturesGiveZero) { EXPECT_EQ(estimate_jaccard({}, {}), 0.0); }

TEST(MinHashEstimateJaccard, DisjointSetsGiveNearZero) {
  const MinHasher hasher(128);
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const auto sets = make_sets(0, 500, 500, seed);
    const double estimated = estimate(hasher, sets.a, sets.b);
    EXPECT_GE(estimated, 0.0);
    EXPECT_LT(estimated, 0.08) << "seed " << seed;
  }
}

TEST(MinHashEstimateJaccard, IsCloseToTheExactSimilarity) {
  const MinHasher hasher(128);
  for (const Overlap& overlap : kOverlaps) {
    const auto sets = make_sets(overlap.shared, overlap.own, overlap.own, 2);
    EXPECT_NEAR(estimate(hasher, sets.a, sets.b), overlap.jaccard, 0.1) << "J = " << overlap.jaccard;
  }
}

// Averaged over independent permutation families and sets, the estimate converges on the exact
// similarity: the correction for chance byte matches leaves no bias.
TEST(MinHashEstimateJaccard, IsUnbiasedOverSeeds) {
  constexpr int kSeeds = 50;
  for (const Overlap& overlap : kOverlaps) {
    double sum = 0.0;
    for (int seed = 0; seed < kSeeds; ++seed) {
      const MinHasher hasher(128, 1000 + static_cast<std::uint64_t>(seed));
      const auto sets = make_sets(overlap.shared, overlap.own, overlap.own, static_cast<std::uint64_t>(seed));
      sum += estimate(hasher, sets.a, sets.b);
    }
    EXPECT_NEAR(sum / kSeeds, overlap.jaccard, 0.02) << "J = " << overlap.jaccard;
  }
}

}  // namespace
}  // namespace storyline
