// TF-IDF term weights over stems, with document frequencies that grow as articles stream in: no
// corpus-wide pass is needed before the first article can be weighed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace storyline {

// The id of a term a DocumentFrequencies has never counted.
inline constexpr std::uint32_t kUnknownTerm = 0xFFFFFFFFU;

// How many of the documents seen so far contain each term. Not thread-safe for writing; concurrent
// reads are safe while nobody writes.
class DocumentFrequencies {
 public:
  // Counts one more document containing each of `distinct_terms` (each term at most once per call).
  void add_document(std::span<const std::string_view> distinct_terms);
  // The same, and writes each term's document frequency after the count (this document included) to
  // the same position of `frequencies`, which must be as long as `distinct_terms`: weighing the terms
  // right after then needs no second lookup.
  void add_document(std::span<const std::string_view> distinct_terms, std::span<std::size_t> frequencies);

  // A dense id for `term`, the same for as long as this object lives; ids count up from 0 in order of
  // first use. Callers that meet the same terms again and again (Analyzer) keep the id and count by it,
  // which spares hashing the term's string for every document.
  [[nodiscard]] std::uint32_t intern(std::string_view term);
  // add_document by ids from intern(): counts one more document containing each term (each at most once
  // per call) and writes each one's frequency after the count to the same position of `frequencies`.
  void add_document(std::span<const std::uint32_t> distinct_ids, std::span<std::size_t> frequencies);

  [[nodiscard]] std::size_t documents() const noexcept { return m_documents; }
  [[nodiscard]] std::size_t frequency(std::string_view term) const noexcept;
  // The term's id, or kUnknownTerm when it was never counted.
  [[nodiscard]] std::uint32_t find(std::string_view term) const noexcept;
  [[nodiscard]] std::size_t frequency(std::uint32_t id) const noexcept { return m_counts[id]; }

  // Smoothed inverse document frequency, ln((1 + N) / (1 + df)) + 1: never zero, so a term seen in every
  // document still counts a little, and defined for unseen terms (df = 0).
  [[nodiscard]] double idf(std::string_view term) const noexcept;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> m_ids;
  std::vector<std::size_t> m_counts;  // by id
  std::size_t m_documents = 0;
};

struct WeightedTerm {
  std::string term;     // the stem
  // The stem's id in the DocumentFrequencies it was weighed against (intern), or kUnknownTerm when that
  // table has never counted it.
  std::uint32_t id = kUnknownTerm;
  std::string display;  // the stem's first surface form in the document, case-folded: readable, unlike a stem
  double weight = 0.0;  // (1 + ln tf) * idf, L2-normalised over the document's terms
};

// One document's term as counted by the analyzer, keyed by stem.
struct TermCount {
  std::size_t count = 0;
  std::string first_surface;
};

// Weighs a document's terms against `frequencies` and returns the `limit` heaviest (all when limit is 0),
// heaviest first, ties broken by term so that output is deterministic. Thread-safe for distinct inputs.
[[nodiscard]] std::vector<WeightedTerm> weigh_terms(const std::unordered_map<std::string, TermCount>& counts,
                                                    const DocumentFrequencies& frequencies, std::size_t limit);

}  // namespace storyline
