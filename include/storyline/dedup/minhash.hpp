// MinHash signatures: k independent min-wise hashes of a shingle set. The fraction of positions where
// two signatures agree estimates the Jaccard similarity of the two sets.
//
// Format note: the permutation family ((a * x + b) mod 2^32 over a 32-bit fold of each shingle hash, with
// a and b drawn from splitmix64(seed)) is part of every stored signature; golden tests pin it down.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace storyline {

inline constexpr std::uint64_t kDefaultMinHashSeed = 0x5354'4f52'594c'494eULL;  // "STORYLIN"

// Immutable after construction, so one MinHasher may sign from any number of threads at once.
class MinHasher {
 public:
  MinHasher(std::size_t permutations, std::uint64_t seed = kDefaultMinHashSeed);

  [[nodiscard]] std::size_t permutations() const noexcept { return m_a.size(); }

  // Writes the signature of `shingles` into `out` (size: permutations()). An empty set gives all
  // 0xFFFFFFFF. Uses AVX2 where the CPU has it (chosen at run time), plain code otherwise; both give the
  // same values.
  void sign(std::span<const std::uint64_t> shingles, std::span<std::uint32_t> out) const;

 private:
  std::vector<std::uint32_t> m_a;  // odd multipliers
  std::vector<std::uint32_t> m_b;
};

// A signature kept for verification holds one byte per permutation (b-bit MinHash): 128 bytes at 128
// permutations instead of 512, at the price of a 1/256 chance that two different minima share a byte,
// which estimate_jaccard corrects for.
[[nodiscard]] std::uint8_t compress_min_hash(std::uint32_t value) noexcept;

// Estimated Jaccard similarity from two compressed signatures of equal length, corrected for chance
// byte matches and clamped to [0, 1]; 0 for empty signatures.
[[nodiscard]] double estimate_jaccard(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept;

}  // namespace storyline
