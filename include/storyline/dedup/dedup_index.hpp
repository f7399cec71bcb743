// The copy index: finds, for an article, the earlier articles it copies exactly (same normalised words)
// or nearly (estimated Jaccard similarity of shingle sets at or above a threshold), and accepts new
// articles at any time. Signatures are MinHash, lookups go through LSH bands, and every candidate is
// verified against its signature before it is reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "storyline/common/result.hpp"
#include "storyline/dedup/lsh.hpp"
#include "storyline/dedup/minhash.hpp"
#include "storyline/dedup/shingles.hpp"

namespace storyline {

struct DedupOptions {
  ShingleOptions shingles;        // word bigrams
  std::size_t permutations = 128;
  // Estimated Jaccard similarity (of word-bigram sets by default) at or above which two articles are
  // copies. 0.45 sits between lightly edited wire copies (>= 0.50 on the measured sets) and different
  // texts that share a passage (<= 0.37); docs/dedup.md has the measurements.
  double threshold = 0.45;
  std::uint64_t seed = kDefaultMinHashSeed;
  Banding banding;  // {0, 0}: chosen from threshold and permutations by choose_banding
};

// Errors: kInvalidArgument naming the option (threshold outside (0, 1], no permutations, more than 1024
// permutations, shingle size 0, a banding that needs more rows than there are permutations).
[[nodiscard]] Status validate(const DedupOptions& options);

// What copy detection keeps of one article. Computing it is the expensive part, so it is separate
// from the index and may run on any thread.
struct Sketch {
  ContentHash content;
  std::vector<std::uint32_t> band_keys;
  std::vector<std::uint8_t> signature;  // compressed, one byte per permutation
  bool has_words = false;
};

// Not thread-safe (it reuses buffers): one Sketcher per thread.
class Sketcher {
 public:
  // Precondition: validate(options) succeeded and options.banding is set (DedupIndex::options() is).
  explicit Sketcher(const DedupOptions& options);
  void sketch(std::string_view text, Sketch& out);

 private:
  Shingler m_shingler;
  MinHasher m_hasher;
  Banding m_banding;
  std::vector<std::uint64_t> m_shingles;
  std::vector<std::uint32_t> m_signature;
};

struct CopyMatch {
  std::uint32_t doc = 0;    // the earlier article's number in the index
  double similarity = 0.0;  // estimated Jaccard similarity; 1 for exact copies
  bool exact = false;       // same normalised words
};

// Documents are numbered 0, 1, 2, ... in insertion order. Queries may run concurrently with each
// other, but not with insert.
class DedupIndex {
 public:
  // Errors: as validate(). The banding is resolved here when options.banding is {0, 0}.
  [[nodiscard]] static Result<DedupIndex> create(DedupOptions options = {});

  DedupIndex(DedupIndex&&) noexcept;
  DedupIndex& operator=(DedupIndex&&) noexcept;
  ~DedupIndex();

  [[nodiscard]] const DedupOptions& options() const noexcept;

  // The indexed articles that `sketch` copies, most similar first (then lowest number): the LSH
  // candidates, verified.
  [[nodiscard]] std::vector<CopyMatch> query(const Sketch& sketch) const;

  // The LSH candidates alone, before verification: every indexed article sharing at least one band
  // key with `sketch`, ascending. For measuring the banding; query() is what users want.
  [[nodiscard]] std::vector<std::uint32_t> candidates(const Sketch& sketch) const;

  // Adds an article and returns its number. Precondition: fewer than 2^32 - 1 articles indexed.
  std::uint32_t insert(const Sketch& sketch);

  // Adds a batch, as if each sketch were queried and then inserted in order (so a sketch also matches the
  // ones before it in the batch), and returns each sketch's matches. The bands are independent, so they
  // are shared out among `threads` threads; the result is the same for any thread count.
  std::vector<std::vector<CopyMatch>> insert_batch(std::span<const Sketch> sketches, std::size_t threads);

  // Estimated similarity and exactness between two indexed articles.
  [[nodiscard]] CopyMatch compare(std::uint32_t a, std::uint32_t b) const;

  [[nodiscard]] std::size_t size() const noexcept;
  // Bytes held by signatures, content hashes and band tables (capacity, not just size).
  [[nodiscard]] std::size_t memory_bytes() const noexcept;

 private:
  struct Impl;
  explicit DedupIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline
