// Shingling for copy detection: an article's text becomes a set of hashed word n-grams (or character
// n-grams), and its normalised word stream gets a 128-bit content hash for exact-copy detection.
//
// Format note: word splitting, case folding and the hash functions (xxHash XXH3) are part of every stored
// signature. Changing any of them changes which stored articles match; golden tests pin them down.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

enum class ShingleKind : std::uint8_t {
  kWords,       // n consecutive words
  kCharacters,  // n consecutive bytes of the normalised word stream (words joined by single spaces)
};

struct ShingleOptions {
  ShingleKind kind = ShingleKind::kWords;
  // Word bigrams by default: a copy with a few per cent of its words edited keeps most of its bigrams
  // (each edit breaks two), while unrelated texts rarely share many. docs/dedup.md has the measurements.
  std::size_t size = 2;
};

// 128-bit hash of an article's normalised word stream: equal for texts that differ only in case,
// punctuation and spacing.
struct ContentHash {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  friend bool operator==(const ContentHash&, const ContentHash&) = default;
};

// Not thread-safe (it reuses its buffers between texts): one Shingler per thread.
class Shingler {
 public:
  explicit Shingler(ShingleOptions options = {});

  // Replaces `shingles` with one 64-bit hash per shingle of `text` (duplicates kept: MinHash ignores
  // them) and returns the content hash. Words are maximal runs of letters, digits and combining marks
  // (any script); everything else, no-break spaces and curly quotes included, separates words. ASCII is
  // lower-cased, other words are NFKC-normalised and case-folded. A text shorter than one
  // shingle gives one shingle of all its words; a text without words gives none.
  ContentHash shingle(std::string_view text, std::vector<std::uint64_t>& shingles);

  [[nodiscard]] const ShingleOptions& options() const noexcept { return m_options; }

 private:
  ShingleOptions m_options;
  std::vector<std::uint64_t> m_words;  // one hash per word (sized for the longest text so far)
  std::string m_stream;                // the normalised word stream: the content hash and character shingles read it
};

}  // namespace storyline
