// The brute-force reference for copy detection: every pair of texts whose exact Jaccard similarity of
// shingle sets is at or above a threshold, computed from the sets themselves (no MinHash, no LSH, no
// sampling). The sets come from storyline::Shingler, so the reference and the engine see the same shingles;
// the quality test and the exact-jaccard tool measure how much of this truth the LSH index finds.
//
// Comparing all n^2 / 2 pairs of 10,000 sets of ~400 shingles would take minutes, so the join uses prefix
// filtering (Chaudhuri, Ganti and Kaushik 2006; Bayardo, Ma and Srikant 2007), which skips pairs that cannot
// qualify but never a pair that does (the argument is at exact_jaccard_pairs).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/dedup/shingles.hpp"

namespace storyline::quality {

// The distinct shingle hashes of one text, sorted.
using ShingleSet = std::vector<std::uint64_t>;

struct JaccardPair {
  std::uint32_t a = 0;  // position of the earlier text
  std::uint32_t b = 0;  // position of the later text (a < b)
  double jaccard = 0.0;
  friend bool operator==(const JaccardPair&, const JaccardPair&) = default;
};

// The shingle set of `text` as the engine shingles it. Not thread-safe (it uses `shingler`).
inline ShingleSet shingle_set(Shingler& shingler, std::string_view text) {
  ShingleSet set;
  static_cast<void>(shingler.shingle(text, set));  // the content hash is the engine's exact-copy test, not ours
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

inline std::vector<ShingleSet> shingle_sets(std::span<const std::string> texts, const ShingleOptions& options = {}) {
  Shingler shingler(options);
  std::vector<ShingleSet> sets;
  sets.reserve(texts.size());
  for (const std::string& text : texts) sets.push_back(shingle_set(shingler, text));
  return sets;
}

// Exact Jaccard similarity of two sorted sets; 0 when both are empty.
template <typename T>
double jaccard(std::span<const T> x, std::span<const T> y) {
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  const std::size_t all = x.size() + y.size() - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

namespace detail {

// ceil(value), made smaller by a hair so that floating-point rounding can only loosen the filters below
// (more candidates, never a missed pair); at least 1, as any pair with Jaccard > 0 shares an element.
inline std::size_t ceil_count(double value) {
  const double bound = std::ceil(value - 1e-9);
  return bound < 1.0 ? 1 : static_cast<std::size_t>(bound);
}

struct Posting {
  std::uint32_t set = 0;     // the set's position in probing order
  std::uint32_t offset = 0;  // where the element stands in that set
};

}  // namespace detail

// Every pair (a < b) of `sets` with exact Jaccard similarity >= threshold, ordered by (a, b), each with its
// similarity. Empty sets (texts without words) match nothing. Precondition: 0 < threshold <= 1; every set
// sorted and free of duplicates (as shingle_set makes them).
//
// Why the filters below lose no pair. Fix one global order of all elements and write every set in it.
// Write t for the threshold and O for |x n y|. J(x, y) = O / (|x| + |y| - O) >= t exactly when
// O >= a(x, y) := t / (1 + t) * (|x| + |y|); also O >= t |x u y| >= t max(|x|, |y|). Sets are probed in
// increasing size, each against the smaller-or-equal ones probed before it, so below |y| <= |x|.
//  - Prefixes. Let c be the first common element in the global order. The other O - 1 common elements
//    come after c in both sets, so c stands at (0-based) position <= |x| - O in x and <= |y| - O in y.
//    With O >= ceil(t |x|), c lies within the first |x| - ceil(t |x|) + 1 elements of x (the probe
//    prefix); with O >= a(x, y) >= 2t / (1 + t) |y|, within the first |y| - ceil(2t / (1 + t) |y|) + 1
//    elements of y (the indexed prefix). So a qualifying pair always meets through the inverted index of
//    indexed prefixes when x's probe prefix is looked up, whatever the global order; the order only
//    decides speed (rarest first makes prefixes of rare elements, whose posting lists are short).
//  - Size: O <= |y| gives |y| >= ceil(t |x|).
//  - Position: scanning x's prefix in order, a qualifying pair first meets at c itself (any earlier
//    meeting would be an earlier common element), at positions i, j; every common element is at or
//    after them, so O <= 1 + min(|x| - 1 - i, |y| - 1 - j), and a pair whose first meeting leaves that
//    below a(x, y) cannot qualify. For the same reason verification starts right after c with one
//    common element counted.
//  - Verification merges the rest of both sets exactly, and gives up only when the common elements found
//    plus those still possible fall below a(x, y).
// Each bound is rounded towards the lax side (detail::ceil_count); the final test is the exact ratio.
inline std::vector<JaccardPair> exact_jaccard_pairs(std::span<const ShingleSet> sets, double threshold) {
  const std::size_t n = sets.size();

  // The global order: distinct elements by document frequency, rarest first, ties by hash value.
  std::vector<std::uint64_t> distinct;
  {
    std::size_t total = 0;
    for (const ShingleSet& set : sets) total += set.size();
    distinct.reserve(total);
    for (const ShingleSet& set : sets) distinct.insert(distinct.end(), set.begin(), set.end());
  }
  std::sort(distinct.begin(), distinct.end());
  std::vector<std::uint32_t> frequency;
  {
    std::size_t out = 0;
    for (std::size_t i = 0; i < distinct.size();) {
      std::size_t j = i;
      while (j < distinct.size() && distinct[j] == distinct[i]) ++j;
      distinct[out++] = distinct[i];
      frequency.push_back(static_cast<std::uint32_t>(j - i));
      i = j;
    }
    distinct.resize(out);
  }
  std::vector<std::uint32_t> by_rarity(distinct.size());
  std::iota(by_rarity.begin(), by_rarity.end(), 0U);
  std::stable_sort(by_rarity.begin(), by_rarity.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return frequency[a] < frequency[b]; });
  std::vector<std::uint32_t> rank(distinct.size());
  for (std::size_t r = 0; r < by_rarity.size(); ++r) rank[by_rarity[r]] = static_cast<std::uint32_t>(r);

  // Probing order: smallest set first (then input order).
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return sets[a].size() < sets[b].size(); });

  // Each set, in probing order, rewritten as ranks and sorted: its elements in the global order. Ranks
  // are a bijection of the hashes, so Jaccard similarities are unchanged.
  std::vector<std::vector<std::uint32_t>> ordered(n);
  for (std::size_t position = 0; position < n; ++position) {
    const ShingleSet& set = sets[order[position]];
    ordered[position].reserve(set.size());
    for (const std::uint64_t hash : set) {
      const auto at = std::lower_bound(distinct.begin(), distinct.end(), hash) - distinct.begin();
      ordered[position].push_back(rank[static_cast<std::size_t>(at)]);
    }
    std::sort(ordered[position].begin(), ordered[position].end());
  }

  const double t = threshold;
  const auto probe_prefix = [t](std::size_t size) {
    return size == 0 ? 0 : size - std::min(size, detail::ceil_count(t * static_cast<double>(size))) + 1;
  };
  const auto indexed_prefix = [t](std::size_t size) {
    return size == 0 ? 0 : size - std::min(size, detail::ceil_count(2 * t / (1 + t) * static_cast<double>(size))) + 1;
  };

  // The inverted index of indexed prefixes, built up front: each posting list holds sets in probing
  // order, so a probe reads a list only up to itself, which is what an index filled as the probes go
  // would hold.
  std::vector<std::size_t> list_start(distinct.size() + 1, 0);
  for (const std::vector<std::uint32_t>& set : ordered) {
    const std::size_t length = indexed_prefix(set.size());
    for (std::size_t k = 0; k < length; ++k) ++list_start[set[k] + std::size_t{1}];
  }
  std::partial_sum(list_start.begin(), list_start.end(), list_start.begin());
  std::vector<detail::Posting> postings(list_start.back());
  {
    std::vector<std::size_t> next(list_start.begin(), list_start.end() - 1);
    for (std::uint32_t position = 0; position < n; ++position) {
      const std::vector<std::uint32_t>& set = ordered[position];
      const std::size_t length = indexed_prefix(set.size());
      for (std::size_t k = 0; k < length; ++k) postings[next[set[k]]++] = {position, static_cast<std::uint32_t>(k)};
    }
  }

  std::vector<JaccardPair> pairs;
  std::vector<std::uint32_t> seen_by(n, std::numeric_limits<std::uint32_t>::max());  // last probe to meet a set
  for (std::uint32_t position = 0; position < n; ++position) {
    const std::vector<std::uint32_t>& x = ordered[position];
    const std::size_t min_size = detail::ceil_count(t * static_cast<double>(x.size()));
    const std::size_t length = probe_prefix(x.size());
    for (std::size_t i = 0; i < length; ++i) {
      for (std::size_t p = list_start[x[i]]; p < list_start[x[i] + std::size_t{1}]; ++p) {
        const detail::Posting posting = postings[p];
        if (posting.set >= position) break;
        if (seen_by[posting.set] == position) continue;
        seen_by[posting.set] = position;
        const std::vector<std::uint32_t>& y = ordered[posting.set];
        if (y.size() < min_size) continue;
        const std::size_t needed = detail::ceil_count(t / (1 + t) * static_cast<double>(x.size() + y.size()));
        std::size_t xi = i + 1;
        std::size_t yj = std::size_t{posting.offset} + 1;
        std::size_t common = 1;
        while (xi < x.size() && yj < y.size() && common + std::min(x.size() - xi, y.size() - yj) >= needed) {
          if (x[xi] < y[yj]) {
            ++xi;
          } else if (y[yj] < x[xi]) {
            ++yj;
          } else {
            ++common;
            ++xi;
            ++yj;
          }
        }
        if (common < needed) continue;
        const double similarity =
            static_cast<double>(common) / static_cast<double>(x.size() + y.size() - common);
        if (similarity < threshold) continue;
        const std::uint32_t a = std::min(order[position], order[posting.set]);
        const std::uint32_t b = std::max(order[position], order[posting.set]);
        pairs.push_back({a, b, similarity});
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const JaccardPair& l, const JaccardPair& r) { return l.a != r.a ? l.a < r.a : l.b < r.b; });
  return pairs;
}

// Shingles `texts` as the engine does and returns every pair at or above `threshold`.
inline std::vector<JaccardPair> exact_jaccard_pairs(std::span<const std::string> texts, double threshold,
                                                    const ShingleOptions& options = {}) {
  const std::vector<ShingleSet> sets = shingle_sets(texts, options);
  return exact_jaccard_pairs(std::span<const ShingleSet>(sets), threshold);
}

}  // namespace storyline::quality
