// Locality-sensitive hashing over MinHash signatures: the signature is cut into bands of rows; two
// articles become candidates when all rows of at least one band agree, which happens with probability
// 1 - (1 - J^rows)^bands for Jaccard similarity J.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace storyline {

struct Banding {
  std::size_t bands = 0;
  std::size_t rows = 0;
  friend bool operator==(const Banding&, const Banding&) = default;
};

// Probability that two sets of Jaccard similarity `jaccard` share at least one band.
[[nodiscard]] double candidate_probability(const Banding& banding, double jaccard) noexcept;

// Chooses bands x rows <= permutations for a similarity threshold. Candidates are verified afterwards,
// so a missed pair costs more than a spurious candidate: the banding must find a pair at exactly the
// threshold with probability >= 0.95, and among those, the one admitting the fewest pairs below the
// threshold (the smallest area under the S-curve on [0, threshold)) wins. Falls back to one row per band
// when no banding reaches 0.95. Thread-safe.
[[nodiscard]] Banding choose_banding(double threshold, std::size_t permutations) noexcept;

// The key of band `band` of a full (32-bit) signature. Format: XXH3-64 of the band's rows, seeded with the
// band number, folded to 32 bits. Thread-safe.
[[nodiscard]] std::uint32_t band_key(std::span<const std::uint32_t> signature, const Banding& banding,
                                     std::size_t band) noexcept;

}  // namespace storyline
