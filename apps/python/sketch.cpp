// The Dask driver's building blocks over libstoryline's public API (see sketch.hpp). The driver computes
// copy groups itself from band keys shuffled across workers, so it needs exactly what DedupIndex keeps per
// article and the estimate DedupIndex verifies with; and it links storylines over stories it stitched
// from many windows, which is StoryClusterer::add_forced.
#include "sketch.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "convert.hpp"
#include "storyline/cluster/clusterer.hpp"
#include "storyline/dedup/dedup_index.hpp"
#include "storyline/dedup/deduplicator.hpp"
#include "storyline/dedup/minhash.hpp"
#include "storyline/json/codec.hpp"

namespace storyline::python {
namespace {

namespace py = pybind11;

Error invalid(const std::string& reason) { return Error{ErrorCode::kInvalidArgument, reason}; }

// The options `storyline dedup` would use, with the banding resolved exactly as DedupIndex resolves it,
// so that band keys computed here meet those of every other shard.
DedupOptions dedup_options(double threshold, const std::string& shingle_kind, std::size_t shingle_size,
                           std::size_t permutations) {
  if (shingle_kind != "words" && shingle_kind != "chars") {
    throw EngineError(invalid("shingle_kind must be 'words' or 'chars'"));
  }
  DedupOptions options;
  options.threshold = threshold;
  options.shingles.kind = shingle_kind == "chars" ? ShingleKind::kCharacters : ShingleKind::kWords;
  options.shingles.size = shingle_size;
  options.permutations = permutations;
  const DedupIndex index = unwrap(DedupIndex::create(options));
  return index.options();
}

// The article at `index` of the caller's input; when the caller names the file and line it came from,
// errors carry them (storyline.Error's file and line), as the CLI's reader reports a bad record.
Article read_article(py::handle item, std::size_t index, const std::optional<std::string>& file,
                     const std::optional<std::vector<std::size_t>>& lines) {
  if (!file) return to_article(item, article_label(index), index);
  const std::size_t line = lines && index < lines->size() ? (*lines)[index] : 0;
  const std::string where = *file + (line != 0 ? ":" + std::to_string(line) : std::string());
  try {
    return to_article(item, where, index);
  } catch (const EngineError& failure) {
    Error error = failure.error();
    error.file = *file;
    error.line = line;
    throw EngineError(std::move(error), index);
  }
}

py::dict sketch_articles(const py::iterable& articles, const std::optional<std::string>& file,
                         const std::optional<std::vector<std::size_t>>& lines, double threshold,
                         const std::string& shingle_kind, std::size_t shingle_size,
                         std::size_t permutations) {
  const DedupOptions options = dedup_options(threshold, shingle_kind, shingle_size, permutations);
  Sketcher sketcher(options);
  Sketch sketch;
  std::vector<std::string> ids;
  std::vector<std::optional<std::int64_t>> published;
  std::string content;     // 16 bytes per article: ContentHash low, then high
  std::string band_keys;   // bands x uint32 per article
  std::string signatures;  // permutations bytes per article
  std::string has_words;   // one byte per article
  std::vector<Article> chunk;
  const auto flush = [&] {
    py::gil_scoped_release release;
    for (const Article& article : chunk) {
      sketcher.sketch(article.text, sketch);
      content.append(reinterpret_cast<const char*>(&sketch.content.low), sizeof sketch.content.low);
      content.append(reinterpret_cast<const char*>(&sketch.content.high), sizeof sketch.content.high);
      band_keys.append(reinterpret_cast<const char*>(sketch.band_keys.data()),
                       sketch.band_keys.size() * sizeof(std::uint32_t));
      signatures.append(reinterpret_cast<const char*>(sketch.signature.data()), sketch.signature.size());
      has_words.push_back(sketch.has_words ? '\1' : '\0');
      ids.push_back(article.id);
      published.push_back(article.published_at
                              ? std::optional<std::int64_t>(article.published_at->time_since_epoch().count())
                              : std::nullopt);
    }
    chunk.clear();
  };
  read_in_chunks(
      articles,
      [&](py::handle item, std::size_t index) { chunk.push_back(read_article(item, index, file, lines)); },
      flush);
  py::dict out;
  out["ids"] = py::cast(ids);
  out["published"] = py::cast(published);
  out["content"] = py::bytes(content);
  out["band_keys"] = py::bytes(band_keys);
  out["signatures"] = py::bytes(signatures);
  out["has_words"] = py::bytes(has_words);
  out["bands"] = options.banding.bands;
  out["rows"] = options.banding.rows;
  out["permutations"] = options.permutations;
  return out;
}

using Signatures = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>;
using Docs = py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>;

// estimate_jaccard for many pairs of rows of a signature matrix (one row per article).
py::array_t<double> estimate_pairs(const Signatures& signatures, const Docs& first, const Docs& second) {
  if (signatures.ndim() != 2) throw EngineError(invalid("signatures must be a 2-D array"));
  if (first.ndim() != 1 || second.ndim() != 1 || first.size() != second.size()) {
    throw EngineError(invalid("the two document arrays must be 1-D and of equal length"));
  }
  const auto rows = static_cast<std::size_t>(signatures.shape(0));
  const auto width = static_cast<std::size_t>(signatures.shape(1));
  const auto pairs = static_cast<std::size_t>(first.size());
  py::array_t<double> out(static_cast<py::ssize_t>(pairs));
  const std::uint8_t* matrix = signatures.data();
  const std::uint32_t* a = first.data();
  const std::uint32_t* b = second.data();
  double* estimates = out.mutable_data();
  for (std::size_t i = 0; i < pairs; ++i) {
    if (a[i] >= rows || b[i] >= rows) throw EngineError(invalid("document number out of range"));
  }
  py::gil_scoped_release release;
  for (std::size_t i = 0; i < pairs; ++i) {
    estimates[i] = estimate_jaccard(std::span<const std::uint8_t>(matrix + a[i] * width, width),
                                    std::span<const std::uint8_t>(matrix + b[i] * width, width));
  }
  return out;
}

py::object copy_verdict(const std::string& id, const std::optional<std::string>& original, double similarity,
                        bool exact) {
  CopyVerdict verdict;
  verdict.id = id;
  if (original) verdict.duplicate_of = 0;  // copy_verdict_json only asks whether there is one
  verdict.similarity = similarity;
  verdict.exact = exact;
  return to_python(json::copy_verdict_json(verdict, original.value_or("")));
}

std::int64_t days_to_seconds(double days, const char* name, bool zero_allowed) {
  if (!std::isfinite(days) || days < 0.0 || (days == 0.0 && !zero_allowed)) {
    throw EngineError(invalid(std::string(name) + " must be a " +
                              (zero_allowed ? "non-negative" : "positive") + " number of days"));
  }
  return static_cast<std::int64_t>(days * 86400.0);
}

// The articles, in the order given, each put into the story the caller assigned it (any integer label;
// the clusterer numbers stories itself, in the order they open), with storylines chosen by the model as
// `cluster` chooses them. A story quiet past retire_after_days comes back as a new story number, as in
// StoryClusterer::add_forced. Returns what `cluster` returns, in input order.
py::list cluster_given_stories(const py::iterable& articles, const std::vector<std::int64_t>& stories,
                               double retire_after_days, double max_story_days,
                               double storyline_retire_after_days,
                               std::optional<double> storyline_threshold) {
  ClusterOptions options;
  options.retire_after_seconds = days_to_seconds(retire_after_days, "retire_after_days", false);
  options.max_story_seconds = days_to_seconds(max_story_days, "max_story_days", true);
  options.storyline_retire_after_seconds =
      days_to_seconds(storyline_retire_after_days, "storyline_retire_after_days", false);
  if (storyline_threshold && !(*storyline_threshold >= 0.0 && *storyline_threshold <= 1.0)) {
    throw EngineError(invalid("storyline_threshold must be in [0, 1]"));
  }
  options.storyline_threshold = storyline_threshold;
  StoryClusterer clusterer = unwrap(StoryClusterer::create(options));

  std::unordered_map<std::int64_t, std::uint32_t> placed;  // caller's label -> clusterer's story
  std::vector<json::Json> out;
  std::vector<Article> chunk;
  std::size_t read = 0;  // articles read so far
  const auto flush = [&] {
    py::gil_scoped_release release;
    const std::size_t first = read - chunk.size();
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const Article& article = chunk[i];
      const std::int64_t label = stories[first + i];
      const auto known = placed.find(label);
      auto assignment = clusterer.add_forced(
          article, known == placed.end() ? std::nullopt : std::optional<std::uint32_t>(known->second));
      if (!assignment) throw EngineError(std::move(assignment).error(), first + i);
      placed[label] = assignment->story;
      out.push_back(json::assignment_json(article.id, assignment->story, assignment->storyline,
                                          assignment->duplicate_of_id.value_or("")));
    }
    chunk.clear();
  };
  read_in_chunks(
      articles,
      [&](py::handle item, std::size_t index) {
        if (index >= stories.size()) throw EngineError(invalid("more articles than stories"));
        chunk.push_back(to_article(item, article_label(index), index));
        ++read;
      },
      flush);
  if (read != stories.size()) throw EngineError(invalid("fewer articles than stories"));
  py::list result(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) result[i] = to_python(out[i]);
  return result;
}

}  // namespace

void bind_sketch(py::module_& module) {
  const DedupOptions dedup_defaults;
  module.def(
      "_sketch", &sketch_articles, py::arg("articles"), py::kw_only(), py::arg("file") = py::none(),
      py::arg("lines") = py::none(), py::arg("threshold") = dedup_defaults.threshold,
      py::arg("shingle_kind") = "words", py::arg("shingle_size") = dedup_defaults.shingles.size,
      py::arg("permutations") = dedup_defaults.permutations,
      "For the Dask driver: what the copy index keeps of each article, as `dedup` computes it. Returns\n"
      "a dict: ids, published (seconds since the epoch, or None), content (16 bytes each), band_keys\n"
      "(bands uint32 each), signatures (permutations bytes each), has_words (1 byte each), bands,\n"
      "rows, permutations. With file (and lines, each article's line), errors name file and line.");
  module.def("_estimate_pairs", &estimate_pairs, py::arg("signatures"), py::arg("first"), py::arg("second"),
             "For the Dask driver: the estimated Jaccard similarity of each pair (first[i], second[i]) of\n"
             "rows of a signature matrix, as the copy index verifies a candidate.");
  module.def("_copy_verdict", &copy_verdict, py::arg("id"), py::arg("duplicate_of"), py::arg("similarity"),
             py::arg("exact"), "For the Dask driver: one line of `dedup` as a dict.");
  const ClusterOptions cluster_defaults;
  module.def(
      "_cluster_given_stories", &cluster_given_stories, py::arg("articles"), py::arg("stories"),
      py::kw_only(),
      py::arg("retire_after_days") = static_cast<double>(cluster_defaults.retire_after_seconds) / 86400.0,
      py::arg("max_story_days") = static_cast<double>(cluster_defaults.max_story_seconds) / 86400.0,
      py::arg("storyline_retire_after_days") =
          static_cast<double>(cluster_defaults.storyline_retire_after_seconds) / 86400.0,
      py::arg("storyline_threshold") = py::none(),
      "For the Dask driver: `cluster` over articles already in stream order, each put into the story\n"
      "given for it (stories[i], any integer label) instead of the one the model picks; storylines\n"
      "are chosen by the model. Returns one dict per article, in input order, as `cluster`.");
}

}  // namespace storyline::python
