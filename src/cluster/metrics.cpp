#include "storyline/cluster/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace storyline {
namespace {

constexpr std::size_t kMaxItems = std::numeric_limits<std::uint32_t>::max();

// Labels renumbered 0, 1, ... in order of first appearance, with the size of each cluster. Dense ids let
// the contingency table use one 64-bit key per cell, and first-appearance order makes every floating-point
// sum below run in the same order however the caller named its clusters, so relabeling gives the very
// same scores, not merely close ones.
struct DenseLabels {
  std::vector<std::uint32_t> ids;
  std::vector<std::uint64_t> sizes;
};

DenseLabels densify(std::span<const std::uint32_t> labels) {
  DenseLabels dense;
  dense.ids.reserve(labels.size());
  std::unordered_map<std::uint32_t, std::uint32_t> numbering;
  for (const std::uint32_t label : labels) {
    const auto [it, inserted] = numbering.try_emplace(label, static_cast<std::uint32_t>(dense.sizes.size()));
    if (inserted) dense.sizes.push_back(0);
    ++dense.sizes[it->second];
    dense.ids.push_back(it->second);
  }
  return dense;
}

struct Cell {
  std::uint32_t gold = 0;
  std::uint32_t predicted = 0;
  std::uint64_t count = 0;
};

// The non-empty cells of the contingency table, in order of first appearance (see DenseLabels).
std::vector<Cell> contingency_cells(const DenseLabels& gold, const DenseLabels& predicted) {
  std::vector<Cell> cells;
  std::unordered_map<std::uint64_t, std::size_t> index;
  for (std::size_t i = 0; i < gold.ids.size(); ++i) {
    const std::uint64_t key = (std::uint64_t{gold.ids[i]} << 32U) | predicted.ids[i];
    const auto [it, inserted] = index.try_emplace(key, cells.size());
    if (inserted) cells.push_back(Cell{gold.ids[i], predicted.ids[i], 0});
    ++cells[it->second].count;
  }
  return cells;
}

// n choose 2, halving the even factor first so that the product cannot overflow for n < 2^32.
std::uint64_t pairs(std::uint64_t n) { return n % 2 == 0 ? (n / 2) * (n - 1) : n * ((n - 1) / 2); }

std::uint64_t sum_of_pairs(const std::vector<std::uint64_t>& sizes) {
  std::uint64_t sum = 0;
  for (const std::uint64_t size : sizes) sum += pairs(size);
  return sum;
}

// Shannon entropy (natural log) of the cluster-size distribution.
long double entropy(const std::vector<std::uint64_t>& sizes, long double items) {
  long double h = 0.0L;
  for (const std::uint64_t size : sizes) {
    const long double p = static_cast<long double>(size) / items;
    h -= p * std::log(p);
  }
  return h;
}

double as_double(long double value) { return static_cast<double>(value); }

}  // namespace

Result<ClusteringScores> score_clustering(std::span<const std::uint32_t> gold,
                                          std::span<const std::uint32_t> predicted) {
  if (gold.size() != predicted.size()) {
    return Error{ErrorCode::kInvalidArgument, "gold and predicted labelings differ in length (" +
                                                  std::to_string(gold.size()) + " and " +
                                                  std::to_string(predicted.size()) + " items)"};
  }
  if (gold.size() >= kMaxItems) {
    return Error{ErrorCode::kInvalidArgument, "too many items to score: " + std::to_string(gold.size())};
  }
  ClusteringScores scores;
  if (gold.empty()) return scores;

  const DenseLabels gold_labels = densify(gold);
  const DenseLabels predicted_labels = densify(predicted);
  const std::vector<Cell> cells = contingency_cells(gold_labels, predicted_labels);
  scores.items = gold.size();
  scores.gold_clusters = gold_labels.sizes.size();
  scores.predicted_clusters = predicted_labels.sizes.size();
  const auto items = static_cast<long double>(scores.items);

  // B-cubed: the items of one cell share both clusters, so each contributes count / |cluster| and the
  // cell as a whole count² / |cluster|; summing per cell avoids a pass per item.
  long double precision_sum = 0.0L;
  long double recall_sum = 0.0L;
  long double mutual_information = 0.0L;
  std::uint64_t agreeing_pairs = 0;
  for (const Cell& cell : cells) {
    const auto count = static_cast<long double>(cell.count);
    const auto gold_size = static_cast<long double>(gold_labels.sizes[cell.gold]);
    const auto predicted_size = static_cast<long double>(predicted_labels.sizes[cell.predicted]);
    precision_sum += count * count / predicted_size;
    recall_sum += count * count / gold_size;
    mutual_information += (count / items) * std::log(items * count / (gold_size * predicted_size));
    agreeing_pairs += pairs(cell.count);
  }
  const long double precision = precision_sum / items;
  const long double recall = recall_sum / items;
  scores.bcubed_precision = as_double(precision);
  scores.bcubed_recall = as_double(recall);
  scores.bcubed_f1 =
      precision + recall > 0.0L ? as_double(2.0L * precision * recall / (precision + recall)) : 0.0;

  // Every gold cluster meets at least one predicted cluster and vice versa, so as many cells as clusters on
  // both sides means a one-to-one match: the same partition. Deciding this exactly keeps NMI and ARI at
  // exactly 1 there, and covers the cases where their formulas are 0/0.
  const bool identical = cells.size() == scores.gold_clusters && cells.size() == scores.predicted_clusters;
  if (identical) {
    scores.nmi = 1.0;
    scores.ari = 1.0;
    return scores;
  }

  // Not identical, so at most one side has a single cluster. If one has, its entropy and the mutual
  // information are 0 and NMI is 0 as documented; the guard only protects against a zero denominator.
  const long double entropy_sum = entropy(gold_labels.sizes, items) + entropy(predicted_labels.sizes, items);
  const long double nmi = entropy_sum > 0.0L ? 2.0L * mutual_information / entropy_sum : 0.0L;
  scores.nmi = as_double(std::clamp(nmi, 0.0L, 1.0L));  // rounding can stray a hair outside [0, 1]

  // ARI = (index - expected) / (max - expected) over pair counts. The product of the two sides' pair counts
  // reaches ~10^23 at a million items, beyond 64 bits: it is taken in long double.
  const auto index = static_cast<long double>(agreeing_pairs);
  const auto gold_pairs = static_cast<long double>(sum_of_pairs(gold_labels.sizes));
  const auto predicted_pairs = static_cast<long double>(sum_of_pairs(predicted_labels.sizes));
  const auto all_pairs = static_cast<long double>(pairs(scores.items));
  const long double expected = gold_pairs * predicted_pairs / all_pairs;
  const long double maximum = (gold_pairs + predicted_pairs) / 2.0L;
  // max == expected only when both sides are one cluster or both all singletons, i.e. identical partitions,
  // which returned above; the guard is belt and braces.
  scores.ari = maximum > expected ? as_double((index - expected) / (maximum - expected)) : 1.0;
  return scores;
}

namespace {

// Numbers one side's labels densely as shared items are met; an item without a label gets a fresh id.
class LabelNumbering {
 public:
  std::uint32_t id_of(const std::optional<std::string>& label) {
    if (!label) return m_next++;
    const auto [it, inserted] = m_ids.try_emplace(*label, m_next);
    if (inserted) ++m_next;
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, std::uint32_t> m_ids;  // views into the caller's ItemLabels
  std::uint32_t m_next = 0;
};

Error duplicate_id(const std::string& id, std::string_view side) {
  return Error{ErrorCode::kInvalidArgument,
               "duplicate id '" + id + "' in the " + std::string(side) + " labeling"};
}

}  // namespace

Result<AlignedLabelings> align_labelings(std::span<const ItemLabel> gold,
                                         std::span<const ItemLabel> predicted) {
  if (gold.size() >= kMaxItems || predicted.size() >= kMaxItems) {
    return Error{ErrorCode::kInvalidArgument,
                 "too many items to align: " + std::to_string(std::max(gold.size(), predicted.size()))};
  }
  std::unordered_map<std::string_view, std::size_t> predicted_index;
  predicted_index.reserve(predicted.size());
  for (std::size_t j = 0; j < predicted.size(); ++j) {
    if (!predicted_index.try_emplace(predicted[j].id, j).second)
      return duplicate_id(predicted[j].id, "predicted");
  }

  AlignedLabelings aligned;
  LabelNumbering gold_numbering;
  LabelNumbering predicted_numbering;
  std::unordered_set<std::string_view> gold_ids;
  gold_ids.reserve(gold.size());
  std::vector<bool> matched(predicted.size(), false);
  for (const ItemLabel& item : gold) {
    if (!gold_ids.insert(item.id).second) return duplicate_id(item.id, "gold");
    const auto it = predicted_index.find(item.id);
    if (it == predicted_index.end()) {
      aligned.missing_in_predicted.push_back(item.id);
      continue;
    }
    matched[it->second] = true;
    aligned.gold.push_back(gold_numbering.id_of(item.label));
    aligned.predicted.push_back(predicted_numbering.id_of(predicted[it->second].label));
  }
  for (std::size_t j = 0; j < predicted.size(); ++j) {
    if (!matched[j]) aligned.missing_in_gold.push_back(predicted[j].id);
  }
  return aligned;
}

}  // namespace storyline
