#include "storyline/dedup/lsh.hpp"

#define XXH_INLINE_ALL  // band keys hash a dozen bytes: inlining beats a library call
#include <xxhash.h>

#include <cmath>
#include <limits>

namespace storyline {
namespace {

constexpr double kRequiredRecallAtThreshold = 0.95;

// Midpoint rule: the S-curve is smooth, and 200 steps put the error far below what choosing among
// integer bandings can tell apart.
double false_positive_area(const Banding& banding, double threshold) {
  constexpr int kSteps = 200;
  const double step = threshold / kSteps;
  double area = 0.0;
  for (int i = 0; i < kSteps; ++i) area += candidate_probability(banding, (i + 0.5) * step) * step;
  return area;
}

}  // namespace

double candidate_probability(const Banding& banding, double jaccard) noexcept {
  const double band_matches = std::pow(jaccard, static_cast<double>(banding.rows));
  return 1.0 - std::pow(1.0 - band_matches, static_cast<double>(banding.bands));
}

Banding choose_banding(double threshold, std::size_t permutations) noexcept {
  Banding best{permutations, 1};
  double best_area = std::numeric_limits<double>::infinity();
  for (std::size_t rows = 1; rows <= permutations; ++rows) {
    for (std::size_t bands = 1; bands * rows <= permutations; ++bands) {
      const Banding candidate{bands, rows};
      if (candidate_probability(candidate, threshold) < kRequiredRecallAtThreshold) continue;
      const double area = false_positive_area(candidate, threshold);
      if (area < best_area - 1e-12) {
        best = candidate;
        best_area = area;
      }
      break;  // more bands only add false positives: the fewest that reach the recall are best for these rows
    }
  }
  return best;
}

std::uint32_t band_key(std::span<const std::uint32_t> signature, const Banding& banding, std::size_t band) noexcept {
  const std::uint32_t* rows = signature.data() + band * banding.rows;
  const std::uint64_t hash = XXH3_64bits_withSeed(rows, banding.rows * sizeof(std::uint32_t), band);
  return static_cast<std::uint32_t>(hash ^ (hash >> 32));
}

}  // namespace storyline
