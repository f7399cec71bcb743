// Private: the TF-IDF arithmetic behind weigh_terms, for callers that already know each term's document
// frequency (Analyzer learns them while counting its document). One implementation, so that both ways
// give the same weights to the last bit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/text/term_weights.hpp"

namespace storyline::detail {

// ln((1 + documents) / (1 + frequency)) + 1, as DocumentFrequencies::idf.
[[nodiscard]] double smoothed_idf(std::size_t documents, std::size_t frequency) noexcept;

// One of a document's terms as weigh_counted_terms needs it.
struct CountedTerm {
  std::string_view term;     // the stem
  std::size_t count;         // occurrences in the document
  std::string_view display;  // its first surface form, case-folded unless fold_display
  bool fold_display;         // case_fold(display) is the form to show (done for kept terms only)
  std::size_t frequency;     // the stem's document frequency
  std::uint32_t id;          // the stem's DocumentFrequencies id, passed on to WeightedTerm::id
};

// weigh_terms for a document's terms, in any order, each with its document frequency.
[[nodiscard]] std::vector<WeightedTerm> weigh_counted_terms(std::span<const CountedTerm> terms,
                                                            std::size_t documents, std::size_t limit);

}  // namespace storyline::detail
