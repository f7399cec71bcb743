// The module's functions over article dicts: analyze, similar, dedup and cluster. Each builds its own
// library objects per call, so calls from several Python threads do not share state.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <optional>
#include <string>

#include "storyline/cluster/clusterer.hpp"
#include "storyline/dedup/dedup_index.hpp"

namespace storyline::python {

namespace py = pybind11;

// The keyword arguments of dedup(), with the library's defaults (DedupOptions).
struct DedupParams {
  double threshold = DedupOptions{}.threshold;
  std::string shingle_kind = "words";
  std::size_t shingle_size = ShingleOptions{}.size;
  std::size_t permutations = DedupOptions{}.permutations;
  std::size_t threads = 0;  // every core
};

// The keyword arguments of cluster(), in days as the CLI's flags, with the library's defaults
// (ClusterOptions); thresholds unset use the models' own.
struct ClusterParams {
  std::size_t reorder_buffer = 10000;  // as `storyline cluster --reorder-buffer`
  double retire_after_days = static_cast<double>(ClusterOptions{}.retire_after_seconds) / 86400.0;
  double max_story_days = static_cast<double>(ClusterOptions{}.max_story_seconds) / 86400.0;
  double storyline_retire_after_days =
      static_cast<double>(ClusterOptions{}.storyline_retire_after_seconds) / 86400.0;
  std::optional<double> join_threshold;
  std::optional<double> storyline_threshold;
};

// One dict (an article) gives one analysis dict; any other iterable gives a list, analysed as one stream.
[[nodiscard]] py::object analyze(const py::object& articles, std::size_t top_terms);
[[nodiscard]] py::object similar(const py::object& a, const py::object& b, double same_story_days,
                                 double duplicate_threshold, std::size_t entities_across_languages);
[[nodiscard]] py::list dedup(const py::iterable& articles, const DedupParams& params);
[[nodiscard]] py::list cluster(const py::iterable& articles, const ClusterParams& params);

}  // namespace storyline::python
