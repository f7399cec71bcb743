#include "storyline/text/term_weights.hpp"

#include <algorithm>
#include <cmath>

#include "storyline/text/unicode.hpp"
#include "text/term_weights_detail.hpp"

namespace storyline {

std::uint32_t DocumentFrequencies::intern(std::string_view term) {
  auto it = m_ids.find(term);
  if (it == m_ids.end()) {
    it = m_ids.emplace(std::string(term), static_cast<std::uint32_t>(m_counts.size())).first;
    m_counts.push_back(0);
  }
  return it->second;
}

void DocumentFrequencies::add_document(std::span<const std::string_view> distinct_terms) {
  ++m_documents;
  for (std::string_view term : distinct_terms) ++m_counts[intern(term)];
}

void DocumentFrequencies::add_document(std::span<const std::string_view> distinct_terms,
                                       std::span<std::size_t> frequencies) {
  ++m_documents;
  for (std::size_t i = 0; i < distinct_terms.size(); ++i) frequencies[i] = ++m_counts[intern(distinct_terms[i])];
}

void DocumentFrequencies::add_document(std::span<const std::uint32_t> distinct_ids,
                                       std::span<std::size_t> frequencies) {
  ++m_documents;
  for (std::size_t i = 0; i < distinct_ids.size(); ++i) frequencies[i] = ++m_counts[distinct_ids[i]];
}

std::uint32_t DocumentFrequencies::find(std::string_view term) const noexcept {
  const auto it = m_ids.find(term);
  return it == m_ids.end() ? kUnknownTerm : it->second;
}

std::size_t DocumentFrequencies::frequency(std::string_view term) const noexcept {
  const auto it = m_ids.find(term);
  return it == m_ids.end() ? 0 : m_counts[it->second];
}

double DocumentFrequencies::idf(std::string_view term) const noexcept {
  return detail::smoothed_idf(m_documents, frequency(term));
}

double detail::smoothed_idf(std::size_t documents, std::size_t frequency) noexcept {
  const auto n = static_cast<double>(documents);
  const auto df = static_cast<double>(frequency);
  return std::log((1.0 + n) / (1.0 + df)) + 1.0;
}

std::vector<WeightedTerm> detail::weigh_counted_terms(std::span<const CountedTerm> terms,
                                                      std::size_t documents, std::size_t limit) {
  // Candidates are ranked by pointer to their term; only the `limit` kept become WeightedTerms, so the
  // stems of the rest are never copied.
  struct Candidate {
    double weight;
    const CountedTerm* term;
  };
  std::vector<Candidate> candidates;
  candidates.reserve(terms.size());
  for (const CountedTerm& term : terms) {
    const double weight =
        (1.0 + std::log(static_cast<double>(term.count))) * smoothed_idf(documents, term.frequency);
    candidates.push_back({weight, &term});
  }
  // Stems are unique, so this order is total: the ranking, and the norm summed in ranked order, do not
  // depend on the order the terms come in, so every way of counting a document's terms gives the same
  // weights to the last bit.
  const auto heavier = [](const Candidate& a, const Candidate& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.term->term < b.term->term;
  };
  std::sort(candidates.begin(), candidates.end(), heavier);
  double norm = 0.0;
  for (const Candidate& candidate : candidates) norm += candidate.weight * candidate.weight;
  norm = std::sqrt(norm);
  const std::size_t keep = (limit == 0 || limit > candidates.size()) ? candidates.size() : limit;
  std::vector<WeightedTerm> weighted;
  weighted.reserve(keep);
  for (std::size_t i = 0; i < keep; ++i) {
    double weight = candidates[i].weight;
    if (norm > 0.0) weight /= norm;
    const CountedTerm& term = *candidates[i].term;
    weighted.push_back({std::string(term.term), term.id,
                        term.fold_display ? case_fold(term.display) : std::string(term.display), weight});
  }
  return weighted;
}

std::vector<WeightedTerm> weigh_terms(const std::unordered_map<std::string, TermCount>& counts,
                                      const DocumentFrequencies& frequencies, std::size_t limit) {
  std::vector<detail::CountedTerm> terms;
  terms.reserve(counts.size());
  for (const auto& [stem, count] : counts) {
    terms.push_back({stem, count.count, count.first_surface, false, frequencies.frequency(stem),
                     frequencies.find(stem)});
  }
  return detail::weigh_counted_terms(terms, frequencies.documents(), limit);
}

}  // namespace storyline
