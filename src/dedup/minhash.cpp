#include "storyline/dedup/minhash.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace storyline {
namespace {

std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The clones' resolver runs while the dynamic loader relocates, before ThreadSanitizer's runtime is up, and
// TSan instruments it all the same: the program would crash before main. TSan builds get the default body.
#if defined(__SANITIZE_THREAD__)
#define STORYLINE_CLONES
#else
#define STORYLINE_CLONES __attribute__((target_clones("avx2", "default")))
#endif

// Eight 32-bit lanes: one AVX2 register, or two SSE2 registers in the baseline build.
using Lanes = std::uint32_t __attribute__((vector_size(32)));
constexpr std::size_t kLanes = 8;
constexpr std::size_t kBlock = 4 * kLanes;  // permutations whose minima stay in registers while all shingles pass

// The hot loop of copy detection: every shingle meets every permutation. Permutations go in blocks of
// 32 held in four vector registers (with their multipliers and offsets in eight more) for the whole pass
// over the shingles. target_clones picks the AVX2 body at run time on CPUs that have it, so the default
// build needs no -march flag; both bodies compute the same values.
STORYLINE_CLONES void min_hash_kernel(const std::uint32_t* keys, std::size_t count, const std::uint32_t* a,
                                      const std::uint32_t* b, std::uint32_t* out, std::size_t permutations) {
  std::size_t first = 0;
  for (; first + kBlock <= permutations; first += kBlock) {
    // Vector values are never passed to or returned from functions here: that would tie the baseline
    // clone to an AVX calling convention.
    Lanes a0, a1, a2, a3, b0, b1, b2, b3;
    std::memcpy(&a0, a + first, sizeof(Lanes));
    std::memcpy(&a1, a + first + 8, sizeof(Lanes));
    std::memcpy(&a2, a + first + 16, sizeof(Lanes));
    std::memcpy(&a3, a + first + 24, sizeof(Lanes));
    std::memcpy(&b0, b + first, sizeof(Lanes));
    std::memcpy(&b1, b + first + 8, sizeof(Lanes));
    std::memcpy(&b2, b + first + 16, sizeof(Lanes));
    std::memcpy(&b3, b + first + 24, sizeof(Lanes));
    Lanes m0 = ~Lanes{}, m1 = ~Lanes{}, m2 = ~Lanes{}, m3 = ~Lanes{};
    for (std::size_t s = 0; s < count; ++s) {
      const Lanes key = Lanes{} + keys[s];  // broadcast
      const Lanes v0 = a0 * key + b0, v1 = a1 * key + b1, v2 = a2 * key + b2, v3 = a3 * key + b3;
      m0 = v0 < m0 ? v0 : m0;
      m1 = v1 < m1 ? v1 : m1;
      m2 = v2 < m2 ? v2 : m2;
      m3 = v3 < m3 ? v3 : m3;
    }
    std::memcpy(out + first, &m0, sizeof(Lanes));
    std::memcpy(out + first + 8, &m1, sizeof(Lanes));
    std::memcpy(out + first + 16, &m2, sizeof(Lanes));
    std::memcpy(out + first + 24, &m3, sizeof(Lanes));
  }
  for (std::size_t p = first; p < permutations; ++p) {  // a last partial block, when permutations % 32 != 0
    std::uint32_t minimum = std::numeric_limits<std::uint32_t>::max();
    for (std::size_t s = 0; s < count; ++s) minimum = std::min(minimum, a[p] * keys[s] + b[p]);
    out[p] = minimum;
  }
}

// Counted in fixed blocks so the compiler vectorises the comparison (AVX2 where the CPU has it).
STORYLINE_CLONES std::size_t count_equal(const std::uint8_t* __restrict a, const std::uint8_t* __restrict b,
                                         std::size_t n) {
  constexpr std::size_t kChunk = 32;
  std::size_t equal = 0;
  std::size_t i = 0;
  for (; i + kChunk <= n; i += kChunk) {
    unsigned chunk = 0;
    for (std::size_t j = 0; j < kChunk; ++j) chunk += a[i + j] == b[i + j] ? 1U : 0U;
    equal += chunk;
  }
  for (; i < n; ++i) equal += a[i] == b[i] ? 1U : 0U;
  return equal;
}

}  // namespace

MinHasher::MinHasher(std::size_t permutations, std::uint64_t seed) : m_a(permutations), m_b(permutations) {
  std::uint64_t state = seed;
  for (std::size_t p = 0; p < permutations; ++p) {
    m_a[p] = static_cast<std::uint32_t>(splitmix64(state)) | 1U;  // odd: a bijection of the 32-bit values
    m_b[p] = static_cast<std::uint32_t>(splitmix64(state));
  }
}

void MinHasher::sign(std::span<const std::uint64_t> shingles, std::span<std::uint32_t> out) const {
  thread_local std::vector<std::uint32_t> keys;  // the kernel wants 32-bit keys side by side
  keys.resize(shingles.size());
  for (std::size_t s = 0; s < shingles.size(); ++s) {
    keys[s] = static_cast<std::uint32_t>(shingles[s] ^ (shingles[s] >> 32));
  }
  min_hash_kernel(keys.data(), keys.size(), m_a.data(), m_b.data(), out.data(), std::min(out.size(), m_a.size()));
}

std::uint8_t compress_min_hash(std::uint32_t value) noexcept {
  // Minima are small numbers (their high bits are mostly zero); a multiplicative mix moves the varying
  // low bits into the byte kept.
  return static_cast<std::uint8_t>((value * 0x9E3779B1U) >> 24);
}

double estimate_jaccard(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept {
  const std::size_t n = std::min(a.size(), b.size());
  if (n == 0) return 0.0;
  const std::size_t equal = count_equal(a.data(), b.data(), n);
  // P(bytes equal) = J + (1 - J) / 256, solved for J.
  constexpr double kChance = 1.0 / 256.0;
  const double matched = static_cast<double>(equal) / static_cast<double>(n);
  return std::clamp((matched - kChance) / (1.0 - kChance), 0.0, 1.0);
}

}  // namespace storyline
