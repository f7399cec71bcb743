#include "storyline/text/term_weights.hpp"

#include <algorithm>
#include <cmath>

namespace storyline {

void DocumentFrequencies::add_document(std::span<const std::string_view> distinct_terms) {
  ++m_documents;
  for (std::string_view term : distinct_terms) {
    auto it = m_frequency.find(term);
    if (it == m_frequency.end()) {
      m_frequency.emplace(std::string(term), 1);
    } else {
      ++it->second;
    }
  }
}

std::size_t DocumentFrequencies::frequency(std::string_view term) const noexcept {
  const auto it = m_frequency.find(term);
  return it == m_frequency.end() ? 0 : it->second;
}

double DocumentFrequencies::idf(std::string_view term) const noexcept {
  const auto n = static_cast<double>(m_documents);
  const auto df = static_cast<double>(frequency(term));
  return std::log((1.0 + n) / (1.0 + df)) + 1.0;
}

std::vector<WeightedTerm> weigh_terms(const std::unordered_map<std::string, TermCount>& counts,
                                      const DocumentFrequencies& frequencies, std::size_t limit) {
  std::vector<WeightedTerm> terms;
  terms.reserve(counts.size());
  double norm = 0.0;
  for (const auto& [stem, count] : counts) {
    const double weight = (1.0 + std::log(static_cast<double>(count.count))) * frequencies.idf(stem);
    norm += weight * weight;
    terms.push_back({stem, {}, weight});
  }
  norm = std::sqrt(norm);
  const auto heavier = [](const WeightedTerm& a, const WeightedTerm& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
  };
  const std::size_t keep = (limit == 0 || limit > terms.size()) ? terms.size() : limit;
  std::partial_sort(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(keep), terms.end(), heavier);
  terms.resize(keep);
  for (auto& term : terms) {
    if (norm > 0.0) term.weight /= norm;
    term.display = counts.at(term.term).first_surface;
  }
  return terms;
}

}  // namespace storyline
