// How well a predicted clustering matches a gold one: B-cubed precision/recall/F1, normalised mutual
// information and the adjusted Rand index, computed from cluster sizes and the contingency table (hash
// maps, linear in the number of items; never a pass over pairs of items).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "storyline/common/result.hpp"

namespace storyline {

// Scores of a predicted labeling against a gold one, over the same items. Every score is 1 when the two
// labelings are the same partition (whatever the label values).
struct ClusteringScores {
  std::size_t items = 0;               // items scored
  std::size_t gold_clusters = 0;       // distinct gold labels among them
  std::size_t predicted_clusters = 0;  // distinct predicted labels among them
  // B-cubed (Bagga & Baldwin 1998): an item's precision is |its predicted cluster ∩ its gold cluster| /
  // |its predicted cluster|, its recall the same over |its gold cluster|; both are averaged over items and
  // F1 is the harmonic mean of the two averages. Swapping gold and predicted swaps precision and recall.
  double bcubed_precision = 0.0;
  double bcubed_recall = 0.0;
  double bcubed_f1 = 0.0;
  // Normalised mutual information with the arithmetic-mean normalisation, 2·I(G;P) / (H(G) + H(P)), in
  // [0, 1] and symmetric. When an entropy is 0 (a side with a single cluster) the ratio is undefined; we
  // define it as 1 when both sides have a single cluster (the partitions are identical) and 0 when only
  // one side has.
  double nmi = 0.0;
  // Adjusted Rand index (Hubert & Arabie 1985) from the contingency table: the Rand index corrected for
  // chance, 0 in expectation for random labelings, at most 1, and negative when agreement is below
  // chance. Symmetric. 1 for identical partitions (including the cases where the usual formula is 0/0).
  double ari = 0.0;
};

// Scores `predicted` against `gold`: element i of each is the cluster label of item i. Labels are opaque
// ids (they need not be dense or start at 0, and the two sides' ids are unrelated). With no items, every
// count and score is 0. Pair counts are 64-bit integers and their products long doubles, so millions of
// items neither overflow nor lose precision. Time and memory are linear in the number of items.
// Errors: kInvalidArgument when the two spans differ in length or hold 2^32 items or more. Thread-safe.
[[nodiscard]] Result<ClusteringScores> score_clustering(std::span<const std::uint32_t> gold,
                                                        std::span<const std::uint32_t> predicted);

// One item of a labeling as a user writes it: an id and a cluster label, where no label means the item is
// in a cluster of its own (a singleton).
struct ItemLabel {
  std::string id;
  std::optional<std::string> label;
};

// Two labelings joined on item id, ready for score_clustering: gold[i] and predicted[i] are the dense
// label ids of the i-th shared item, in gold order. Items in only one labeling are listed, not scored.
struct AlignedLabelings {
  std::vector<std::uint32_t> gold;
  std::vector<std::uint32_t> predicted;
  std::vector<std::string> missing_in_predicted;  // gold ids absent from predicted, in gold order
  std::vector<std::string> missing_in_gold;       // predicted ids absent from gold, in predicted order
};

// Joins two labelings on id. Equal label strings on one side are one cluster; every item without a label
// gets a cluster of its own. Label ids are numbered per side over the shared items only, so a cluster whose
// items are all missing on the other side does not count.
// Errors: kInvalidArgument naming the id when an id occurs twice on one side, or when a side holds 2^32
// items or more. Thread-safe.
[[nodiscard]] Result<AlignedLabelings> align_labelings(std::span<const ItemLabel> gold,
                                                       std::span<const ItemLabel> predicted);

}  // namespace storyline
