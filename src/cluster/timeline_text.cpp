#include "cluster/timeline_text.hpp"

#include <algorithm>
#include <cmath>

#include "text/ascii.hpp"

namespace storyline::detail::timeline_text {
namespace {

// Ranking against one centroid needs no centroid norm: it scales every candidate alike.
bool better(double score_a, const Candidate& a, double score_b, const Candidate& b) {
  if (score_a != score_b) return score_a > score_b;
  return a.order < b.order;
}

}  // namespace

double dot(const SparseVector& vector, const Centroid& centroid) {
  double sum = 0.0;
  for (const auto& [id, weight] : vector) {
    if (const auto it = centroid.find(id); it != centroid.end()) sum += weight * it->second;
  }
  return sum;
}

void normalise(SparseVector& vector) {
  double norm = 0.0;
  for (const auto& term : vector) norm += term.second * term.second;
  if (norm <= 0.0) return;
  norm = std::sqrt(norm);
  for (auto& term : vector) term.second /= norm;
}

void keep_best(std::vector<Candidate>& pool, const Centroid& centroid, std::size_t limit) {
  if (pool.size() <= limit) return;
  std::vector<std::pair<double, std::size_t>> scored;
  scored.reserve(pool.size());
  for (std::size_t i = 0; i < pool.size(); ++i) scored.emplace_back(dot(pool[i].terms, centroid), i);
  std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    return better(a.first, pool[a.second], b.first, pool[b.second]);
  });
  std::vector<Candidate> kept;
  kept.reserve(limit);
  for (std::size_t i = 0; i < limit; ++i) kept.push_back(std::move(pool[scored[i].second]));
  pool = std::move(kept);
}

std::string best_of(const std::vector<Candidate>& pool, const Centroid& centroid) {
  const Candidate* best = nullptr;
  double best_score = 0.0;
  for (const Candidate& candidate : pool) {
    const double score = dot(candidate.terms, centroid);
    if (best == nullptr || better(score, candidate, best_score, *best)) {
      best = &candidate;
      best_score = score;
    }
  }
  return best == nullptr ? std::string() : best->text;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (detail::is_ascii_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string shorten(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut == 0) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  text.resize(cut);
  text += "...";
  return text;
}

// Sentences from the tokenizer's sentence starts. The bytes between two sentences are cut at their last
// white space, so closing punctuation and quotes stay with the sentence they end and an opening quote
// goes with the sentence it opens.
void split_sentences(std::string_view text, const std::vector<Token>& tokens, std::vector<Sentence>& out) {
  out.clear();
  const auto cut_before = [&](std::size_t token) {
    const std::size_t gap_begin = token == 0 ? 0 : tokens[token - 1].end();
    std::size_t cut = tokens[token].offset;
    while (cut > gap_begin && !detail::is_ascii_space(text[cut - 1])) --cut;
    return cut;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i != 0 && !tokens[i].sentence_start) continue;
    if (!out.empty()) {
      out.back().last = i;
      out.back().end = cut_before(i);
    }
    out.push_back({i, tokens.size(), cut_before(i), text.size()});
  }
}

}  // namespace storyline::detail::timeline_text
